#include "accesslog.h"

namespace Meshdeck::Demo {

QString AccessLog::key(const QString &ns, const QString &app, const QString &version,
                       const QString &container)
{
    return ns + QLatin1Char('/') + app + QLatin1Char('/') + version + QLatin1Char('/') + container;
}

void AccessLog::append(const std::string &ns, const std::string &app, const std::string &version,
                       const std::string &container, QByteArray text)
{
    // The demo's traffic names a workload without a version "unknown" (as Istio's telemetry
    // does); its pod has no version label, which the log endpoint reads as "".
    const QString k = key(QString::fromStdString(ns), QString::fromStdString(app),
                          version == "unknown" ? QString() : QString::fromStdString(version),
                          QString::fromStdString(container));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::lock_guard lock(m_mutex);
    std::deque<Line> &lines = m_lines[k];
    lines.push_back({++m_seq, now, std::move(text)});
    if (lines.size() > Kept)
        lines.pop_front();
}

QList<AccessLog::Line> AccessLog::tail(const QString &key, int tail, qint64 *lastSeq) const
{
    const std::lock_guard lock(m_mutex);
    *lastSeq = m_seq;
    QList<Line> out;
    const auto it = m_lines.find(key);
    if (it == m_lines.end())
        return out;
    const auto n = static_cast<qsizetype>(it->second.size());
    for (qsizetype i = tail < 0 ? 0 : std::max<qsizetype>(0, n - tail); i < n; ++i)
        out.append(it->second[static_cast<size_t>(i)]);
    return out;
}

QList<AccessLog::Line> AccessLog::since(const QString &key, qint64 *seq) const
{
    const std::lock_guard lock(m_mutex);
    QList<Line> out;
    const auto it = m_lines.find(key);
    if (it != m_lines.end())
        for (const Line &l : it->second)
            if (l.seq > *seq)
                out.append(l);
    *seq = m_seq;
    return out;
}

} // namespace Meshdeck::Demo
