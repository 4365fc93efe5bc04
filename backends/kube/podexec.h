#pragma once

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWebSocket>

#include <memory>

namespace Meshdeck::Kube {

class KubeClient;

// One command run in a container through the API server's exec, over WebSocket in Kubernetes'
// channel protocol (v5.channel.k8s.io, v4 from older servers): stdin, stdout, stderr, the
// terminal's size, and the exit Status. Lives on a thread with an event loop that may block
// briefly (an exec credential plugin), never the GUI's.
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
    void onMessage(const QByteArray &message);
    void onDisconnected();
    void fail(const QString &message);
    QString explainRefusal(int httpStatus) const;
    void send(int channel, const QByteArray &data);

    std::shared_ptr<KubeClient> m_client;
    Spec m_spec;
    QString m_path;
    QPointer<QWebSocket> m_socket;
    QByteArray m_pendingInput;
    bool m_connected = false;
    bool m_inputClosed = false;
    bool m_done = false;
    bool m_statusSeen = false;
    int m_exitCode = -1;
    QString m_statusMessage;
    int m_version = 0;
    QPair<int, int> m_size {0, 0};
};

} // namespace Meshdeck::Kube
