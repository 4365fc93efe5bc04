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
    updateWidth();
    viewport()->setAutoFillBackground(false);
    setAccessibleName(tr("Pages"));

    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit pageSelected(NavigationModel::pageAt(current));
            });
    // Titles change with the language: keep the longest one readable.
    connect(model, &QAbstractItemModel::dataChanged, this, &NavigationRail::updateWidth);
}

void NavigationRail::updateWidth()
{
    QFont bold = font();
    bold.setPointSizeF(bold.pointSizeF() * 0.9);
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int widest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        widest = qMax(widest, fm.horizontalAdvance(m_model->index(row, 0).data().toString()));
    // Cell padding on both sides (see NavigationDelegate) plus breathing room.
    setFixedWidth(qBound(88, widest + 36, 160));
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
    return {width(), QListView::sizeHint().height()};
}

} // namespace Meshdeck
