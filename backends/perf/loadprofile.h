#pragma once

#include "runresult.h"

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>

namespace Meshdeck::Perf {

// A saved load test: what to send, how hard, with which generator, and the labels its runs get
// (mesh=istio, version=1.22). The Performance page edits these; the store keeps them.
struct LoadProfile
{
    QString name;
    LoadSpec spec;
    Generator generator = Generator::Native;
    QMap<QString, QString> labels;
    QDateTime updated;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<LoadProfile> fromJson(const QJsonObject &json);
};

} // namespace Meshdeck::Perf
