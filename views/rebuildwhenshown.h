#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace Meshdeck {

// Costly work a hidden widget need not do until the user sees it. request() runs the rebuild
// at once when the widget is visible, and otherwise on its next show: a language or palette
// change then rebuilds only the charts on screen, instead of stalling the GUI thread on every
// page at once.
class RebuildWhenShown : public QObject
{
    Q_OBJECT

public:
    RebuildWhenShown(QWidget *widget, std::function<void()> rebuild);

    void request();
    // The rebuild ran by another path (new data): nothing is owed any more.
    void done() { m_owed = false; }
    [[nodiscard]] bool owed() const { return m_owed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget;
    std::function<void()> m_rebuild;
    bool m_owed = false;
};

} // namespace Meshdeck
