#include "podlogsession.h"

#include <kube/kubeclient.h>

#include <mutex>

namespace Meshdeck {

struct PodLogSession::Shared
{
    std::mutex mutex;
    QByteArray pending;
    bool closed = false;
    QString error;
};

PodLogSession::PodLogSession(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &PodLogSession::flush);
}

PodLogSession::~PodLogSession()
{
    stop();
}

void PodLogSession::start(std::shared_ptr<Kube::KubeClient> client, const QString &ns,
                          const QString &pod, const QString &container, int tailLines)
{
    stop();
    if (!client)
        return;
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    m_token = client->streamLogs(
        ns, pod, container, tailLines, true,
        [shared](const QByteArray &chunk) {
            std::lock_guard lock(shared->mutex);
            shared->pending.append(chunk);
        },
        [shared](const Error *error) {
            std::lock_guard lock(shared->mutex);
            shared->closed = true;
            if (error && error->code() != ErrorCode::Cancelled)
                shared->error = error->message();
        });
    m_timer.start();
}

void PodLogSession::stop()
{
    m_token.cancel();
    m_timer.stop();
    m_shared.reset();
}

bool PodLogSession::isRunning() const
{
    return m_timer.isActive();
}

void PodLogSession::flush()
{
    if (!m_shared)
        return;
    QByteArray text;
    bool closed = false;
    QString error;
    {
        std::lock_guard lock(m_shared->mutex);
        text.swap(m_shared->pending);
        closed = m_shared->closed;
        error = m_shared->error;
    }
    if (!text.isEmpty())
        emit textAppended(QString::fromUtf8(text));
    if (closed) {
        m_timer.stop();
        m_shared.reset();
        emit finished(error);
    }
}

} // namespace Meshdeck
