#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck version [--json]`: Meshdeck's version and those of its libraries.
class VersionCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("version"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
