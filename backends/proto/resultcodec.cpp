#include "resultcodec.h"

#include "envelopecodec.h"
#include "meshdeck/perf/v1/result.pb.h"

#include <core/boundedfile.h>
#include <perf/specsecrets.h>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Meshdeck {

namespace pb = meshdeck::perf::v1;
using namespace Meshdeck::Perf;

namespace {

void setTime(google::protobuf::Timestamp *ts, const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    ts->set_seconds(ms / 1000);
    ts->set_nanos(static_cast<int>(ms % 1000) * 1'000'000);
}

QDateTime getTime(const google::protobuf::Timestamp &ts)
{
    return QDateTime::fromMSecsSinceEpoch(ts.seconds() * 1000 + ts.nanos() / 1'000'000, Qt::UTC);
}

std::string s(const QString &q)
{
    return q.toStdString();
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

FailureKind failureKindFromName(const std::string &name, bool *ok)
{
    for (int k = 0; k < static_cast<int>(FailureKind::Count); ++k) {
        if (name == failureKindName(static_cast<FailureKind>(k))) {
            *ok = true;
            return static_cast<FailureKind>(k);
        }
    }
    *ok = false;
    return FailureKind::Count;
}

} // namespace

QByteArray ResultCodec::encode(const RunResult &run)
{
    pb::Result m;
    m.set_id(s(run.id));
    m.set_name(s(run.name));
    pb::RunSpec *spec = m.mutable_spec();
    // Everything encoded here is kept at rest (database, files): never a credential.
    const LoadSpec safe = SpecSecrets::redacted(run.spec);
    spec->set_url(safe.url);
    spec->set_method(safe.method);
    for (const auto &[name, value] : safe.headers) {
        pb::Header *h = spec->add_headers();
        h->set_name(name);
        h->set_value(value);
    }
    spec->set_body(safe.body);
    for (const std::string &name : safe.secretHeaders)
        spec->add_secret_headers(name);
    spec->set_mode(run.spec.mode == LoadSpec::Mode::ConstantRate ? pb::RunSpec::CONSTANT_RATE
                                                                 : pb::RunSpec::CLOSED_LOOP);
    spec->set_rate(run.spec.rate);
    spec->set_connections(static_cast<quint32>(run.spec.connections));
    spec->set_threads(static_cast<quint32>(run.spec.threads));
    spec->set_max_connections(static_cast<quint32>(std::max(0, run.spec.maxConnections)));
    spec->set_duration_us(run.spec.duration.count());
    spec->set_warmup_us(run.spec.warmup.count());
    spec->set_connect_timeout_us(run.spec.connectTimeout.count());
    spec->set_request_timeout_us(run.spec.requestTimeout.count());
    spec->set_generator(s(generatorName(run.generator)));
    spec->set_insecure_tls(run.spec.insecureTls);
    spec->set_protocol(protocolName(run.spec.protocol));
    spec->set_streams(static_cast<quint32>(std::max(1, run.spec.streams)));
    spec->set_grpc_method(run.spec.grpcMethod);

    pb::Environment *env = m.mutable_environment();
    env->set_context(s(run.environment.context));
    env->set_kubernetes_version(s(run.environment.kubernetesVersion));
    for (const auto &n : run.environment.nodes) {
        pb::Node *node = env->add_nodes();
        node->set_name(s(n.name));
        node->set_cpu_millicores(static_cast<quint32>(n.cpuMillicores));
        node->set_memory_bytes(static_cast<quint64>(n.memoryBytes));
        node->set_kubelet_version(s(n.kubeletVersion));
    }
    env->set_client_host(s(run.environment.clientHost));
    env->set_client_cpus(static_cast<quint32>(run.environment.clientCpus));
    env->set_client_memory_bytes(static_cast<quint64>(run.environment.clientMemoryBytes));
    env->set_platform(s(run.environment.platform));

    pb::Mesh *mesh = m.mutable_mesh();
    mesh->set_type(s(run.mesh.type));
    mesh->set_version(s(run.mesh.version));
    mesh->set_mtls(run.mesh.mtls);
    mesh->set_proxy_concurrency(static_cast<quint32>(run.mesh.proxyConcurrency));
    mesh->set_profile(s(run.mesh.profile));

    if (run.resources.available() || !run.resources.unavailableReason.isEmpty()) {
        pb::Resources *res = m.mutable_resources();
        res->set_source(s(run.resources.source));
        res->set_unavailable_reason(s(run.resources.unavailableReason));
        for (const QString &w : run.resources.warnings)
            res->add_warnings(s(w));
        res->set_window_start_seconds(run.resources.windowStart);
        res->set_window_end_seconds(run.resources.windowEnd);
        for (const ResourceSeries &series : run.resources.series) {
            pb::ResourceSeries *out = res->add_series();
            out->set_namespace_(s(series.ns));
            out->set_pod(s(series.pod));
            out->set_container(s(series.container));
            out->set_role(s(resourceRoleName(series.role)));
            for (const ResourcePoint &p : series.points) {
                pb::ResourcePoint *point = out->add_points();
                point->set_offset_seconds(p.offsetSeconds);
                point->set_cores(p.cores);
                point->set_memory_bytes(static_cast<quint64>(std::max<qint64>(0, p.memoryBytes)));
            }
        }
    }

    const LoadReport &r = run.report;
    m.set_corrected_histogram(r.corrected.serialize());
    if (r.hasServiceTime)
        m.set_service_histogram(r.service.serialize());
    std::vector<double> percents(RunResult::summaryPercentiles().begin(),
                                 RunResult::summaryPercentiles().end());
    const auto values = r.corrected.percentilesNs(percents);
    for (std::size_t i = 0; i < percents.size(); ++i) {
        pb::Percentile *p = m.add_percentiles();
        p->set_percent(percents[i]);
        p->set_value_ns(values[i]);
    }
    for (const SecondPoint &point : r.series) {
        pb::SecondPoint *p = m.add_series();
        p->set_second(point.second);
        p->set_requests(point.requests);
        p->set_errors(point.errors);
        p->set_p50_ns(point.p50Ns);
        p->set_p90_ns(point.p90Ns);
        p->set_p99_ns(point.p99Ns);
        p->set_max_ns(point.maxNs);
    }
    for (int k = 0; k < static_cast<int>(FailureKind::Count); ++k) {
        const auto kind = static_cast<FailureKind>(k);
        const auto count = r.counters.failures[static_cast<std::size_t>(k)];
        const auto example = r.failureExamples.find(kind);
        if (!count && example == r.failureExamples.end())
            continue;
        pb::Failure *f = m.add_failures();
        f->set_kind(failureKindName(kind));
        f->set_count(count);
        if (example != r.failureExamples.end())
            f->set_example(example->second);
    }
    for (const auto &[code, count] : r.counters.statusCodes) {
        pb::StatusCount *st = m.add_statuses();
        st->set_code(code);
        st->set_count(count);
    }
    pb::Counters *c = m.mutable_counters();
    c->set_responses(r.counters.responses);
    c->set_successes(r.counters.successes);
    c->set_redirects(r.counters.redirects);
    c->set_bytes_read(r.counters.bytesRead);
    c->set_bytes_written(r.counters.bytesWritten);
    c->set_oversized_bodies(r.counters.oversizedBodies);
    c->set_connections_opened(r.counters.connectionsOpened);
    c->set_keep_alive_retries(r.counters.keepAliveRetries);
    c->set_late_sends(r.counters.lateSends);
    c->set_dropped_sends(r.counters.droppedSends);
    c->set_max_send_lag_ns(r.counters.maxSendLagNs);
    c->set_warmup_responses(r.counters.warmupResponses);
    c->set_unknown_error_statuses(r.counters.unknownErrorStatuses);
    for (const auto &[code, count] : r.counters.grpcCodes)
        (*c->mutable_grpc_codes())[code] = count;
    for (const auto &[code, text] : r.grpcMessages)
        (*m.mutable_grpc_messages())[code] = text;
    if (run.start.isValid())
        setTime(m.mutable_start_time(), run.start);
    if (run.end.isValid())
        setTime(m.mutable_end_time(), run.end);
    for (auto it = run.labels.begin(); it != run.labels.end(); ++it)
        (*m.mutable_labels())[s(it.key())] = s(it.value());
    m.set_measured_seconds(r.measuredSeconds);
    m.set_requested_rate(r.requestedRate);
    m.set_achieved_rate(r.achievedRate);
    m.set_client_cpu_seconds(r.clientCpuSeconds);
    m.set_peak_connections(static_cast<quint32>(r.peakConnections));
    m.set_cancelled(r.cancelled);
    m.set_has_service_time(r.hasServiceTime);
    m.set_generator(r.generator);
    m.set_generator_version(r.generatorVersion);
    m.set_failure(s(run.failure));

    EnvelopeData envelope;
    envelope.kind = QString::fromLatin1(Kind);
    envelope.schemaVersion = CurrentSchema;
    envelope.producer = QCoreApplication::applicationName() + QLatin1Char(' ')
        + QCoreApplication::applicationVersion();
    envelope.created = QDateTime::currentDateTimeUtc();
    envelope.labels = run.labels;
    const std::string payload = m.SerializeAsString();
    envelope.payload = QByteArray(payload.data(), static_cast<qsizetype>(payload.size()));
    return EnvelopeCodec::encode(envelope);
}

Result<RunResult> ResultCodec::decode(const QByteArray &bytes)
{
    auto envelope = EnvelopeCodec::decode(bytes, QString::fromLatin1(Kind), CurrentSchema);
    if (!envelope)
        return Unexpected(envelope.error());
    pb::Result m;
    const QByteArray &payload = envelope->payload;
    if (!m.ParseFromArray(payload.constData(), static_cast<int>(payload.size())))
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("The result inside this file is damaged."),
                                tr("%1 bytes of payload do not parse").arg(payload.size())));
    RunResult run;
    run.id = q(m.id());
    run.name = q(m.name());
    const pb::RunSpec &spec = m.spec();
    run.spec.url = spec.url();
    run.spec.method = spec.method().empty() ? "GET" : spec.method();
    for (const pb::Header &h : spec.headers())
        run.spec.headers.emplace_back(h.name(), h.value());
    run.spec.body = spec.body();
    for (const std::string &name : spec.secret_headers())
        run.spec.secretHeaders.push_back(name);
    run.spec.mode = spec.mode() == pb::RunSpec::CONSTANT_RATE ? LoadSpec::Mode::ConstantRate
                                                              : LoadSpec::Mode::ClosedLoop;
    run.spec.rate = spec.rate();
    run.spec.connections = static_cast<int>(spec.connections());
    run.spec.threads = static_cast<int>(spec.threads());
    run.spec.maxConnections = static_cast<int>(spec.max_connections());
    run.spec.duration = Micros(spec.duration_us());
    run.spec.warmup = Micros(spec.warmup_us());
    if (spec.connect_timeout_us())
        run.spec.connectTimeout = Micros(spec.connect_timeout_us());
    if (spec.request_timeout_us())
        run.spec.requestTimeout = Micros(spec.request_timeout_us());
    run.spec.insecureTls = spec.insecure_tls();
    if (!parseProtocol(spec.protocol(), run.spec.protocol))
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("The result uses the protocol \"%1\", which this "
                                   "version of Meshdeck does not know; update Meshdeck.")
                                    .arg(q(spec.protocol()))));
    run.spec.streams = std::max(1, static_cast<int>(spec.streams()));
    run.spec.grpcMethod = spec.grpc_method();
    if (!generatorFromName(q(spec.generator()), &run.generator))
        run.generator = Generator::Native;

    const pb::Environment &env = m.environment();
    run.environment.context = q(env.context());
    run.environment.kubernetesVersion = q(env.kubernetes_version());
    for (const pb::Node &n : env.nodes())
        run.environment.nodes.append({q(n.name()), static_cast<int>(n.cpu_millicores()),
                                      static_cast<qint64>(n.memory_bytes()),
                                      q(n.kubelet_version())});
    run.environment.clientHost = q(env.client_host());
    run.environment.clientCpus = static_cast<int>(env.client_cpus());
    run.environment.clientMemoryBytes = static_cast<qint64>(env.client_memory_bytes());
    run.environment.platform = q(env.platform());
    run.mesh = {q(m.mesh().type()), q(m.mesh().version()), m.mesh().mtls(),
                static_cast<int>(m.mesh().proxy_concurrency()), q(m.mesh().profile())};

    LoadReport &r = run.report;
    if (!m.corrected_histogram().empty() && !r.corrected.deserialize(m.corrected_histogram()))
        return Unexpected(
            Error(ErrorCode::ParseError, tr("The latency histogram in this file is damaged.")));
    r.hasServiceTime = m.has_service_time() && !m.service_histogram().empty();
    if (r.hasServiceTime) {
        if (!r.service.deserialize(m.service_histogram()))
            return Unexpected(Error(ErrorCode::ParseError,
                                    tr("The service-time histogram in this file is damaged.")));
    } else {
        r.service = r.corrected;
    }
    for (const pb::SecondPoint &p : m.series())
        r.series.push_back(
            {p.second(), p.requests(), p.errors(), p.p50_ns(), p.p90_ns(), p.p99_ns(), p.max_ns()});
    for (const pb::Failure &f : m.failures()) {
        bool ok = false;
        const FailureKind kind = failureKindFromName(f.kind(), &ok);
        if (!ok)
            continue; // a kind from a newer version: still counted below as unknown errors
        r.counters.failures[static_cast<std::size_t>(kind)] = f.count();
        if (!f.example().empty())
            r.failureExamples.emplace(kind, f.example());
    }
    for (const pb::StatusCount &st : m.statuses())
        r.counters.statusCodes[st.code()] = st.count();
    const pb::Counters &c = m.counters();
    r.counters.responses = c.responses();
    r.counters.successes = c.successes();
    r.counters.redirects = c.redirects();
    r.counters.bytesRead = c.bytes_read();
    r.counters.bytesWritten = c.bytes_written();
    r.counters.oversizedBodies = c.oversized_bodies();
    r.counters.connectionsOpened = c.connections_opened();
    r.counters.keepAliveRetries = c.keep_alive_retries();
    r.counters.lateSends = c.late_sends();
    r.counters.droppedSends = c.dropped_sends();
    r.counters.maxSendLagNs = c.max_send_lag_ns();
    r.counters.warmupResponses = c.warmup_responses();
    r.counters.unknownErrorStatuses = c.unknown_error_statuses();
    for (const auto &[code, count] : c.grpc_codes())
        r.counters.grpcCodes[code] = count;
    for (const auto &[code, text] : m.grpc_messages())
        r.grpcMessages[code] = text;
    if (m.has_start_time())
        run.start = getTime(m.start_time());
    if (m.has_end_time())
        run.end = getTime(m.end_time());
    if (m.has_resources()) {
        const pb::Resources &res = m.resources();
        run.resources.source = q(res.source());
        run.resources.unavailableReason = q(res.unavailable_reason());
        for (const std::string &w : res.warnings())
            run.resources.warnings << q(w);
        run.resources.windowStart = res.window_start_seconds();
        run.resources.windowEnd = res.window_end_seconds();
        for (const pb::ResourceSeries &in : res.series()) {
            ResourceSeries series;
            series.ns = q(in.namespace_());
            series.pod = q(in.pod());
            series.container = q(in.container());
            if (!resourceRoleFromName(q(in.role()), &series.role))
                continue; // a role a newer Meshdeck knows: skipped, the rest reads
            for (const pb::ResourcePoint &p : in.points())
                series.points << ResourcePoint {p.offset_seconds(), p.cores(),
                                                static_cast<qint64>(p.memory_bytes())};
            run.resources.series << series;
        }
    }
    for (const auto &[key, value] : m.labels())
        run.labels.insert(q(key), q(value));
    if (!m.has_counters()) { // older or foreign writers: what the histogram knows
        r.counters.responses = r.corrected.count();
        r.counters.successes = r.corrected.count();
    }
    r.measuredSeconds = m.measured_seconds();
    r.requestedRate = m.requested_rate();
    r.achievedRate = m.achieved_rate();
    if (r.achievedRate == 0 && r.measuredSeconds > 0)
        r.achievedRate = static_cast<double>(r.counters.responses) / r.measuredSeconds;
    r.clientCpuSeconds = m.client_cpu_seconds();
    r.peakConnections = static_cast<int>(m.peak_connections());
    r.cancelled = m.cancelled();
    r.generator = m.generator().empty() ? s(generatorName(run.generator)) : m.generator();
    r.generatorVersion = m.generator_version();
    run.failure = q(m.failure());
    return run;
}

Result<RunResult> ResultCodec::readFile(const QString &path)
{
    // A result file holds one run: histograms of a few MiB at most.
    const auto bytes = readBoundedFile(path, 256LL * 1024 * 1024);
    if (!bytes)
        return Unexpected(bytes.error());
    auto run = decode(bytes.value());
    if (!run)
        return Unexpected(run.error().withContext(QFileInfo(path).fileName()));
    return run;
}

VoidResult ResultCodec::writeFile(const QString &path, const RunResult &run)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Unexpected(
            Error(ErrorCode::IoError, tr("Cannot write %1: %2").arg(path, f.errorString())));
    const QByteArray bytes = encode(run);
    if (f.write(bytes) != bytes.size() || !f.commit())
        return Unexpected(
            Error(ErrorCode::IoError, tr("Cannot write %1: %2").arg(path, f.errorString())));
    return {};
}

} // namespace Meshdeck
