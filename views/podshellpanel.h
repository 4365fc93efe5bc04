#pragma once

#include <QWidget>

#include <deque>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

class QTimer;

namespace Meshdeck {

class TerminalScreen;
class TerminalWidget;

// The Clusters page's Shell tab: a terminal on a container of the selected pod. Choose the
// container and the command (/bin/sh by default), Connect; what the command writes shows in the
// terminal (libvterm's screen, painted here), what is typed goes to it, and its size follows
// the widget.
class PodShellPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PodShellPanel(QWidget *parent = nullptr);

    // The selected pod (empty pod: none); containers in spec order.
    void setPod(const QString &ns, const QString &pod, const QStringList &containers,
                const QString &defaultContainer, bool running);
    void opened();
    void output(const QByteArray &bytes);
    void finished(int exitCode, const QString &message);
    [[nodiscard]] TerminalScreen *screen() const { return m_screen; }
    [[nodiscard]] bool connected() const { return m_connected; }
    void connectShell();

signals:
    void startRequested(const QString &ns, const QString &pod, const QString &container,
                        const QStringList &command);
    void stopRequested();
    void input(const QByteArray &bytes);
    void resized(int columns, int rows);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void feedPending();
    void resetScreen();

    QComboBox *m_container = nullptr;
    QLineEdit *m_command = nullptr;
    QPushButton *m_connect = nullptr;
    QLabel *m_status = nullptr;
    TerminalScreen *m_screen = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QString m_ns;
    QString m_pod;
    bool m_running = false;
    bool m_connected = false;
    bool m_connecting = false;
    std::function<QString()> m_statusText; // the status line, rendered in the current language
    std::deque<QByteArray> m_pending; // output not yet given to the screen
    qsizetype m_pendingAt = 0; // how much of the first is given
    QTimer *m_feed = nullptr; // the next slice of output: a zero timer
};

} // namespace Meshdeck
