#include "perfcommand.h"

#include "overheadcommand.h"

#include "perfsummary.h"

#include <core/boundedfile.h>
#include <incluster/inclusterrun.h>
#include <kube/kubeclient.h>
#include <overhead/measuredrun.h>
#include <perf/loadrunner.h>
#include <perf/smpexport.h>
#include <perf/specsecrets.h>
#include <perf/url.h>
#include <proto/grpccatalog.h>
#include <proto/resultcodec.h>
#include <store/resultstore.h>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <optional>

#include <sys/resource.h>
#include <unistd.h>

namespace Meshdeck {

using namespace Perf;

namespace {

std::atomic_bool s_interrupted {false};

void onInterrupt(int)
{
    s_interrupted = true;
}

const char RunUsage[]
    = "Usage: meshdeck perf run --url URL [--rate N | --max] [--connections C] [--threads T]\n"
      "                         [--http2 | --grpc [METHOD] [--data JSON] [--proto-set F]]\n"
      "                         [--streams S]\n"
      "                         [--duration 30s] [--warmup 2s] [--header 'K: V']...\n"
      "                         [--body @file | --body TEXT] [--method M] [--timeout 10s]\n"
      "                         [--generator native|wrk|fortio] [--label k=v]... [--insecure]\n"
      "                         [--cacert FILE] [-o result.pb] [--json]\n\n"
      "Sends HTTP load to URL and prints the latency distribution, rate and errors.\n\n"
      "  --url URL           http:// or https:// target\n"
      "  --rate N            constant rate, N requests per second in total (open loop; latency is\n"
      "                      measured from each request's intended send time)\n"
      "  --max               as fast as the connections allow (closed loop; the default)\n"
      "  --connections C     connections to keep open (default 10)\n"
      "  --max-connections M with --rate: open up to M when none is free (default 4 x C)\n"
      "  --threads T         event-loop threads (default 1)\n"
      "  --http2             HTTP/2: h2c with prior knowledge for http://, negotiated by ALPN\n"
      "                      for https://\n"
      "  --streams S         with --http2 or --grpc: requests in flight per connection\n"
      "                      (default 1)\n"
      "  --grpc [METHOD]     gRPC unary calls to package.Service/Method over HTTP/2 (default\n"
      "                      grpc.health.v1.Health/Check); --url gives the server\n"
      "  --data JSON|@FILE   with --grpc: the request message as JSON (--body: as binary)\n"
      "  --proto-set FILE    with --grpc: the method's descriptors (protoc -o FILE\n"
      "                      --include_imports); grpc.health.v1 and the demo's Bookinfo\n"
      "                      services are built in\n"
      "  --duration D        measured time, e.g. 30s, 2m (default 10s)\n"
      "  --warmup D          time before measuring starts, not counted (default 0s)\n"
      "  --timeout D         per-request timeout (default 10s)\n"
      "  --method M          HTTP method (default GET)\n"
      "  --header 'K: V'     extra request header, repeatable\n"
      "  --body @FILE|TEXT   request body (a file: at most 64 MiB, a regular file)\n"
      "  --secret-header N   keep header N's value out of stored runs and exports, like\n"
      "                      Authorization, Cookie and X-Api-Key (repeatable)\n"
      "  --generator G       native (default), wrk or fortio\n"
      "  --label k=v         label stored with the result, repeatable (e.g. mesh=istio)\n"
      "  --insecure          https: do not verify the server's certificate\n"
      "  --cacert FILE       https: trust the CAs in FILE\n"
      "  -o, --output FILE   write the result file (meshdeck.perf.v1)\n"
      "  --save              also store the run in the results database (the Results page)\n"
      "  --db FILE           store it in this database instead (implies --save)\n"
      "  --name NAME         the run's name in Results\n"
      "  --json              print the summary as JSON\n"
      "  --in-cluster        run the load inside the cluster as an Indexed Job of Meshdeck's\n"
      "                      worker image (with --kubeconfig FILE, --context NAME)\n"
      "  --workers N         worker pods sharing the rate and connections (default 1)\n"
      "  --namespace NS      where the workers run (default meshdeck-load, or\n"
      "                      meshdeck-load-mesh with --in-mesh; created and removed if missing)\n"
      "  --in-mesh           the workers' namespace is injected: their sidecar is on the path\n"
      "  --outside-mesh      not injected (the default)\n"
      "  --image REF         the worker image (default ghcr.io/meshdeck/meshdeck-loadgen:VERSION)\n"
      "  --start-delay D     workers start together this long after the Job is made (3s)\n\n"
      "With a cluster (--kubeconfig FILE or --context NAME, or --in-cluster), the CPU and memory\n"
      "of the target's containers and sidecars, the mesh's control plane and the workers are\n"
      "sampled beside the run (the cluster's Prometheus, else the metrics API) and kept with it:\n"
      "  --target-namespace NS  the target's namespace (read from a Service URL such as\n"
      "                      http://productpage.bookinfo:9080/ when not given)\n"
      "  --sample-interval D how often CPU and memory are read (default 2s)\n"
      "  --no-resources      do not sample\n\n"
      "Ctrl-C ends the run early; what was measured is printed and written (exit code 130).\n"
      "Exit codes: 0 done, 1 the run failed (nothing answered, no response completed, bad\n"
      "file), 2 usage error.\n";

constexpr qint64 MaxBodyBytes = 64LL * 1024 * 1024;
constexpr qint64 MaxDescriptorSetBytes = 16LL * 1024 * 1024;

// gRPC: the request message, from --data JSON through the method's descriptors (the built-in
// ones, or a --proto-set), or --body's bytes as they are; checked before anything is sent.
int encodeGrpcRequest(const QString &protoSet, bool hasData, const QString &data, bool hasBody,
                      LoadSpec *spec, QTextStream &err)
{
    const auto fail = [&](const QString &why) {
        err << "meshdeck perf run: " << why << "\n";
        return static_cast<int>(ExitFailure);
    };
    if (hasData && hasBody) {
        err << "meshdeck perf run: --data (JSON) and --body (the binary message) exclude each "
               "other\n";
        return ExitUsage;
    }
    std::optional<GrpcCatalog> loaded;
    if (!protoSet.isEmpty()) {
        const auto bytes = readBoundedFile(protoSet, MaxDescriptorSetBytes);
        if (!bytes)
            return fail(QStringLiteral("the descriptor set: ") + bytes.error().message());
        auto catalog = GrpcCatalog::fromDescriptorSet(*bytes);
        if (!catalog)
            return fail(protoSet + QStringLiteral(": ") + catalog.error().message());
        loaded = std::move(catalog).value();
    }
    const GrpcCatalog &catalog = loaded ? *loaded : GrpcCatalog::builtIn();
    const bool known = catalog.methods().contains(QString::fromStdString(spec->grpcMethod));
    if (loaded && !known) // names what the set has
        return fail(catalog.requestFromJson(spec->grpcMethod, {}).error().message());
    if (hasBody)
        return ExitOk; // the message as given, binary
    QString json;
    if (hasData) {
        json = data;
        if (data.startsWith(QLatin1Char('@'))) {
            const auto bytes = readBoundedFile(data.mid(1), MaxBodyBytes);
            if (!bytes)
                return fail(QStringLiteral("the --data file: ") + bytes.error().message());
            json = QString::fromUtf8(*bytes);
        }
    }
    // A method no descriptor knows is still called (with an empty message, which every proto3
    // message accepts), so that a server's UNIMPLEMENTED can be measured; JSON needs its type.
    if (!known && !loaded && !hasData)
        return ExitOk;
    const auto message = catalog.requestFromJson(spec->grpcMethod, json.toStdString());
    if (!message)
        return fail(message.error().message());
    spec->body = *message;
    return ExitOk;
}

// Every connection is a file descriptor: raise the soft limit towards the hard one when the
// run needs more, and say so when even the hard limit is too low.
QString ensureOpenFiles(const LoadSpec &spec)
{
    const int perThreadOverhead = 8; // epoll, timerfd, eventfd, stdio
    const rlim_t connections = static_cast<rlim_t>(
        std::max(spec.connections,
                 spec.mode == LoadSpec::Mode::ConstantRate
                     ? (spec.maxConnections > 0 ? spec.maxConnections : 4 * spec.connections)
                     : spec.connections));
    const rlim_t needed = connections + static_cast<rlim_t>(spec.threads * perThreadOverhead) + 64;
    struct rlimit limit
    {
    };
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= needed)
        return {};
    if (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= needed) {
        limit.rlim_cur = needed;
        if (::setrlimit(RLIMIT_NOFILE, &limit) == 0)
            return {};
    }
    return QStringLiteral("%1 connections need about %2 open files, but this process may open "
                          "only %3 (ulimit -n). Use fewer connections, or raise the limit "
                          "(ulimit -n %2, or LimitNOFILE for a service).")
        .arg(connections)
        .arg(needed)
        .arg(limit.rlim_max == RLIM_INFINITY ? limit.rlim_cur : limit.rlim_max);
}

} // namespace

