#pragma once

#include <kube/podexec.h>

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace Meshdeck {

// The Clusters page's shell: one PodExec with a terminal, run on a thread of its own (opening it
// may wait on the network or an exec credential plugin; the GUI thread never does). A new
// start() ends the previous shell.
class PodShellSession : public QObject
{
    Q_OBJECT

public:
    explicit PodShellSession(QObject *parent = nullptr);
    ~PodShellSession() override;

    void start(std::shared_ptr<Kube::KubeClient> client, const Kube::PodExec::Spec &spec);
    void write(const QByteArray &bytes);
    void resize(int columns, int rows);
    void stop();
    [[nodiscard]] bool running() const { return m_exec != nullptr; }

signals:
    void opened();
    void output(const QByteArray &bytes);
    void finished(int exitCode, const QString &message);

private:
    QThread m_thread;
    QPointer<Kube::PodExec> m_exec;
    QPair<int, int> m_size {80, 24};
};

} // namespace Meshdeck
