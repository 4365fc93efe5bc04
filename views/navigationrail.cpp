#include "navigationrail.h"

#include "navigationdelegate.h"

#include <models/navigationmodel.h>

namespace Meshdeck {

NavigationRail::NavigationRail(NavigationModel *model, QWidget *parent)
    : QListView(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("navigationRail"));
    setModel(model);
    setItemDelegate(new NavigationDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setUniformItemSizes(true);
    setSpacing(2);
    setFixedWidth(sizeHint().width());
    viewport()->setAutoFillBackground(false);
    setAccessibleName(tr("Pages"));

    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit pageSelected(NavigationModel::pageAt(current));
            });
}

PageId NavigationRail::currentPage() const
{
    return NavigationModel::pageAt(currentIndex());
}

void NavigationRail::setCurrentPage(PageId page)
{
    const QModelIndex index = m_model->indexOf(page);
    if (index.isValid() && index != currentIndex())
        setCurrentIndex(index);
}

QSize NavigationRail::sizeHint() const
{
    return {100, QListView::sizeHint().height()};
}

} // namespace Meshdeck