QString PerfCommand::summary() const
{
    return QStringLiteral("Load-test an HTTP endpoint; show and compare result files.");
}

bool PerfCommand::parseDuration(const QString &text, Perf::Micros *out)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double factor = unit == QLatin1String("ms") ? 1e3
        : unit == QLatin1String("m")                  ? 60e6
        : unit == QLatin1String("h")                  ? 3600e6
                                                      : 1e6;
    *out = Micros(static_cast<long long>(v * factor));
    return true;
}

QString PerfCommand::addHeader(const QString &h, Perf::LoadSpec *spec)
{
    const auto colon = h.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return QStringLiteral("--header '%1' is not 'Name: value'").arg(h);
    static const QRegularExpression nameToken(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
    const QString headerName = h.left(colon).trimmed();
    if (!nameToken.match(headerName).hasMatch())
        return QStringLiteral("--header '%1': the name may hold letters, digits and "
                              "-_.!#$%&'*+^`|~ only")
            .arg(headerName);
    if (h.contains(QLatin1Char('\r')) || h.contains(QLatin1Char('\n')) || h.contains(QChar(0)))
        return QStringLiteral("--header %1: a header value cannot hold a line break")
            .arg(headerName);
    spec->headers.emplace_back(headerName.toStdString(), h.mid(colon + 1).trimmed().toStdString());
    return {};
}

int PerfCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("run"))
        return runLoad(arguments.mid(1), out, err);
    if (sub == QLatin1String("show"))
        return show(arguments.mid(1), out, err);
    if (sub == QLatin1String("compare"))
        return compare(arguments.mid(1), out, err);
    if (sub == QLatin1String("overhead"))
        return OverheadCommand().run(arguments.mid(1), out, err);
    if (sub.isEmpty() || sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        out << "Usage: meshdeck perf run --url URL [options]   run a load test (see perf run "
               "--help)\n"
               "       meshdeck perf show FILE [--json | --smp] print a result file\n"
               "       meshdeck perf compare A B...  [--json]   compare result files (A is the "
               "baseline)\n"
               "       meshdeck perf overhead --baseline URL --mesh URL [options]\n"
               "                                             the mesh's added latency and CPU "
               "(see perf overhead --help)\n";
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    err << "meshdeck perf: unknown subcommand '" << sub << "' (run, show, compare or overhead)\n";
    return ExitUsage;
}

