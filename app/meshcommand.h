#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck mesh list|status|install|uninstall|inject`: the mesh lifecycle from the command line.
class MeshCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("mesh"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

// `meshdeck sample deploy|remove bookinfo|httpbin|emojivoto -n NS`.
class SampleCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sample"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
