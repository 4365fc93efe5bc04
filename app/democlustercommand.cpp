#include "democlustercommand.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <csignal>

namespace Meshdeck {

namespace {
std::atomic_bool s_interrupted {false};

void onSignal(int)
{
    s_interrupted = true;
}
} // namespace

QString DemoClusterCommand::summary() const
{
    return QStringLiteral(
        "Serve the built-in demo Kubernetes cluster for kubectl and other clients.");
}

int DemoClusterCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Listen on this port (default: a free one)."),
                                  QStringLiteral("N"));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        QStringLiteral("Write a kubeconfig for an administrator to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only-kubeconfig"),
        QStringLiteral("Also write one for a read-only user to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption tls(
        QStringLiteral("tls"),
        QStringLiteral(
            "Serve HTTPS; clients authenticate with certificates written into the kubeconfig."));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("Serve HTTPS and require bearer tokens (written into the kubeconfig)."));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("default (Istio and Bookinfo) or empty."),
                                      QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        QStringLiteral("Restore the cluster from FILE if it exists; save it there on exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption plain(
        QStringLiteral("plain"),
        QStringLiteral("Serve plain HTTP, where requests without credentials are administrators."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({port, kubeconfig, readOnly, tls, token, plain, scenario, state, help});
    if (!parser.parse(QStringList {QStringLiteral("meshdeck demo-cluster")} + arguments)) {
        err << "meshdeck demo-cluster: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshdeck demo-cluster: unexpected argument '"
            << parser.positionalArguments().first() << "'\n";
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << "Usage: meshdeck demo-cluster [--kubeconfig FILE] [--read-only-kubeconfig FILE]\n"
               "                             [--port N] [--tls | --token | --plain]\n"
               "                             [--scenario default|empty] [--state FILE]\n\n"
            << summary() << "\n\n"
            << "Options:\n"
               "  --kubeconfig FILE           Write a kubeconfig (context meshdeck-demo) for an "
               "administrator.\n"
               "  --read-only-kubeconfig FILE Also write one for a user who may only get, list and "
               "watch.\n"
               "  --port N                    Listen on 127.0.0.1:N (default: a free port).\n"
               "  --tls                       Serve HTTPS with a CA made at start; clients use "
               "certificates\n"
               "                              (the default).\n"
               "  --token                     Serve HTTPS and require bearer tokens instead.\n"
               "  --plain                     Serve plain HTTP. kubectl sends no credentials over "
               "it, so\n"
               "                              every request acts as an administrator; there is no "
               "read-only\n"
               "                              user.\n"
               "  --scenario NAME             default: Istio in istio-system and Bookinfo in "
               "bookinfo;\n"
               "                              empty: three nodes and the system namespaces only.\n"
               "  --state FILE                Restore from FILE when it exists; save to it on "
               "exit.\n"
               "\n"
               "Serves until interrupted (Ctrl-C). Then: kubectl --kubeconfig FILE get pods -A\n";
        return ExitOk;
    }
    Demo::DemoCluster::Options options;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint p = parser.value(port).toUInt(&ok);
        if (!ok || p == 0 || p > 65535) {
            err << "meshdeck demo-cluster: --port needs a number from 1 to 65535\n";
            return ExitUsage;
        }
        options.port = quint16(p);
    }
    if (int(parser.isSet(tls)) + int(parser.isSet(token)) + int(parser.isSet(plain)) > 1) {
        err << "meshdeck demo-cluster: choose one of --tls, --token and --plain\n";
        return ExitUsage;
    }
    if (parser.isSet(plain) && parser.isSet(readOnly)) {
        err << "meshdeck demo-cluster: a read-only user needs credentials, and kubectl sends none "
               "over plain HTTP; leave out --plain (HTTPS with client certificates is the "
               "default) or use --token\n";
        return ExitUsage;
    }
    options.tokenAuth = parser.isSet(token);
    options.tls = !options.tokenAuth && !parser.isSet(plain);
    // Asked for: plain HTTP cannot tell one kubectl user from another.
    options.anonymousAdmin = parser.isSet(plain);
    options.scenario = parser.value(scenario);
    options.stateFile = parser.value(state);
    // An empty cluster has no Bookinfo, so it serves and prints no Bookinfo URLs.
    options.bookinfoTraffic = options.scenario != QLatin1String("empty");

    options.prometheus = true;
    Demo::DemoCluster cluster(options);
    const VoidResult started = cluster.start();
    if (!started.ok()) {
        err << "meshdeck demo-cluster: " << started.error().message() << "\n";
        return started.error().code() == ErrorCode::InvalidArgument ? ExitUsage : ExitFailure;
    }
    for (const auto &[option, access] :
         {std::pair {kubeconfig, Demo::DemoCluster::Access::Admin},
          std::pair {readOnly, Demo::DemoCluster::Access::ReadOnly}}) {
        if (!parser.isSet(option))
            continue;
        const VoidResult written = cluster.writeKubeconfig(parser.value(option), access);
        if (!written.ok()) {
            err << "meshdeck demo-cluster: " << written.error().message() << "\n";
            return ExitFailure;
        }
    }
    out << "Demo cluster (Kubernetes v1.32) serving at " << cluster.serverUrl() << "\n";
    if (parser.isSet(kubeconfig)) {
        const QString file = QDir(parser.value(kubeconfig)).absolutePath();
        out << "Kubeconfig written to " << file << " (context meshdeck-demo)\n"
            << "Try: kubectl --kubeconfig " << file << " get pods -A\n";
    } else {
        out << "Pass --kubeconfig FILE to write a kubeconfig for kubectl.\n";
    }
    if (options.anonymousAdmin)
        out << "Warning: anyone who can reach " << cluster.serverUrl()
            << " may change the cluster (--plain).\n";
    if (const auto *bookinfo = cluster.bookinfo()) {
        out << "Bookinfo productpage for load tests:\n"
               "  without a mesh:      "
            << bookinfo->productpageUrl()
            << "\n"
               "  through sidecars:    "
            << bookinfo->productpageMeshUrl()
            << "\n"
               "  e.g. meshdeck perf run --url "
            << bookinfo->productpageMeshUrl() << " --rate 200 --duration 30s\n"
            << "  HTTP/2 and gRPC on the same ports, e.g. meshdeck perf run --url "
            << QUrl(bookinfo->productpageMeshUrl()).adjusted(QUrl::RemovePath).toString()
            << " --grpc bookinfo.ProductPage/GetProductPage --data '{\"id\": 1}'\n";
        const QString config = parser.isSet(kubeconfig)
            ? QStringLiteral(" --kubeconfig ") + QDir(parser.value(kubeconfig)).absolutePath()
            : QString();
        out << "The mesh's overhead, rate by rate:\n  meshdeck perf overhead" << config
            << " --mesh-namespace bookinfo --baseline " << bookinfo->productpageUrl() << " --mesh "
            << bookinfo->productpageMeshUrl() << " --duration 10s\n";
    }
    if (cluster.bookinfo()) {
        if (!cluster.prometheusUrl().isEmpty())
            out << "Prometheus (scraping the sidecars' Istio metrics every 2 s): "
                << cluster.prometheusUrl()
                << "\n  also through the API: /api/v1/namespaces/istio-system/services/"
                   "prometheus:9090/proxy/\n";
        else
            out << "No metrics: " << cluster.prometheusProblem() << ".\n";
    }
    out << "Press Ctrl-C to stop.\n";
    out.flush();

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (s_interrupted)
            QCoreApplication::quit();
    });
    poll.start(100);
    QCoreApplication::exec();
    cluster.stop();
    out << "Demo cluster stopped"
        << (options.stateFile.isEmpty() ? QString()
                                        : QStringLiteral("; state saved to ") + options.stateFile)
        << ".\n";
    return ExitOk;
}

} // namespace Meshdeck
