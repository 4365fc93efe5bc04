#include "topologycommand.h"

#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <topology/graphexport.h>
#include <topology/layout.h>
#include <topology/topologysource.h>
#include <views/graphpainter.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QPalette>
#include <QTemporaryDir>
#include <QThread>

namespace Meshdeck {

namespace {

const char Usage[]
    = "Usage: meshdeck topology export [--kubeconfig FILE] [--context NAME] [--demo]\n"
      "                                [--namespace NS]... [--graph-type "
      "workload|app|versionedApp|service]\n"
      "                                [--window 1m] [--prometheus URL] [--mesh istio|linkerd]\n"
      "                                [--idle] [--format json|dot|svg|png] [-o FILE]\n\n"
      "Builds the service graph from the cluster's API and its mesh's Prometheus (found in\n"
      "istio-system, linkerd-viz or monitoring, or given with --prometheus) and writes it.\n"
      "--demo runs against the built-in demo cluster (waits for its first traffic).\n"
      "Exit codes: 0 written, 1 the cluster could not be read or the file written, 2 usage.\n";

int windowSeconds(const QString &text)
{
    const QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('m')))
        return t.chopped(1).toInt() * 60;
    if (t.endsWith(QLatin1Char('h')))
        return t.chopped(1).toInt() * 3600;
    if (t.endsWith(QLatin1Char('s')))
        return t.chopped(1).toInt();
    return t.toInt();
}

} // namespace

QString TopologyCommand::summary() const
{
    return QStringLiteral("Export the service graph (JSON, DOT, SVG or PNG) without a window.");
}

int TopologyCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption type(QStringLiteral("graph-type"), QString(), QStringLiteral("T"),
                                  QStringLiteral("workload"));
    const QCommandLineOption window(QStringLiteral("window"), QString(), QStringLiteral("D"),
                                    QStringLiteral("1m"));
    const QCommandLineOption prometheus(QStringLiteral("prometheus"), QString(),
                                        QStringLiteral("URL"));
    const QCommandLineOption mesh(QStringLiteral("mesh"), QString(), QStringLiteral("M"),
                                  QStringLiteral("istio"));
    const QCommandLineOption idle(QStringLiteral("idle"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"),
                                    QStringLiteral("json"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("FILE"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    p.addOptions({kubeconfig, context, demo, ns, type, window, prometheus, mesh, idle, format,
                  output, help});
    if (!p.parse(QStringList {QStringLiteral("topology")} + arguments)) {
        err << "meshdeck topology: " << p.errorText() << "\n";
        return ExitUsage;
    }
    if (p.isSet(help)) {
        out << Usage;
        return ExitOk;
    }
    if (p.positionalArguments() != QStringList {QStringLiteral("export")}) {
        err << Usage;
        return ExitUsage;
    }
    Topology::RefreshRequest request;
    if (!Topology::graphTypeFromName(p.value(type), &request.build.type)) {
        err << "meshdeck topology export: --graph-type is workload, app, versionedApp or service\n";
        return ExitUsage;
    }
    const QString fmt = p.value(format).toLower();
    if (!QStringList {"json", "dot", "svg", "png"}.contains(fmt)) {
        err << "meshdeck topology export: --format is json, dot, svg or png\n";
        return ExitUsage;
    }
    if ((fmt == QLatin1String("png")) && !p.isSet(output)) {
        err << "meshdeck topology export: PNG needs -o FILE\n";
        return ExitUsage;
    }
    request.windowSeconds = windowSeconds(p.value(window));
    if (request.windowSeconds < 10 || request.windowSeconds > 24 * 3600) {
        err << "meshdeck topology export: --window wants 10s to 24h, e.g. 1m\n";
        return ExitUsage;
    }
    request.mesh = p.value(mesh) == QLatin1String("linkerd") ? Telemetry::MeshKind::Linkerd
                                                             : Telemetry::MeshKind::Istio;
    request.detectMesh = !p.isSet(mesh);
    request.build.namespaces = p.values(ns);
    request.build.includeIdle = p.isSet(idle);
    if (p.isSet(prometheus)) {
        Telemetry::PrometheusEndpoint e;
        e.url = p.value(prometheus);
        request.prometheus = e;
    }

    std::unique_ptr<Demo::DemoCluster> cluster;
    bool prometheusReady = false;
    QTemporaryDir dir;
    QString kubeconfigPath = p.value(kubeconfig);
    QString contextName = p.value(context);
    if (p.isSet(demo)) {
        Demo::DemoCluster::Options options;
        options.prometheus = true;
        cluster = std::make_unique<Demo::DemoCluster>(options);
        if (const VoidResult started = cluster->start(); !started) {
            err << "meshdeck topology export: " << started.error().message() << "\n";
            return ExitFailure;
        }
        kubeconfigPath = dir.filePath(QStringLiteral("demo.kubeconfig"));
        (void)cluster->writeKubeconfig(kubeconfigPath);
        contextName = QStringLiteral("meshdeck-demo");
        prometheusReady = cluster->waitForPrometheus(20000);
        if (!prometheusReady)
            err << "meshdeck topology export: the demo has no Prometheus ("
                << (cluster->prometheusProblem().isEmpty()
                        ? QStringLiteral("it did not become ready")
                        : cluster->prometheusProblem())
                << "); the graph shows the API's view only\n";
    }
    const auto connected = Kube::KubeClient::fromKubeconfig(kubeconfigPath, contextName);
    if (!connected) {
        err << "meshdeck topology export: " << connected.error().message() << "\n";
        return ExitFailure;
    }
    const std::shared_ptr<Kube::KubeClient> client = connected.value();
    auto result = Topology::refreshTopology(client, request);
    // The demo's Prometheus needs two scrapes before rates exist: wait for the first edges.
    if (cluster && result && prometheusReady) {
        QElapsedTimer clock;
        clock.start();
        while (result && result->telemetry.traffic.isEmpty() && clock.elapsed() < 20000) {
            QThread::msleep(1000);
            result = Topology::refreshTopology(client, request);
        }
    }
    if (!result) {
        err << "meshdeck topology export: " << result.error().message() << "\n";
        return ExitFailure;
    }
    Topology::Graph graph = result->graph;
    Topology::applyLayout(graph, Topology::layeredLayout(graph));
    for (const QString &w : std::as_const(graph.warnings))
        err << "warning: " << w << "\n";

    QByteArray bytes;
    if (fmt == QLatin1String("json")) {
        QJsonObject o = Topology::graphToJson(graph);
        o.insert(QStringLiteral("promqlRequests"), result->promqlRequests);
        o.insert(QStringLiteral("mesh"),
                 result->mesh == Telemetry::MeshKind::Linkerd ? QStringLiteral("linkerd")
                                                              : QStringLiteral("istio"));
        o.insert(QStringLiteral("prometheus"), result->prometheus);
        bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (fmt == QLatin1String("dot")) {
        bytes = Topology::graphToDot(graph);
    } else {
        GraphPainter painter;
        QPalette palette;
        palette.setColor(QPalette::Base, Qt::white);
        palette.setColor(QPalette::Text, QColor(0x15, 0x15, 0x15));
        palette.setColor(QPalette::Mid, QColor(0xb0, 0xb0, 0xb0));
        palette.setColor(QPalette::PlaceholderText, QColor(0x6a, 0x6e, 0x73));
        palette.setColor(QPalette::Highlight, QColor(0x00, 0x66, 0xcc));
        painter.setPalette(palette);
        painter.setGraph(graph);
        if (fmt == QLatin1String("png")) {
            if (!painter.toImage(Qt::white).save(p.value(output), "PNG")) {
                err << "meshdeck topology export: cannot write " << p.value(output) << "\n";
                return ExitFailure;
            }
            err << "Wrote " << p.value(output) << " (" << graph.nodes.size() << " nodes, "
                << graph.edges.size() << " edges)\n";
            return ExitOk;
        }
        bytes = painter.toSvg(Qt::white);
    }
    if (p.isSet(output)) {
        QFile f(p.value(output));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            err << "meshdeck topology export: cannot write " << p.value(output) << ": "
                << f.errorString() << "\n";
            return ExitFailure;
        }
        err << "Wrote " << p.value(output) << " (" << graph.nodes.size() << " nodes, "
            << graph.edges.size() << " edges)\n";
    } else {
        out << QString::fromUtf8(bytes);
    }
    return ExitOk;
}

} // namespace Meshdeck