int PerfCommand::runLoad(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const auto opt = [](const char *name, const char *value = nullptr) {
        return value
            ? QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value))
            : QCommandLineOption(QString::fromLatin1(name));
    };
    const QCommandLineOption url
        = opt("url", "URL"),
        rate = opt("rate", "N"), max = opt("max"), connections = opt("connections", "C"),
        maxConnections = opt("max-connections", "M"), threads = opt("threads", "T"),
        duration = opt("duration", "D"), warmup = opt("warmup", "D"), timeout = opt("timeout", "D"),
        method = opt("method", "M"), header = opt("header", "K: V"), body = opt("body", "B"),
        generator = opt("generator", "G"), label = opt("label", "k=v"), insecure = opt("insecure"),
        cacert = opt("cacert", "FILE"), json = opt("json"), name = opt("name", "NAME"),
        save = opt("save"), db = opt("db", "FILE"), secretHeader = opt("secret-header", "NAME"),
        inCluster = opt("in-cluster"), workers = opt("workers", "N"), ns = opt("namespace", "NS"),
        inMesh = opt("in-mesh"), outsideMesh = opt("outside-mesh"), image = opt("image", "REF"),
        kubeconfig = opt("kubeconfig", "FILE"), context = opt("context", "NAME"),
        startDelay = opt("start-delay", "D"), targetNs = opt("target-namespace", "NS"),
        interval = opt("sample-interval", "D"), noResources = opt("no-resources"),
        http2 = opt("http2"), streams = opt("streams", "S"), grpc = opt("grpc", "METHOD"),
        protoSet = opt("proto-set", "FILE"), data = opt("data", "JSON");
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("FILE"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    p.addOptions({url,       rate,       max,      connections,  maxConnections, threads,
                  duration,  warmup,     timeout,  method,       header,         body,
                  generator, label,      insecure, cacert,       json,           name,
                  output,    save,       db,       secretHeader, help,           inCluster,
                  workers,   ns,         inMesh,   outsideMesh,  image,          kubeconfig,
                  context,   startDelay, targetNs, interval,     noResources,    http2,
                  streams,   grpc,       protoSet, data});
    const auto usage = [&](const QString &why) {
        err << "meshdeck perf run: " << why << "\n";
        return ExitUsage;
    };
    // --grpc alone calls the health check, as fortio's grpc ping does.
    QStringList args = arguments;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--grpc")
            && (i + 1 == args.size() || args[i + 1].startsWith(QLatin1Char('-'))))
            args.insert(i + 1, QStringLiteral("grpc.health.v1.Health/Check"));
    }
    if (!p.parse(QStringList {QStringLiteral("perf-run")} + args))
        return usage(p.errorText());
    if (p.isSet(help)) {
        out << RunUsage;
        return ExitOk;
    }
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(url))
        return usage(QStringLiteral("--url is required (e.g. --url http://127.0.0.1:8080/)"));

    RunRequest request;
    LoadSpec &spec = request.spec;
    spec.url = p.value(url).toStdString();
    // user:password@ in the URL becomes Basic authorization, as curl does; the stored URL keeps
    // neither.
    if (QUrl parsed(p.value(url), QUrl::StrictMode);
        parsed.isValid() && (!parsed.userName().isEmpty() || !parsed.password().isEmpty())) {
        const QByteArray credentials = (parsed.userName(QUrl::FullyDecoded) + QLatin1Char(':')
                                        + parsed.password(QUrl::FullyDecoded))
                                           .toUtf8();
        spec.headers.emplace_back("Authorization", "Basic " + credentials.toBase64().toStdString());
        parsed.setUserInfo(QString());
        spec.url = parsed.toString(QUrl::FullyEncoded).toStdString();
    }
    if (std::string why; !Url::parse(spec.url, &why))
        return usage(QStringLiteral("--url %1: %2")
                         .arg(QString::fromStdString(SpecSecrets::redactUrl(spec.url)),
                              QString::fromStdString(why)));
    request.name = p.value(name);
    if (p.isSet(rate) && p.isSet(max))
        return usage(QStringLiteral("--rate and --max exclude each other"));
    if (p.isSet(rate)) {
        bool ok = false;
        spec.rate = p.value(rate).toDouble(&ok);
        if (!ok || spec.rate <= 0)
            return usage(QStringLiteral("--rate wants a number of requests per second above 0"));
        spec.mode = LoadSpec::Mode::ConstantRate;
    }
    const auto intOption = [&](const QCommandLineOption &o, int *target, int lo, int hi) {
        if (!p.isSet(o))
            return true;
        bool ok = false;
        const int v = p.value(o).toInt(&ok);
        if (!ok || v < lo || v > hi)
            return false;
        *target = v;
        return true;
    };
    if (!intOption(connections, &spec.connections, 1, 100000))
        return usage(QStringLiteral("--connections wants a number from 1 to 100000"));
    if (!intOption(maxConnections, &spec.maxConnections, 1, 100000))
        return usage(QStringLiteral("--max-connections wants a number from 1 to 100000"));
    if (!intOption(threads, &spec.threads, 1, 256))
        return usage(QStringLiteral("--threads wants a number from 1 to 256"));
    if (p.isSet(http2))
        spec.protocol = LoadSpec::Protocol::Http2;
    if (p.isSet(grpc)) {
        if (p.isSet(http2))
            return usage(QStringLiteral("--grpc runs over HTTP/2 already: leave out --http2"));
        spec.protocol = LoadSpec::Protocol::Grpc;
        spec.grpcMethod = p.value(grpc).toStdString();
        if (!spec.grpcMethod.empty() && spec.grpcMethod.front() == '/')
            spec.grpcMethod.erase(0, 1);
    } else if (p.isSet(protoSet) || p.isSet(data)) {
        return usage(QStringLiteral("--proto-set and --data go with --grpc METHOD"));
    }
    if (p.isSet(streams) && !p.isSet(http2) && !p.isSet(grpc))
        return usage(QStringLiteral("--streams goes with --http2 or --grpc (HTTP/1.1 carries one "
                                    "request at a time per connection)"));
    if (!intOption(streams, &spec.streams, 1, 1000))
        return usage(QStringLiteral("--streams wants a number from 1 to 1000"));
    const auto durationOption = [&](const QCommandLineOption &o, Micros *target) {
        return !p.isSet(o) || PerfCommand::parseDuration(p.value(o), target);
    };
    if (!durationOption(duration, &spec.duration) || spec.duration.count() <= 0)
        return usage(QStringLiteral("--duration wants a time such as 30s, 2m or 500ms"));
    if (!durationOption(warmup, &spec.warmup))
        return usage(QStringLiteral("--warmup wants a time such as 2s"));
    if (!durationOption(timeout, &spec.requestTimeout) || spec.requestTimeout.count() <= 0)
        return usage(QStringLiteral("--timeout wants a time such as 10s"));
    if (p.isSet(method)) {
        // RFC 9110: a method is a token.
        static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
        if (!token.match(p.value(method)).hasMatch())
            return usage(QStringLiteral("--method '%1' is not an HTTP method (letters such as "
                                        "GET, POST, PUT)")
                             .arg(p.value(method)));
        spec.method = p.value(method).toUpper().toStdString();
    }
    for (const QString &h : p.values(header)) {
        if (const QString why = addHeader(h, &spec); !why.isEmpty())
            return usage(why);
    }
    for (const QString &marked : p.values(secretHeader))
        spec.secretHeaders.push_back(marked.trimmed().toStdString());
    if (p.isSet(body)) {
        const QString b = p.value(body);
        if (b.startsWith(QLatin1Char('@'))) {
            const auto bytes = readBoundedFile(b.mid(1), MaxBodyBytes);
            if (!bytes) {
                err << "meshdeck perf run: the body file: " << bytes.error().message() << "\n";
                return ExitFailure;
            }
            spec.body = bytes->toStdString();
        } else {
            spec.body = b.toStdString();
        }
        if (!p.isSet(method))
            spec.method = "POST";
    }
    if (p.isSet(generator) && !generatorFromName(p.value(generator), &request.generator))
        return usage(QStringLiteral("--generator is native, wrk or fortio"));
    if ((p.isSet(http2) || p.isSet(grpc)) && request.generator != Generator::Native)
        return usage(
            QStringLiteral("--http2 and --grpc run Meshdeck's own engine (no --generator)"));
    if (p.isSet(grpc)) {
        if (const int code = encodeGrpcRequest(p.value(protoSet), p.isSet(data), p.value(data),
                                               p.isSet(body), &spec, err);
            code != ExitOk)
            return code;
    }
    for (const QString &l : p.values(label)) {
        const auto eq = l.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--label '%1' is not key=value").arg(l));
        request.labels.insert(l.left(eq), l.mid(eq + 1));
    }
    if (request.labels.contains(QStringLiteral("mesh")))
        request.mesh.type = request.labels.value(QStringLiteral("mesh"));
    if (const QString why = ensureOpenFiles(spec); !why.isEmpty())
        return usage(why);
    spec.insecureTls = p.isSet(insecure);
    spec.caFile = p.value(cacert).toStdString();

    InCluster::InClusterOptions clusterOptions;
    if (p.isSet(inCluster)) {
        if (request.generator != Generator::Native)
            return usage(
                QStringLiteral("--in-cluster runs Meshdeck's own engine (no --generator)"));
        if (p.isSet(inMesh) && p.isSet(outsideMesh))
            return usage(QStringLiteral("--in-mesh and --outside-mesh exclude each other"));
        if (!intOption(workers, &clusterOptions.workers, 1, 1000))
            return usage(QStringLiteral("--workers wants a number from 1 to 1000"));
        clusterOptions.ns = p.value(ns);
        clusterOptions.inMesh = p.isSet(inMesh);
        clusterOptions.image = p.value(image);
        if (p.isSet(startDelay)) {
            Micros delay {};
            if (!PerfCommand::parseDuration(p.value(startDelay), &delay))
                return usage(QStringLiteral("--start-delay wants a time such as 3s"));
            clusterOptions.startDelayMs = int(delay.count() / 1000);
        }
    } else if (p.isSet(workers) || p.isSet(ns) || p.isSet(inMesh) || p.isSet(outsideMesh)
               || p.isSet(image)) {
        return usage(QStringLiteral("--workers, --namespace, --in-mesh, --outside-mesh and --image "
                                    "go with --in-cluster"));
    }
    Overhead::MeasureOptions measure;
    if (p.isSet(inCluster))
        measure.inCluster = clusterOptions;
    measure.sample = !p.isSet(noResources);
    if (p.isSet(targetNs)) {
        static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
        if (!dnsLabel.match(p.value(targetNs)).hasMatch())
            return usage(QStringLiteral("--target-namespace '%1' is not a namespace name")
                             .arg(p.value(targetNs)));
        request.labels.insert(QStringLiteral("namespace"), p.value(targetNs));
    }
    if (p.isSet(interval)) {
        Micros v {};
        if (!PerfCommand::parseDuration(p.value(interval), &v) || v.count() < 200'000)
            return usage(QStringLiteral("--sample-interval wants a time of at least 200ms"));
        measure.sampleIntervalMs = static_cast<int>(v.count() / 1000);
    }
    measure.scope
        = Telemetry::ResourceScope::forRun(QString::fromStdString(spec.url), request.labels);
    // The cluster: where in-cluster load runs, and whose CPU and memory are sampled.
    std::shared_ptr<Kube::KubeClient> kube;
    if (p.isSet(inCluster) || p.isSet(kubeconfig) || p.isSet(context)) {
        auto connected = Kube::KubeClient::fromKubeconfig(p.value(kubeconfig), p.value(context));
        if (!connected) {
            err << "meshdeck perf run: " << connected.error().message() << "\n";
            return ExitFailure;
        }
        kube = std::move(connected).value();
        request.environment.context = kube->context().context;
    } else if (p.isSet(targetNs) || p.isSet(interval)) {
        return usage(QStringLiteral("--target-namespace and --sample-interval want a cluster "
                                    "(--kubeconfig FILE or --context NAME)"));
    }

    s_interrupted = false;
    auto *previous = std::signal(SIGINT, onInterrupt);
    auto *previousTerm = std::signal(SIGTERM, onInterrupt);
    const bool tty = ::isatty(STDERR_FILENO);
    const bool asJson = p.isSet(json);
    if (!asJson) {
        err << "Running " << generatorName(request.generator) << " against "
            << QString::fromStdString(SpecSecrets::redactUrl(spec.url)) << " for "
            << static_cast<double>(spec.duration.count()) / 1e6 << " s"
            << (spec.warmup.count() ? QStringLiteral(" after a %1 s warm-up")
                                          .arg(static_cast<double>(spec.warmup.count()) / 1e6)
                                    : QString())
            << " (Ctrl-C stops early and keeps the result)\n";
        err.flush();
    }
    int lastSecond = -1;
    QString lastPhase;
    const RunResult result = Overhead::MeasuredRun::run(
        request, kube, measure, s_interrupted,
        [&](const RunProgress &pr) {
            if (asJson || measure.inCluster)
                return; // in-cluster runs print the workers' merged seconds below
            const int second = static_cast<int>(pr.elapsedSeconds);
            if (second == lastSecond)
                return;
            lastSecond = second;
            err << (tty ? "\r" : "") << "  "
                << (pr.warmingUp ? QStringLiteral("warming up")
                                 : QStringLiteral("%1/%2 s").arg(second).arg(pr.durationSeconds))
                << "  " << QString::number(pr.rate, 'f', 0) << " req/s  p50 "
                << QString::number(pr.p50Ms, 'f', 3) << " ms  p99 "
                << QString::number(pr.p99Ms, 'f', 3) << " ms  errors " << pr.errors
                << (tty ? "   " : "\n");
            err.flush();
        },
        [&](const InCluster::InClusterProgress &pr) {
            if (asJson)
                return;
            if (pr.phase != lastPhase) {
                lastPhase = pr.phase;
                err << "  " << pr.phase << "\n";
            }
            for (const SecondPoint &point : pr.run.newPoints)
                err << "  " << point.second + 1 << " s  " << point.requests << " req/s  p50 "
                    << QString::number(double(point.p50Ns) / 1e6, 'f', 3) << " ms  p99 "
                    << QString::number(double(point.p99Ns) / 1e6, 'f', 3) << " ms  errors "
                    << point.errors << "  (" << pr.workers.size() << " workers)\n";
            err.flush();
        });
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
    if (tty && !asJson && !measure.inCluster)
        err << "\n";

    int rc = result.failure.isEmpty() ? ExitOk : ExitFailure;
    if (rc == ExitOk && s_interrupted.load())
        rc = ExitInterrupted;
    QString written;
    if (p.isSet(output) && (result.report.attempts() > 0 || result.failure.isEmpty())) {
        if (const auto w = ResultCodec::writeFile(p.value(output), result); !w) {
            err << "meshdeck perf run: " << w.error().toString() << "\n";
            rc = ExitFailure;
        } else {
            written = p.value(output);
        }
    }
    if (!result.failure.isEmpty() && result.report.attempts() == 0 && !asJson) {
        err << "meshdeck perf run: " << result.failure << "\n";
        return ExitFailure; // nothing was sent: the summary would be all zeros
    }
    QString saved;
    if ((p.isSet(save) || p.isSet(db)) && result.report.attempts() > 0) {
        const QString path = p.isSet(db) ? p.value(db) : ResultStore::defaultPath();
        auto store = ResultStore::open(path);
        const VoidResult ok
            = store ? store.value()->saveRun(result) : VoidResult(Unexpected(store.error()));
        if (!ok) {
            err << "meshdeck perf run: the run was not saved: " << ok.error().message() << "\n";
            rc = ExitFailure;
        } else {
            saved = path;
        }
    }
    if (asJson) {
        QJsonObject o = PerfSummary::runJson(result);
        if (!written.isEmpty())
            o.insert(QStringLiteral("output"), written);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        PerfSummary::printRun(result, out);
        if (!written.isEmpty())
            out << "  Written to   " << written << "\n";
        if (!saved.isEmpty())
            out << "  Saved in     " << saved << " (meshdeck results list; the Results page)\n";
    }
    if (!result.failure.isEmpty())
        err << "meshdeck perf run: " << result.failure << "\n";
    return rc;
}

