#include "inclusterrun.h"

#include "resultmerge.h"
#include "workerprotocol.h"

#include <core/logging.h>
#include <kube/kubeclient.h>
#include <perf/loadprofile.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QThread>
#include <QUuid>

#include <meshdeck_version.h>

#include <map>
#include <mutex>

namespace Meshdeck::InCluster {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::InCluster::InClusterRun)
};

const QString kManagedBy = QStringLiteral("app.kubernetes.io/managed-by");
const QString kRunLabel = QStringLiteral("meshdeck.io/load-run");
const QString kIndex = QStringLiteral("batch.kubernetes.io/job-completion-index");

QJsonObject metadataOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

// One worker as its pod and its log tell it.
struct Worker
{
    int index = 0;
    QString pod;
    QString node;
    QString state = QStringLiteral("Pending");
    bool following = false;
    CancelToken stream;
    QByteArray partial; // an unfinished line
    qint64 linesSeen = 0; // a resumed stream skips these
    qint64 linesNow = 0;
    bool streamClosed = false;
    bool podEnded = false;
    bool hasResult = false;
    QString error;
    Perf::RunResult result;
    double lastRate = 0;
    qint64 lastSecond = -1;
    qint64 lateMs = -1;
};

} // namespace

QString InClusterOptions::namespaceName() const
{
    if (!ns.isEmpty())
        return ns;
    return inMesh ? QStringLiteral("meshdeck-load-mesh") : QStringLiteral("meshdeck-load");
}

QString InClusterOptions::defaultImage()
{
    return QStringLiteral("ghcr.io/meshdeck/meshdeck-loadgen:%1")
        .arg(QLatin1String(MESHDECK_VERSION));
}

struct InClusterRun::State
{
    std::shared_ptr<Kube::KubeClient> client;
    Perf::RunRequest request;
    InClusterOptions options;
    QString id;
    QString job;
    QString secret;
    QString ns;
    bool createdNamespace = false;

    std::mutex mutex; // guards what the log streams write
    std::map<int, Worker> workers;
    struct Second
    {
        Perf::Histogram histogram;
        quint64 requests = 0;
        quint64 errors = 0;
        QSet<int> from;
    };
    std::map<qint64, Second> seconds;
    qint64 nextSecond = 0;
    QString streamProblem;

    void onLine(Worker &w, const QByteArray &line);
    void onData(int index, const QByteArray &chunk);
    QList<Perf::SecondPoint> takeCompleteSeconds(bool all);
    void follow(int index);
    VoidResult prepare();
    VoidResult createJob();
    void cleanUp();
};

InClusterRun::InClusterRun(std::shared_ptr<Kube::KubeClient> client, Perf::RunRequest request,
                           InClusterOptions options)
    : d(std::make_unique<State>())
{
    d->client = std::move(client);
    d->request = std::move(request);
    d->options = std::move(options);
    if (d->options.image.isEmpty())
        d->options.image = InClusterOptions::defaultImage();
    d->id = QUuid::createUuid().toString(QUuid::Id128).left(8);
    d->job = QStringLiteral("meshdeck-load-") + d->id;
    d->secret = d->job + QStringLiteral("-profile");
    d->ns = d->options.namespaceName();
}

InClusterRun::~InClusterRun() = default;

void InClusterRun::State::onLine(Worker &w, const QByteArray &line)
{
    const auto parsed = WorkerProtocol::parse(line);
    if (!parsed) {
        w.error = parsed.error().message();
        return;
    }
    switch (parsed->type) {
    case WorkerLine::Type::Second: {
        Second &s = seconds[parsed->second];
        s.histogram.merge(parsed->histogram);
        s.requests += parsed->requests;
        s.errors += parsed->errors;
        s.from.insert(w.index);
        w.lastRate = double(parsed->requests);
        w.lastSecond = parsed->second;
        break;
    }
    case WorkerLine::Type::Started:
        w.state = QStringLiteral("Running");
        w.lateMs = parsed->lateMs;
        break;
    case WorkerLine::Type::Result:
        w.result = parsed->result;
        w.hasResult = true;
        w.state = QStringLiteral("Completed");
        break;
    case WorkerLine::Type::Error:
        w.error = parsed->message;
        break;
    default:
        break;
    }
}

