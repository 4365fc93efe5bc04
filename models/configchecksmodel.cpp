#include "configchecksmodel.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QtConcurrent/QtConcurrentRun>

namespace Meshdeck {

namespace {

constexpr int kDebounceMs = 3000;

QIcon dot(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    return QIcon(pixmap);
}

} // namespace

ConfigChecksModel::ConfigChecksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigChecksModel::refresh);
}

ConfigChecksModel::~ConfigChecksModel() = default;

void ConfigChecksModel::setSession(const Kube::ClusterSessionPtr &session)
{
    ++m_generation;
    m_session = session;
    m_debounce.stop();
    m_again = false;
    beginResetModel();
    m_findings.clear();
    m_objects.reset();
    m_errors = 0;
    m_checkedAt = {};
    endResetModel();
    if (m_running) {
        m_running = false;
        emit runningChanged(false);
    }
    emit checked();
    if (m_session)
        scheduleRefresh();
}

void ConfigChecksModel::refresh()
{
    m_debounce.stop();
    if (m_running) {
        m_again = true;
        return;
    }
    start();
}

void ConfigChecksModel::scheduleRefresh()
{
    if (m_session && !m_debounce.isActive())
        m_debounce.start();
}

void ConfigChecksModel::start()
{
    if (!m_session)
        return;
    // A shallow copy of the cache: each object is shared, not copied.
    auto objects = Mesh::ConfigObjects::fromCache(*m_session);
    if (!objects) { // the first LISTs are not in yet
        scheduleRefresh();
        return;
    }
    m_running = true;
    emit runningChanged(true);
    const quint64 generation = m_generation;
    auto shared = std::make_shared<const Mesh::ConfigObjects>(std::move(*objects));
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(watcher->result(), generation);
    });
    watcher->setFuture(QtConcurrent::run([shared] {
        QElapsedTimer clock;
        clock.start();
        Outcome outcome {shared, Mesh::ConfigChecks::run(*shared), 0};
        outcome.ms = clock.nsecsElapsed() / 1e6;
        return outcome;
    }));
}

void ConfigChecksModel::finish(const Outcome &outcome, quint64 generation)
{
    if (generation != m_generation)
        return; // for a session that is gone
    m_running = false;
    beginResetModel();
    m_objects = outcome.objects;
    m_findings = outcome.findings;
    m_errors = int(std::count_if(m_findings.cbegin(), m_findings.cend(), [](const auto &f) {
        return f.severity == Mesh::ConfigFinding::Severity::Error;
    }));
    m_checkedAt = QDateTime::currentDateTime();
    m_lastCheckMs = outcome.ms;
    endResetModel();
    emit runningChanged(false);
    emit checked();
    if (m_again) {
        m_again = false;
        start();
    }
}

int ConfigChecksModel::routingObjectCount() const
{
    return m_objects ? m_objects->routingObjectCount() : 0;
}

bool ConfigChecksModel::istioServed() const
{
    return m_objects && m_objects->istioServed;
}

bool ConfigChecksModel::gatewayApiServed() const
{
    return m_objects && m_objects->gatewayApiServed;
}

QJsonObject ConfigChecksModel::objectOf(const Mesh::ConfigFinding &finding) const
{
    if (!m_objects)
        return {};
    const Mesh::ConfigObjects &o = *m_objects;
    const bool gatewayApi = finding.group == QLatin1String("gateway.networking.k8s.io");
    const QList<QJsonObject> *list = nullptr;
    if (finding.kind == QLatin1String("VirtualService"))
        list = &o.virtualServices;
    else if (finding.kind == QLatin1String("DestinationRule"))
        list = &o.destinationRules;
    else if (finding.kind == QLatin1String("Gateway"))
        list = gatewayApi ? &o.gateways : &o.istioGateways;
    else if (finding.kind == QLatin1String("HTTPRoute"))
        list = &o.httpRoutes;
    QList<QJsonObject> owned;
    if (!list && m_session) { // a workload: the cache holds it
        const auto items = m_session->cachedObjects(finding.group, finding.kind);
        if (!items)
            return {};
        owned = *items;
        list = &owned;
    }
    if (!list)
        return {};
    for (const QJsonObject &object : *list) {
        const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        if (meta.value(QLatin1String("name")).toString() == finding.name
            && meta.value(QLatin1String("namespace")).toString() == finding.ns)
            return object;
    }
    return {};
}

int ConfigChecksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int ConfigChecksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigChecksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Mesh::ConfigFinding &f = m_findings.at(index.row());
    const bool error = f.severity == Mesh::ConfigFinding::Severity::Error;
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        static const QIcon red = dot(QColor(0xd9, 0x2d, 0x20));
        static const QIcon amber = dot(QColor(0xe0, 0x8f, 0x00));
        return error ? red : amber;
    }
    if (role == Qt::ToolTipRole)
        return f.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return (error ? tr("Error") : tr("Warning")) + QStringLiteral(" · ") + f.code;
    case ObjectColumn:
        return QStringLiteral("%1 %2/%3").arg(f.kind, f.ns, f.name);
    case FieldColumn:
        return f.field;
    case MessageColumn:
        return f.message;
    default:
        return {};
    }
}

QVariant ConfigChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case ObjectColumn:
        return tr("Object");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Finding");
    default:
        return {};
    }
}

} // namespace Meshdeck
