#include "overheadcommand.h"

#include "perfcommand.h"

#include <kube/kubeclient.h>
#include <overhead/overheadexperiment.h>
#include <overhead/overheadhtml.h>
#include <overhead/overheadimage.h>
#include <perf/url.h>
#include <store/resultstore.h>

#include <QCommandLineParser>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace Meshdeck {

using namespace Overhead;

namespace {

std::atomic_bool s_interrupted {false};

void onInterrupt(int)
{
    s_interrupted = true;
}

const char Usage[]
    = "Usage: meshdeck perf overhead --baseline URL --mesh URL [--mesh-namespace NS]\n"
      "       meshdeck perf overhead --switch-injection NS --target URL\n"
      "                              [--baseline-namespace NS] [--rates 100,500,1000]\n"
      "                              [--repeat 3] [--duration 30s] [--warmup 5s]\n"
      "                              [--connections 32] [--header 'K: V']...\n"
      "                              [--kubeconfig FILE] [--context NAME]\n"
      "                              [--control-plane-namespace NS]... [--sample-interval 2s]\n"
      "                              [--in-cluster [--workers N] [--image REF]\n"
      "                               [--start-delay 3s]]\n"
      "                              [--html FILE] [--png FILE] [--save | --db FILE]\n"
      "                              [--json]\n\n"
      "Measures what a service mesh adds: the same constant-rate load against the target\n"
      "without the mesh (--baseline) and with it (--mesh), at each rate, the arms interleaved\n"
      "(A B A B ...) for every repetition. Per rate it reports the added p50, p90, p99 and max\n"
      "latency with their spread, the proxies' vCPU per 1,000 requests/s and memory, and the\n"
      "control plane's CPU and memory, from the cluster's Prometheus (cAdvisor series) or the\n"
      "metrics API.\n\n"
      "  --baseline URL            the target without the mesh\n"
      "  --mesh URL                the target through the mesh\n"
      "  --mesh-namespace NS       where the mesh arm's pods run: their sidecars are measured,\n"
      "                            and an arm without sidecars is refused\n"
      "  --baseline-namespace NS   where the baseline's pods run (must carry no sidecar)\n"
      "  --switch-injection NS     one namespace before and after injection instead: its\n"
      "                            injection switched off and its workloads restarted for the\n"
      "                            baseline runs, on with sidecars for the mesh runs, then put\n"
      "                            back as it was (the arms follow each other)\n"
      "  --target URL              with --switch-injection: the URL both arms load\n"
      "  --rates LIST              requests per second, comma-separated (default 100,500,1000)\n"
      "  --repeat N                repetitions of each pair (default 3)\n"
      "  --duration D              measured time of each run (default 30s)\n"
      "  --warmup D                unmeasured time before it (default 5s)\n"
      "  --connections C           connections per run (default 32)\n"
      "  --header 'K: V'           request header, repeatable\n"
      "  --control-plane-namespace NS  the mesh's own namespace, repeatable (default\n"
      "                            istio-system and linkerd)\n"
      "  --sample-interval D       how often CPU and memory are read (default 2s)\n"
      "  --in-cluster              generate the load inside the cluster, as an Indexed Job\n"
      "                            of worker pods per run: the baseline's workers outside the\n"
      "                            mesh (namespace meshdeck-load), the mesh arm's inside it\n"
      "                            (meshdeck-load-mesh, injected); the URLs are Service names\n"
      "                            and may be the same for both arms\n"
      "  --workers N               worker pods per run (default 1)\n"
      "  --image REF               the worker image\n"
      "  --start-delay D           workers start together this long after the Job (3s)\n"
      "  --html FILE               write the report as one self-contained HTML file\n"
      "  --png FILE                write the report's table and charts as a PNG picture\n"
      "  --save, --db FILE         store every run in the results database\n"
      "  --json                    print the report as JSON\n\n"
      "On the demo cluster (meshdeck demo-cluster --kubeconfig demo.yaml), Bookinfo is served\n"
      "with and without sidecars:\n"
      "  meshdeck perf overhead --kubeconfig demo.yaml --mesh-namespace bookinfo \\\n"
      "      --baseline URL-without-a-mesh --mesh URL-through-sidecars --duration 10s\n";

} // namespace

QString OverheadCommand::summary() const
{
    return QStringLiteral("Measure the latency and CPU a mesh adds, rate by rate.");
}

int OverheadCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const auto opt = [](const char *name, const char *value = nullptr) {
        return value
            ? QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value))
            : QCommandLineOption(QString::fromLatin1(name));
    };
    const QCommandLineOption baseline
        = opt("baseline", "URL"),
        mesh = opt("mesh", "URL"), meshNs = opt("mesh-namespace", "NS"),
        baselineNs = opt("baseline-namespace", "NS"), rates = opt("rates", "LIST"),
        repeat = opt("repeat", "N"), duration = opt("duration", "D"), warmup = opt("warmup", "D"),
        connections = opt("connections", "C"), header = opt("header", "K: V"),
        kubeconfig = opt("kubeconfig", "FILE"), context = opt("context", "NAME"),
        controlNs = opt("control-plane-namespace", "NS"), interval = opt("sample-interval", "D"),
        html = opt("html", "FILE"), png = opt("png", "FILE"), save = opt("save"),
        db = opt("db", "FILE"), json = opt("json"), inCluster = opt("in-cluster"),
        workers = opt("workers", "N"), image = opt("image", "REF"),
        startDelay = opt("start-delay", "D"), switchInjection = opt("switch-injection", "NS"),
        target = opt("target", "URL");
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    p.addOptions({baseline,   mesh,     meshNs,     baselineNs,  rates,
                  repeat,     duration, warmup,     connections, header,
                  kubeconfig, context,  controlNs,  interval,    html,
                  save,       db,       json,       help,        inCluster,
                  workers,    image,    startDelay, png,         switchInjection,
                  target});
    const auto usage = [&](const QString &why) {
        err << "meshdeck perf overhead: " << why << "\n";
        return ExitUsage;
    };
    if (!p.parse(QStringList {QStringLiteral("perf-overhead")} + arguments))
        return usage(p.errorText());
    if (p.isSet(help)) {
        out << Usage;
        return ExitOk;
    }
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    ExperimentSpec spec;
    if (p.isSet(switchInjection)) {
        if (p.isSet(baseline) || p.isSet(mesh) || p.isSet(meshNs) || p.isSet(baselineNs))
            return usage(QStringLiteral("--switch-injection NS --target URL replaces --baseline, "
                                        "--mesh and their namespaces"));
        if (!p.isSet(target))
            return usage(QStringLiteral("--switch-injection wants --target URL, the URL both "
                                        "arms load"));
        spec.injection = true;
        spec.baseline = {p.value(target), p.value(switchInjection)};
        spec.mesh = {p.value(target), p.value(switchInjection)};
    } else {
        if (p.isSet(target))
            return usage(QStringLiteral("--target goes with --switch-injection"));
        if (!p.isSet(baseline) || !p.isSet(mesh))
            return usage(QStringLiteral("--baseline URL and --mesh URL are both required"));
        spec.baseline = {p.value(baseline), p.value(baselineNs)};
        spec.mesh = {p.value(mesh), p.value(meshNs)};
    }
    for (const QString &u : {spec.baseline.url, spec.mesh.url}) {
        if (std::string why; !Perf::Url::parse(u.toStdString(), &why))
            return usage(QStringLiteral("%1: %2").arg(u, QString::fromStdString(why)));
    }
    if (p.isSet(rates)) {
        spec.rates.clear();
        for (const QString &r : p.value(rates).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = r.trimmed().toDouble(&ok);
            if (!ok || v <= 0 || v > 1e6)
                return usage(QStringLiteral("--rates wants requests per second above 0, e.g. "
                                            "100,500,1000 (not '%1')")
                                 .arg(r));
            if (!spec.rates.contains(v))
                spec.rates << v;
        }
        if (spec.rates.isEmpty())
            return usage(QStringLiteral("--rates names no rate"));
    }
    if (p.isSet(repeat)) {
        bool ok = false;
        spec.repeats = p.value(repeat).toInt(&ok);
        if (!ok || spec.repeats < 1 || spec.repeats > 100)
            return usage(QStringLiteral("--repeat wants a number from 1 to 100"));
    }
    spec.load.duration = std::chrono::seconds(30);
    spec.load.warmup = std::chrono::seconds(5);
    spec.load.connections = 32;
    if (p.isSet(duration)
        && (!PerfCommand::parseDuration(p.value(duration), &spec.load.duration)
            || spec.load.duration.count() <= 0))
        return usage(QStringLiteral("--duration wants a time such as 30s or 2m"));
    if (p.isSet(warmup) && !PerfCommand::parseDuration(p.value(warmup), &spec.load.warmup))
        return usage(QStringLiteral("--warmup wants a time such as 5s"));
    if (p.isSet(connections)) {
        bool ok = false;
        spec.load.connections = p.value(connections).toInt(&ok);
        if (!ok || spec.load.connections < 1 || spec.load.connections > 100000)
            return usage(QStringLiteral("--connections wants a number from 1 to 100000"));
    }
    for (const QString &h : p.values(header)) {
        if (const QString why = PerfCommand::addHeader(h, &spec.load); !why.isEmpty())
            return usage(why);
    }
    if (p.isSet(controlNs))
        spec.controlPlaneNamespaces = p.values(controlNs);
    if (p.isSet(interval)) {
        Perf::Micros v {};
        if (!PerfCommand::parseDuration(p.value(interval), &v) || v.count() < 200'000)
            return usage(QStringLiteral("--sample-interval wants a time of at least 200ms"));
        spec.sampleIntervalMs = static_cast<int>(v.count() / 1000);
    }

    if (p.isSet(inCluster)) {
        InCluster::InClusterOptions workersOptions;
        if (p.isSet(workers)) {
            bool ok = false;
            workersOptions.workers = p.value(workers).toInt(&ok);
            if (!ok || workersOptions.workers < 1 || workersOptions.workers > 1000)
                return usage(QStringLiteral("--workers wants a number from 1 to 1000"));
        }
        workersOptions.image = p.value(image);
        if (p.isSet(startDelay)) {
            Perf::Micros delay {};
            if (!PerfCommand::parseDuration(p.value(startDelay), &delay))
                return usage(QStringLiteral("--start-delay wants a time such as 3s"));
            workersOptions.startDelayMs = static_cast<int>(delay.count() / 1000);
        }
        spec.inCluster = workersOptions;
    } else if (p.isSet(workers) || p.isSet(image) || p.isSet(startDelay)) {
        return usage(QStringLiteral("--workers, --image and --start-delay go with --in-cluster"));
    }

    // The cluster, for resource figures and the checks; without one, latency alone.
    std::shared_ptr<Kube::KubeClient> kube;
    if (p.isSet(kubeconfig) || p.isSet(context) || !spec.mesh.ns.isEmpty() || spec.inCluster
        || spec.injection) {
        auto connected = Kube::KubeClient::fromKubeconfig(p.value(kubeconfig), p.value(context));
        if (!connected) {
            err << "meshdeck perf overhead: " << connected.error().message() << "\n";
            return ExitFailure;
        }
        kube = *connected;
    }
    const auto checked = OverheadExperiment::preflight(spec, kube.get());
    if (!checked) {
        err << "meshdeck perf overhead: " << checked.error().message() << "\n";
        return checked.error().code() == ErrorCode::InvalidArgument ? ExitUsage : ExitFailure;
    }
    if (spec.mesh.ns.isEmpty())
        err << "meshdeck perf overhead: no --mesh-namespace: latency only (CPU and memory need "
               "the namespace of the mesh arm's pods)\n";

    s_interrupted = false;
    auto *previous = std::signal(SIGINT, onInterrupt);
    auto *previousTerm = std::signal(SIGTERM, onInterrupt);
    const QList<ArmRun> runs = OverheadExperiment::run(
        spec, kube, *checked, s_interrupted,
        [&](const ExperimentProgress &pr) {
            err << QStringLiteral("[%1/%2] %3 at %4 requests/s, repetition %5 of %6...\n")
                       .arg(pr.run)
                       .arg(pr.runs)
                       .arg(pr.arm == Arm::Baseline ? QStringLiteral("baseline")
                                                    : QStringLiteral("mesh"))
                       .arg(pr.rate)
                       .arg(pr.repeat + 1)
                       .arg(spec.repeats);
            err.flush();
        },
        [&](const ArmRun &run) {
            const auto &h = run.result.report.corrected;
            err << QStringLiteral("        %1 requests/s achieved, p50 %2 ms, p99 %3 ms%4\n")
                       .arg(run.result.report.achievedRate, 0, 'f', 1)
                       .arg(static_cast<double>(h.percentileNs(50)) / 1e6, 0, 'f', 2)
                       .arg(static_cast<double>(h.percentileNs(99)) / 1e6, 0, 'f', 2)
                       .arg(run.result.failure.isEmpty()
                                ? QString()
                                : QStringLiteral(" (") + run.result.failure + QLatin1Char(')'));
            err.flush();
        },
        [&](const QString &phase) {
            err << phase << "\n";
            err.flush();
        });
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);

    int rc = s_interrupted ? PerfCommand::ExitInterrupted : ExitOk;
    if (p.isSet(save) || p.isSet(db)) {
        const QString path = p.isSet(db) ? p.value(db) : ResultStore::defaultPath();
        auto store = ResultStore::open(path);
        for (const ArmRun &run : runs) {
            if (run.result.report.attempts() == 0 && !run.result.failure.isEmpty())
                continue; // nothing was measured: nothing to keep
            const VoidResult ok = store ? store.value()->saveRun(run.result)
                                        : VoidResult(Unexpected(store.error()));
            if (!ok) {
                err << "meshdeck perf overhead: the runs were not saved: " << ok.error().message()
                    << "\n";
                rc = ExitFailure;
                break;
            }
        }
    }
    const OverheadReport report = OverheadReport::build(runs);
    if (!runs.isEmpty() && runs.last().result.report.attempts() == 0
        && !runs.last().result.failure.isEmpty()) {
        err << "meshdeck perf overhead: stopped after run " << runs.size()
            << ", which could send nothing: " << runs.last().result.failure << "\n";
        if (rc == ExitOk)
            rc = ExitFailure;
    }
    if (report.rows.isEmpty()) {
        err << "meshdeck perf overhead: no rate was measured with both arms\n";
        return rc == ExitOk ? ExitFailure : rc;
    }
    if (p.isSet(html)) {
        const VoidResult written = OverheadHtml::write(report, p.value(html));
        if (!written) {
            err << "meshdeck perf overhead: " << written.error().message() << "\n";
            rc = ExitFailure;
        }
    }
    if (p.isSet(png)) {
        const VoidResult written = OverheadImage::write(report, p.value(png));
        if (!written) {
            err << "meshdeck perf overhead: " << written.error().message() << "\n";
            rc = ExitFailure;
        }
    }
    if (p.isSet(json))
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    else
        out << report.toText();
    return rc;
}

} // namespace Meshdeck
