#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <deque>
#include <map>
#include <mutex>

namespace Meshdeck::Demo {

// What the demo's containers really did, as their logs say it: each request an application or
// its sidecar answered, appended by the listener that answered it, read back by the API
// server's pod log endpoint. Kept per container (namespace, app, version, container), the last
// 2,000 lines each; thread-safe (the listeners' event loops write, the API server reads).
class AccessLog
{
public:
    struct Line
    {
        qint64 seq = 0; // increasing across the whole log
        QDateTime when;
        QByteArray text; // without the trailing newline
    };

    static constexpr int Kept = 2000;

    void append(const std::string &ns, const std::string &app, const std::string &version,
                const std::string &container, QByteArray text);
    // The container's last `tail` lines (all kept when tail < 0), and the sequence number to
    // read on from (so that a follower neither misses nor repeats a line).
    [[nodiscard]] QList<Line> tail(const QString &key, int tail, qint64 *lastSeq) const;
    // The container's lines after `seq`, advancing it.
    [[nodiscard]] QList<Line> since(const QString &key, qint64 *seq) const;
    // A pod's container: "namespace/app/version/container" (version "" when the pod has none).
    [[nodiscard]] static QString key(const QString &ns, const QString &app, const QString &version,
                                     const QString &container);

private:
    mutable std::mutex m_mutex;
    std::map<QString, std::deque<Line>> m_lines;
    qint64 m_seq = 0;
};

} // namespace Meshdeck::Demo