void InClusterRun::State::onData(int index, const QByteArray &chunk)
{
    std::lock_guard lock(mutex);
    Worker &w = workers[index];
    w.partial += chunk;
    for (;;) {
        const qsizetype nl = w.partial.indexOf('\n');
        if (nl < 0)
            break;
        const QByteArray line = w.partial.left(nl);
        w.partial.remove(0, nl + 1);
        // A resumed stream starts again from the first line: skip what was read before.
        if (++w.linesNow <= w.linesSeen)
            continue;
        w.linesSeen = w.linesNow;
        onLine(w, line);
    }
}

QList<Perf::SecondPoint> InClusterRun::State::takeCompleteSeconds(bool all)
{
    // A second is complete once every worker still sending has reported it.
    QList<Perf::SecondPoint> out;
    QSet<int> live;
    for (const auto &[index, w] : workers)
        if (!w.hasResult && !w.podEnded)
            live.insert(index);
    while (!seconds.empty()) {
        auto it = seconds.begin();
        if (!all) {
            bool complete = true;
            for (const int i : std::as_const(live))
                complete = complete && it->second.from.contains(i);
            if (!complete)
                break;
        }
        Perf::SecondPoint p;
        p.second = it->first;
        p.requests = it->second.requests;
        p.errors = it->second.errors;
        const auto pct = it->second.histogram.percentilesNs({50, 90, 99});
        p.p50Ns = pct[0];
        p.p90Ns = pct[1];
        p.p99Ns = pct[2];
        p.maxNs = it->second.histogram.maxNs();
        out << p;
        nextSecond = it->first + 1;
        seconds.erase(it);
    }
    return out;
}

void InClusterRun::State::follow(int index)
{
    Worker &w = workers[index];
    w.following = true;
    w.streamClosed = false;
    w.linesNow = 0;
    w.partial.clear();
    const QString pod = w.pod;
    w.stream = client->streamLogs(
        ns, pod, QStringLiteral("loadgen"), -1, true,
        [this, index](const QByteArray &chunk) { onData(index, chunk); },
        [this, index, pod](const Error *error) {
            std::lock_guard lock(mutex);
            Worker &worker = workers[index];
            if (worker.pod != pod)
                return;
            worker.streamClosed = true;
            if (error && error->code() != ErrorCode::Cancelled)
                streamProblem = error->message();
        });
}

VoidResult InClusterRun::State::prepare()
{
    // A read-only user is refused here, before anything is created.
    const struct
    {
        const char *verb, *group, *resource;
    } needed[] = {{"create", "batch", "jobs"},
                  {"delete", "batch", "jobs"},
                  {"create", "", "secrets"},
                  {"list", "", "pods"},
                  {"get", "", "pods/log"}};
    QStringList missing;
    for (const auto &n : needed) {
        const auto allowed = client->canI(QLatin1String(n.verb), QLatin1String(n.group),
                                          QLatin1String(n.resource), ns);
        if (!allowed)
            return Unexpected(allowed.error());
        if (!allowed.value())
            missing << QStringLiteral("%1 %2").arg(QLatin1String(n.verb),
                                                   QLatin1String(n.resource));
    }
    auto existing = client->get(QStringLiteral("/api/v1/namespaces/%1").arg(ns));
    // A namespace still being deleted (an earlier run's) takes nothing new: wait until it is gone.
    QElapsedTimer terminating;
    terminating.start();
    while (existing && metadataOf(existing.value()).contains(QLatin1String("deletionTimestamp"))) {
        if (terminating.elapsed() > 60'000)
            return Unexpected(
                Error(ErrorCode::Conflict,
                      Tr::tr("The namespace %1 is still being deleted after a minute; "
                             "choose another with --namespace, or try again later.")
                          .arg(ns)));
        QThread::msleep(250);
        existing = client->get(QStringLiteral("/api/v1/namespaces/%1").arg(ns));
    }
    if (!existing && existing.error().code() != ErrorCode::NotFound)
        return Unexpected(existing.error());
    if (!existing) {
        const auto mayCreate
            = client->canI(QStringLiteral("create"), QString(), QStringLiteral("namespaces"));
        if (mayCreate && !mayCreate.value())
            missing << QStringLiteral("create namespaces");
    }
    if (!missing.isEmpty())
        return Unexpected(Error(ErrorCode::Forbidden,
                                Tr::tr("The in-cluster run needs permissions this user lacks in "
                                       "namespace %1: %2. Nothing was created.")
                                    .arg(ns, missing.join(QStringLiteral(", ")))));
    if (!existing) {
        QJsonObject labels {
            {kManagedBy, QStringLiteral("meshdeck")},
            {QStringLiteral("istio-injection"),
             options.inMesh ? QStringLiteral("enabled") : QStringLiteral("disabled")}};
        QJsonObject md {{QStringLiteral("name"), ns}, {QStringLiteral("labels"), labels}};
        if (options.inMesh)
            md.insert(
                QStringLiteral("annotations"),
                QJsonObject {{QStringLiteral("linkerd.io/inject"), QStringLiteral("enabled")}});
        const auto made = client->send(
            "POST", QStringLiteral("/api/v1/namespaces"),
            QJsonDocument(QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                       {QStringLiteral("metadata"), md}})
                .toJson(QJsonDocument::Compact),
            "application/json");
        if (!made)
            return Unexpected(made.error());
        createdNamespace = true;
    }
    return {};
}

