#pragma once

#include <core/canceltoken.h>

#include <QObject>
#include <QTimer>

#include <memory>

namespace Meshdeck {

namespace Kube {
class KubeClient;
}

// Follows one container's log for the Clusters page. Bytes arrive on the HTTP engine's thread;
// the page receives them as text a few times a second (never one signal per chunk), and a new
// start() or the destructor cancels the old stream.
class PodLogSession : public QObject
{
    Q_OBJECT

public:
    explicit PodLogSession(QObject *parent = nullptr);
    ~PodLogSession() override;

    void start(std::shared_ptr<Kube::KubeClient> client, const QString &ns, const QString &pod,
               const QString &container, int tailLines = 500);
    void stop();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void textAppended(const QString &text);
    // error is empty when the stream ended normally (the container stopped).
    void finished(const QString &error);

private:
    struct Shared;
    void flush();

    std::shared_ptr<Shared> m_shared;
    CancelToken m_token;
    QTimer m_timer;
};

} // namespace Meshdeck
