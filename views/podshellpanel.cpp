#include "podshellpanel.h"

#include "terminalwidget.h"

#include <models/terminalscreen.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Meshdeck {

PodShellPanel::PodShellPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_container = new QComboBox(this);
    m_command = new QLineEdit(QStringLiteral("/bin/sh"), this);
    m_connect = new QPushButton(this);
    bar->addWidget(m_container);
    bar->addWidget(m_command, 1);
    bar->addWidget(m_connect);
    layout->addLayout(bar);
    m_screen = new TerminalScreen(24, 80, this);
    m_terminal = new TerminalWidget(m_screen, this);
    m_feed = new QTimer(this);
    m_feed->setSingleShot(true);
    m_feed->setInterval(0);
    connect(m_feed, &QTimer::timeout, this, &PodShellPanel::feedPending);
    layout->addWidget(m_terminal, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_connected || m_connecting) {
            emit stopRequested();
            m_connected = m_connecting = false;
            m_statusText = [] {
                return tr("Disconnected.");
            };
            updateState();
        } else {
            connectShell();
        }
    });
    connect(m_command, &QLineEdit::returnPressed, this, [this] {
        if (!m_connected && !m_connecting)
            connectShell();
    });
    connect(m_screen, &TerminalScreen::input, this, [this](const QByteArray &bytes) {
        if (m_connected || m_connecting)
            emit input(bytes);
    });
    connect(m_terminal, &TerminalWidget::sizeChanged, this, &PodShellPanel::resized);
    retranslate();
    updateState();
}

void PodShellPanel::setPod(const QString &ns, const QString &pod, const QStringList &containers,
                           const QString &defaultContainer, bool running)
{
    if (ns == m_ns && pod == m_pod && running == m_running)
        return;
    if (pod != m_pod || ns != m_ns) {
        if (m_connected || m_connecting)
            emit stopRequested();
        m_connected = m_connecting = false;
        m_statusText = nullptr;
        resetScreen();
        m_container->clear();
        m_container->addItems(containers);
        m_container->setCurrentText(defaultContainer);
    }
    m_ns = ns;
    m_pod = pod;
    m_running = running;
    updateState();
}

void PodShellPanel::connectShell()
{
    const QStringList command = QProcess::splitCommand(m_command->text());
    if (m_pod.isEmpty() || !m_running || command.isEmpty())
        return;
    resetScreen();
    m_connecting = true;
    m_statusText = [container = m_container->currentText(), pod = m_pod] {
        return tr("Connecting to %1 in pod %2…").arg(container, pod);
    };
    updateState();
    emit resized(m_screen->columns(), m_screen->rows());
    emit startRequested(m_ns, m_pod, m_container->currentText(), command);
    m_terminal->setFocus();
}

void PodShellPanel::opened()
{
    m_connecting = false;
    m_connected = true;
    m_statusText = [container = m_container->currentText(), pod = m_pod] {
        return tr("Connected to %1 in pod %2. Ctrl+Shift+C copies the screen, Ctrl+Shift+V "
                  "pastes.")
            .arg(container, pod);
    };
    updateState();
}

void PodShellPanel::output(const QByteArray &bytes)
{
    // Output is taken in slices of a few milliseconds between which the event loop runs (paints,
    // typing, the rest of the window): a flood of output (cat of a large file) scrolls by
    // without freezing the window, and nothing of it is dropped.
    m_pending.push_back(bytes);
    if (!m_feed->isActive())
        m_feed->start();
}

void PodShellPanel::feedPending()
{
    constexpr qsizetype kSlice = 8 * 1024;
    constexpr qint64 kBudgetNs = 5'000'000;
    QElapsedTimer t;
    t.start();
    while (!m_pending.empty() && t.nsecsElapsed() < kBudgetNs) {
        QByteArray &front = m_pending.front();
        const qsizetype n = std::min(kSlice, front.size() - m_pendingAt);
        m_screen->feed(QByteArray::fromRawData(front.constData() + m_pendingAt, n));
        m_pendingAt += n;
        if (m_pendingAt == front.size()) {
            m_pending.pop_front();
            m_pendingAt = 0;
        }
    }
    // A zero timer, not a posted call: the event loop turns (input, paints, timers) before the
    // next slice, and a slice does not run in the same pass as a paint posted before it.
    if (!m_pending.empty())
        m_feed->start();
}

void PodShellPanel::resetScreen()
{
    m_pending.clear();
    m_pendingAt = 0;
    m_screen->reset();
}

void PodShellPanel::finished(int exitCode, const QString &message)
{
    m_connected = m_connecting = false;
    // In the language of the moment, also after a switch (the server's message as it came).
    m_statusText = [exitCode, message] {
        return exitCode < 0 ? message : tr("The command ended with exit code %1.").arg(exitCode);
    };
    updateState();
}

void PodShellPanel::updateState()
{
    const bool busy = m_connected || m_connecting;
    m_connect->setText(busy ? tr("&Disconnect") : tr("C&onnect"));
    m_connect->setEnabled(busy || (!m_pod.isEmpty() && m_running));
    m_container->setEnabled(!busy && !m_pod.isEmpty());
    m_command->setEnabled(!busy && !m_pod.isEmpty());
    if (m_statusText)
        m_status->setText(m_statusText());
    else if (m_pod.isEmpty())
        m_status->setText(tr("Select a pod to open a shell in one of its containers."));
    else if (!m_running)
        m_status->setText(
            tr("Pod %1 is not running: there is no container to open a shell in.").arg(m_pod));
    else
        m_status->setText(tr("Connect runs the command in the chosen container with a terminal."));
}

void PodShellPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PodShellPanel::retranslate()
{
    m_container->setToolTip(tr("Container"));
    m_command->setToolTip(tr("The command to run, e.g. /bin/sh or /bin/bash"));
    m_command->setPlaceholderText(tr("Command"));
    updateState();
}

} // namespace Meshdeck