VoidResult InClusterRun::State::createJob()
{
    const int n = options.workers;
    Perf::LoadProfile profile;
    profile.name = request.name.isEmpty() ? job : request.name;
    profile.spec = request.spec;
    profile.generator = Perf::Generator::Native;
    profile.labels = request.labels;
    const QByteArray profileJson = QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact);
    const QJsonObject labels {{kManagedBy, QStringLiteral("meshdeck")}, {kRunLabel, id}};
    // The profile may carry credentials (headers): a Secret, not the pod spec.
    const auto secretMade = client->send(
        "POST", QStringLiteral("/api/v1/namespaces/%1/secrets").arg(ns),
        QJsonDocument(QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                   {QStringLiteral("kind"), QStringLiteral("Secret")},
                                   {QStringLiteral("metadata"),
                                    QJsonObject {{QStringLiteral("name"), secret},
                                                 {QStringLiteral("labels"), labels}}},
                                   {QStringLiteral("type"), QStringLiteral("Opaque")},
                                   {QStringLiteral("data"),
                                    QJsonObject {{QStringLiteral("profile"),
                                                  QString::fromLatin1(profileJson.toBase64())}}}})
            .toJson(QJsonDocument::Compact),
        "application/json");
    if (!secretMade)
        return Unexpected(secretMade.error());
    const qint64 startAt = QDateTime::currentMSecsSinceEpoch() + options.startDelayMs;
    const QJsonObject resources {{QStringLiteral("cpu"), options.cpu},
                                 {QStringLiteral("memory"), options.memory}};
    const QJsonObject container {
        {QStringLiteral("name"), QStringLiteral("loadgen")},
        {QStringLiteral("image"), options.image},
        {QStringLiteral("env"),
         QJsonArray {
             QJsonObject {{QStringLiteral("name"), QStringLiteral("MESHDECK_LOADGEN_PROFILE")},
                          {QStringLiteral("valueFrom"),
                           QJsonObject {{QStringLiteral("secretKeyRef"),
                                         QJsonObject {{QStringLiteral("name"), secret},
                                                      {QStringLiteral("key"),
                                                       QStringLiteral("profile")}}}}}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("MESHDECK_LOADGEN_WORKERS")},
                          {QStringLiteral("value"), QString::number(n)}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("MESHDECK_LOADGEN_START_AT")},
                          {QStringLiteral("value"), QString::number(startAt)}}}},
        {QStringLiteral("resources"),
         QJsonObject {{QStringLiteral("requests"), resources},
                      {QStringLiteral("limits"), resources}}}};
    // Workers prefer different nodes, so that one node's capacity does not cap the load.
    const QJsonObject term {
        {QStringLiteral("topologyKey"), QStringLiteral("kubernetes.io/hostname")},
        {QStringLiteral("labelSelector"),
         QJsonObject {{QStringLiteral("matchLabels"), QJsonObject {{kRunLabel, id}}}}}};
    const QJsonObject preferred {{QStringLiteral("weight"), 100},
                                 {QStringLiteral("podAffinityTerm"), term}};
    const QJsonObject affinity {
        {QStringLiteral("podAntiAffinity"),
         QJsonObject {{QStringLiteral("preferredDuringSchedulingIgnoredDuringExecution"),
                       QJsonArray {preferred}}}}};
    const QJsonObject jobObject {
        {QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
        {QStringLiteral("kind"), QStringLiteral("Job")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), job}, {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("completionMode"), QStringLiteral("Indexed")},
             {QStringLiteral("completions"), n},
             {QStringLiteral("parallelism"), n},
             {QStringLiteral("backoffLimit"), 0},
             {QStringLiteral("ttlSecondsAfterFinished"), 600},
             {QStringLiteral("template"),
              QJsonObject {
                  {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("labels"), labels}}},
                  {QStringLiteral("spec"),
                   QJsonObject {{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                                {QStringLiteral("affinity"), affinity},
                                {QStringLiteral("terminationGracePeriodSeconds"), 10},
                                {QStringLiteral("containers"), QJsonArray {container}}}}}}}}};
    const auto made
        = client->send("POST", QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(ns),
                       QJsonDocument(jobObject).toJson(QJsonDocument::Compact), "application/json");
    if (!made)
        return Unexpected(made.error());
    qCInfo(lcPerf) << "in-cluster run" << job << "in" << ns << "with" << n << "workers";
    return {};
}

