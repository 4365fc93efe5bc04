#pragma once

#include <core/canceltoken.h>
#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>
#include <mutex>
#include <thread>

namespace Meshdeck::Kube {

class KubeClient;

// One command run in a container through the API server's exec, over WebSocket in Kubernetes'
// channel protocol (v5.channel.k8s.io, v4 from older servers): stdin, stdout, stderr, the
// terminal's size, and the exit Status. The connection is a ChannelSocket (the REST client's
// TLS, credentials and proxy) moved by a thread of its own; the signals come on the thread the
// object lives on, which needs an event loop.
class PodExec : public QObject
{
    Q_OBJECT

public:
    struct Spec
    {
        QString ns;
        QString pod;
        QString container; // empty: the pod's only container
        QStringList command;
        bool stdinOpen = false;
        bool tty = false;
    };

    explicit PodExec(std::shared_ptr<KubeClient> client, QObject *parent = nullptr);
    ~PodExec() override;

    void start(const Spec &spec);
    void writeInput(const QByteArray &data);
    void closeInput(); // v5 only: the command reads end-of-file
    void resize(int columns, int rows);
    void cancel();

    // The exit code a Status from the error channel carries: 0 for Success, the command's for
    // NonZeroExitCode, -1 (with *message) when the command could not run.
    static int exitCodeOf(const QByteArray &status, QString *message);
    // The container exec uses when none is named, as kubectl picks it: the pod's
    // kubectl.kubernetes.io/default-container annotation, else its first container. *all gets
    // every container's name.
    static QString defaultContainer(const QJsonObject &pod, QStringList *all = nullptr);

signals:
    void opened();
    void output(int fd, const QByteArray &data); // 1 stdout (and the terminal), 2 stderr
    // Once. exitCode is the command's; -1 when it could not run or the connection broke, with
    // a message that says why and what to do.
    void finished(int exitCode, const QString &message);

private:
    // The worker thread: the WebSocket (ChannelSocket) and its poll loop. What the owner asks
    // for (input, size, end of input, cancel) is queued under m_mutex and m_wake is written.
    void run(const QString &path, const QString &what);
    void wake();

    std::shared_ptr<KubeClient> m_client;
    Spec m_spec;
    std::thread m_worker;
    int m_wake = -1; // eventfd
    CancelToken m_cancel; // the handshake
    std::mutex m_mutex;
    QByteArray m_input; // for stdin, not yet taken by the worker
    QList<QPair<int, QByteArray>> m_controls; // resize messages
    bool m_inputClosed = false;
    bool m_cancelRequested = false;
    bool m_abort = false; // the owner is going: end without a word
    bool m_done = false; // finished was emitted (owner's thread)
};

} // namespace Meshdeck::Kube
