#pragma once

// Running the meshdeck executable as a user does, for the command-line tests: its exit code
// and output, the banner of `meshdeck demo-cluster`, and an empty demo cluster with a
// kubeconfig for it.
#include <demo/democluster.h>

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

namespace TestSupport {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run meshdeck(const QStringList &args, bool withDisplay = false,
                    const QMap<QString, QString> &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!withDisplay) {
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MESHDECK_BINARY), args);
    // In-cluster experiments take 20 s alone here; one CI run, two tests at once on two cores,
    // took over 60 s.
    if (!p.waitForFinished(120000)) {
        // Over time: a failure that says so, not the exit code 0 of a process never reaped.
        p.kill();
        p.waitForFinished(5000);
        return {-1, p.readAllStandardOutput(),
                p.readAllStandardError() + "\n(meshdeck did not finish within 120 s: killed)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
// The real kubectl (MESHDECK_KUBECTL, else the one on PATH) with a kubeconfig; `input` goes to
// its standard input (for `apply -f -`). An empty program path when kubectl is missing.
inline QString kubectlPath()
{
    const QString given = qEnvironmentVariable("MESHDECK_KUBECTL");
    return given.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("kubectl")) : given;
}

inline Run kubectl(const QString &kubeconfig, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(kubectlPath(), QStringList {QStringLiteral("--kubeconfig"), kubeconfig} + args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, p.readAllStandardOutput(),
                p.readAllStandardError() + "\n(kubectl did not finish within 60 s: killed)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// What `meshdeck demo-cluster` prints until it serves (up to 30 s).
inline QByteArray demoBanner(QProcess &demo)
{
    QByteArray banner;
    QElapsedTimer clock;
    clock.start();
    while (!banner.contains("Press Ctrl-C") && clock.elapsed() < 30000) {
        demo.waitForReadyRead(200);
        banner += demo.readAllStandardOutput();
    }
    return banner;
}

// An empty demo cluster and a kubeconfig for it, for the mesh commands.
struct EmptyDemo
{
    explicit EmptyDemo(bool traffic = false, bool prometheus = false)
        : cluster([&] {
            Meshdeck::Demo::DemoCluster::Options options;
            options.scenario = QStringLiteral("empty");
            options.bookinfoTraffic = traffic;
            options.prometheus = prometheus;
            return options;
        }())
    {
    }
    bool start()
    {
        const QString kc = dir.filePath(QStringLiteral("kc"));
        k = QStringList {QStringLiteral("--kubeconfig"), kc};
        return cluster.start().ok() && cluster.writeKubeconfig(kc).ok();
    }
    Meshdeck::Demo::DemoCluster cluster;
    QTemporaryDir dir;
    QStringList k; // --kubeconfig FILE
};

} // namespace TestSupport
