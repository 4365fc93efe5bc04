#pragma once

#include <models/pageid.h>

#include <QListView>

namespace Meshdeck {

class NavigationModel;

// The vertical list of pages on the window's left edge. Keyboard: arrows move, the page follows.
class NavigationRail : public QListView
{
    Q_OBJECT

public:
    explicit NavigationRail(NavigationModel *model, QWidget *parent = nullptr);

    [[nodiscard]] PageId currentPage() const;
    void setCurrentPage(PageId page);

    QSize sizeHint() const override;

Q_SIGNALS:
    void pageSelected(Meshdeck::PageId page);

private:
    void updateWidth();

    NavigationModel *m_model;
};

} // namespace Meshdeck