int PerfCommand::show(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json")), smp(QStringLiteral("smp"));
    p.addOptions({json, smp});
    if (!p.parse(QStringList {QStringLiteral("perf-show")} + arguments)
        || p.positionalArguments().size() != 1) {
        err << "Usage: meshdeck perf show FILE [--json | --smp]\n";
        return ExitUsage;
    }
    const auto run = ResultCodec::readFile(p.positionalArguments().first());
    if (!run) {
        err << "meshdeck perf show: " << run.error().toString() << "\n";
        return ExitFailure;
    }
    if (p.isSet(smp))
        out << QJsonDocument(SmpExport::toJson(run.value())).toJson(QJsonDocument::Indented);
    else if (p.isSet(json))
        out << QJsonDocument(PerfSummary::runJson(run.value())).toJson(QJsonDocument::Indented);
    else
        PerfSummary::printRun(run.value(), out);
    return ExitOk;
}

int PerfCommand::compare(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"));
    p.addOption(json);
    if (!p.parse(QStringList {QStringLiteral("perf-compare")} + arguments)
        || p.positionalArguments().size() < 2) {
        err << "Usage: meshdeck perf compare BASELINE OTHER... [--json]\n";
        return ExitUsage;
    }
    QList<RunResult> runs;
    QStringList names;
    for (const QString &file : p.positionalArguments()) {
        const auto run = ResultCodec::readFile(file);
        if (!run) {
            err << "meshdeck perf compare: " << run.error().toString() << "\n";
            return ExitFailure;
        }
        runs.append(run.value());
        names.append(run->name.isEmpty() ? QFileInfo(file).completeBaseName() : run->name);
    }
    if (p.isSet(json))
        out << QJsonDocument(PerfSummary::comparisonJson(runs, names))
                   .toJson(QJsonDocument::Indented);
    else
        PerfSummary::printComparison(runs, names, out);
    return ExitOk;
}

} // namespace Meshdeck
