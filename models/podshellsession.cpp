#include "podshellsession.h"

namespace Meshdeck {

PodShellSession::PodShellSession(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("pod-shell"));
    m_thread.start();
}

PodShellSession::~PodShellSession()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void PodShellSession::start(std::shared_ptr<Kube::KubeClient> client,
                            const Kube::PodExec::Spec &spec)
{
    stop();
    if (!client)
        return;
    auto *exec = new Kube::PodExec(std::move(client));
    exec->moveToThread(&m_thread);
    m_exec = exec;
    connect(exec, &Kube::PodExec::opened, this, &PodShellSession::opened);
    connect(exec, &Kube::PodExec::output, this,
            [this](int, const QByteArray &bytes) { emit output(bytes); });
    connect(exec, &Kube::PodExec::finished, this, [this, exec](int code, const QString &message) {
        if (m_exec == exec)
            m_exec = nullptr;
        exec->deleteLater();
        emit finished(code, message);
    });
    const QPair<int, int> size = m_size;
    QMetaObject::invokeMethod(exec, [exec, spec, size] {
        exec->start(spec);
        exec->resize(size.first, size.second);
    });
}

void PodShellSession::write(const QByteArray &bytes)
{
    if (Kube::PodExec *exec = m_exec)
        QMetaObject::invokeMethod(exec, [exec, bytes] { exec->writeInput(bytes); });
}

void PodShellSession::resize(int columns, int rows)
{
    m_size = {columns, rows};
    if (Kube::PodExec *exec = m_exec)
        QMetaObject::invokeMethod(exec, [exec, columns, rows] { exec->resize(columns, rows); });
}

void PodShellSession::stop()
{
    Kube::PodExec *exec = m_exec;
    m_exec = nullptr;
    if (!exec)
        return;
    disconnect(exec, nullptr, this, nullptr);
    QMetaObject::invokeMethod(exec, [exec] {
        exec->cancel();
        exec->deleteLater();
    });
}

} // namespace Meshdeck
