#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Meshdeck {

class PortForwardModel;

// The Clusters page's Port Forwards tab: every forward of the connected context with its state
// and traffic; New forward…, Open in browser, Stop.
class PortForwardPanel : public QWidget
{
    Q_OBJECT

public:
    PortForwardPanel(PortForwardModel *model, QWidget *parent = nullptr);

signals:
    void newForwardRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void fitColumns();

    PortForwardModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace Meshdeck