void InClusterRun::State::cleanUp()
{
    {
        std::lock_guard lock(mutex);
        for (auto &[index, w] : workers)
            w.stream.cancel();
    }
    (void)client->remove(QStringLiteral("/apis/batch/v1/namespaces/%1/jobs/%2").arg(ns, job),
                         QStringLiteral("Foreground"));
    (void)client->remove(QStringLiteral("/api/v1/namespaces/%1/secrets/%2").arg(ns, secret));
    if (createdNamespace)
        (void)client->remove(QStringLiteral("/api/v1/namespaces/%1").arg(ns));
}

Result<Perf::RunResult> InClusterRun::run(const std::atomic_bool &cancel, ProgressFn progress)
{
    State &s = *d;
    if (s.options.workers < 1)
        return Unexpected(Error(ErrorCode::InvalidArgument, Tr::tr("Give at least one worker.")));
    const auto report = [&](const QString &phase, const QList<Perf::SecondPoint> &points) {
        if (!progress)
            return;
        InClusterProgress p;
        p.phase = phase;
        {
            std::lock_guard lock(s.mutex);
            for (const auto &[index, w] : s.workers)
                p.workers << InClusterProgress::Worker {
                    index, w.pod, w.node, w.state, w.lastRate, w.hasResult || w.podEnded, w.lateMs};
        }
        p.run.durationSeconds = double(s.request.spec.duration.count()) / 1e6;
        p.run.newPoints = points;
        for (const Perf::SecondPoint &pt : points) {
            p.run.elapsedSeconds = double(pt.second + 1);
            p.run.rate = double(pt.requests);
            p.run.p50Ms = double(pt.p50Ns) / 1e6;
            p.run.p99Ms = double(pt.p99Ns) / 1e6;
        }
        progress(p);
    };
    report(Tr::tr("Checking permissions in %1").arg(s.ns), {});
    if (const VoidResult ok = s.prepare(); !ok) {
        s.cleanUp();
        return Unexpected(ok.error());
    }
    report(Tr::tr("Creating the Job"), {});
    if (const VoidResult ok = s.createJob(); !ok) {
        s.cleanUp();
        return Unexpected(ok.error());
    }
    const QDateTime created = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    const qint64 limitMs = s.options.startDelayMs + qint64(s.request.spec.warmup.count() / 1000)
        + qint64(s.request.spec.duration.count() / 1000) + s.options.pendingTimeoutMs + 30'000;
    QString failure;
    bool cancelled = false;
    QElapsedTimer sinceCancel;
    for (;;) {
        if (cancel.load() && !cancelled) {
            // Stopping the Job stops the workers (SIGTERM): they still report what they measured.
            cancelled = true;
            sinceCancel.start();
            (void)s.client->remove(
                QStringLiteral("/apis/batch/v1/namespaces/%1/jobs/%2").arg(s.ns, s.job),
                QStringLiteral("Background"));
        }
        const auto pods = s.client->list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(s.ns),
                                         500, kRunLabel + QLatin1Char('=') + s.id);
        if (!pods && !cancelled) {
            failure = pods.error().message();
            break;
        }
        bool allDone = true;
        int seen = 0;
        {
            std::lock_guard lock(s.mutex);
            for (const QJsonObject &pod : pods ? pods->items : QList<QJsonObject>()) {
                const QJsonObject md = metadataOf(pod);
                bool ok = false;
                const int index = md.value(QLatin1String("annotations"))
                                      .toObject()
                                      .value(kIndex)
                                      .toString()
                                      .toInt(&ok);
                if (!ok)
                    continue;
                ++seen;
                Worker &w = s.workers[index];
                w.index = index;
                const QString podName = md.value(QLatin1String("name")).toString();
                if (w.pod != podName) {
                    w.pod = podName;
                    w.following = false;
                    w.linesSeen = 0;
                }
                const QJsonObject status = pod.value(QLatin1String("status")).toObject();
                w.node = pod.value(QLatin1String("spec"))
                             .toObject()
                             .value(QLatin1String("nodeName"))
                             .toString();
                const QString phase = status.value(QLatin1String("phase")).toString();
                QString waiting, waitingMessage, terminated;
                for (const QJsonValue &cs :
                     status.value(QLatin1String("containerStatuses")).toArray()) {
                    const QJsonObject state
                        = cs.toObject().value(QLatin1String("state")).toObject();
                    if (state.contains(QLatin1String("waiting"))) {
                        waiting = state.value(QLatin1String("waiting"))
                                      .toObject()
                                      .value(QLatin1String("reason"))
                                      .toString();
                        waitingMessage = state.value(QLatin1String("waiting"))
                                             .toObject()
                                             .value(QLatin1String("message"))
                                             .toString();
                    }
                    if (state.contains(QLatin1String("terminated")))
                        terminated = state.value(QLatin1String("terminated"))
                                         .toObject()
                                         .value(QLatin1String("reason"))
                                         .toString();
                }
                if (!w.hasResult && w.state != QLatin1String("Running"))
                    w.state = !terminated.isEmpty() ? terminated
                        : !waiting.isEmpty()        ? waiting
                                                    : phase;
                if ((waiting == QLatin1String("ImagePullBackOff")
                     || waiting == QLatin1String("ErrImagePull"))
                    && failure.isEmpty())
                    failure
                        = Tr::tr("Pod %1 cannot pull the worker image %2 (%3). Load the image into "
                                 "the "
                                 "cluster or push it to a registry it can reach, and give it with "
                                 "--image.")
                              .arg(podName, s.options.image,
                                   waitingMessage.isEmpty() ? waiting : waitingMessage);
                const bool started = phase == QLatin1String("Running")
                    || phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
                w.podEnded
                    = phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
                if (w.podEnded && !w.hasResult && w.streamClosed)
                    w.state = terminated.isEmpty() ? phase : terminated;
                if (started && (!w.following || (w.streamClosed && !w.podEnded)))
                    s.follow(index);
                allDone = allDone && (w.hasResult || (w.podEnded && w.streamClosed));
            }
        }
        const QList<Perf::SecondPoint> points = [&] {
            std::lock_guard lock(s.mutex);
            return s.takeCompleteSeconds(false);
        }();
        report(seen < s.options.workers ? Tr::tr("Starting %1 workers").arg(s.options.workers)
                                        : Tr::tr("Running"),
               points);
        if (!failure.isEmpty())
            break;
        if (seen >= s.options.workers && allDone)
            break;
        if (cancelled && (seen == 0 || sinceCancel.elapsed() > 15'000))
            break;
        if (!cancelled && seen < s.options.workers
            && clock.elapsed() > s.options.pendingTimeoutMs) {
            failure
                = Tr::tr("Only %1 of %2 worker pods started within %3 s: the cluster may lack room "
                         "(CPU %4 and memory %5 each) or the image may be slow to pull.")
                      .arg(seen)
                      .arg(s.options.workers)
                      .arg(s.options.pendingTimeoutMs / 1000)
                      .arg(s.options.cpu, s.options.memory);
            break;
        }
        if (!cancelled && seen == 0 && clock.elapsed() > 3000) {
            // The Job may have been deleted by someone else.
            const auto job = s.client->get(
                QStringLiteral("/apis/batch/v1/namespaces/%1/jobs/%2").arg(s.ns, s.job));
            if (!job && job.error().code() == ErrorCode::NotFound) {
                failure
                    = Tr::tr("The Job %1 was deleted by someone else; the run stopped.").arg(s.job);
                break;
            }
        }
        if (clock.elapsed() > limitMs) {
            failure = Tr::tr("The workers did not finish in time.");
            break;
        }
        QThread::msleep(300);
    }
    QList<Perf::RunResult> parts;
    QStringList lost, nodes;
    QList<Perf::SecondPoint> rest;
    {
        std::lock_guard lock(s.mutex);
        rest = s.takeCompleteSeconds(true);
        for (auto &[index, w] : s.workers) {
            if (w.hasResult)
                parts << w.result;
            else
                lost << (w.error.isEmpty() ? QStringLiteral("%1 (%2)").arg(w.pod, w.state)
                                           : QStringLiteral("%1: %2").arg(w.pod, w.error));
            if (!w.node.isEmpty() && !nodes.contains(w.node))
                nodes << w.node;
        }
    }
    report(cancelled ? Tr::tr("Cancelled; removing the Job")
                     : Tr::tr("Merging and removing the Job"),
           rest);
    s.cleanUp();
    if (parts.isEmpty()) {
        if (failure.isEmpty())
            failure = cancelled
                ? Tr::tr("Cancelled before any worker reported a result.")
                : Tr::tr("No worker reported a result: %1").arg(lost.join(QStringLiteral("; ")));
        return Unexpected(Error(cancelled ? ErrorCode::Cancelled : ErrorCode::IoError, failure));
    }
    Perf::RunResult merged = mergeResults(parts);
    merged.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    merged.name = s.request.name;
    merged.spec = s.request.spec;
    merged.generator = Perf::Generator::Native;
    merged.labels = s.request.labels;
    merged.labels.insert(QStringLiteral("load.from"), QStringLiteral("cluster"));
    merged.labels.insert(QStringLiteral("load.workers"), QString::number(s.options.workers));
    merged.labels.insert(QStringLiteral("load.namespace"), s.ns);
    merged.labels.insert(QStringLiteral("load.mesh"),
                         s.options.inMesh ? QStringLiteral("inside") : QStringLiteral("outside"));
    merged.labels.insert(QStringLiteral("load.nodes"), nodes.join(QLatin1Char(',')));
    merged.mesh = s.request.mesh;
    merged.environment = s.request.environment;
    merged.environment.clientHost
        = QStringLiteral("%1 worker pod(s) in %2").arg(s.options.workers).arg(s.ns);
    merged.report.cancelled = cancelled;
    if (!merged.start.isValid())
        merged.start = created;
    if (!lost.isEmpty()) {
        merged.labels.insert(QStringLiteral("load.partial"), QStringLiteral("true"));
        merged.failure = Tr::tr("%1 of %2 workers reported no result (%3); the others are merged.")
                             .arg(lost.size())
                             .arg(s.options.workers)
                             .arg(lost.join(QStringLiteral("; ")));
    } else if (!failure.isEmpty()) {
        merged.failure = failure;
    }
    return merged;
}

} // namespace Meshdeck::InCluster
