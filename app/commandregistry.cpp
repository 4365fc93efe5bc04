#include "commandregistry.h"

#include "clustercommand.h"
#include "contextscommand.h"
#include "democlustercommand.h"
#include "execcommand.h"
#include "loadgencommand.h"
#include "meshcommand.h"
#include "perfcommand.h"
#include "portforwardcommand.h"
#include "resultscommand.h"
#include "topologycommand.h"
#include "versioncommand.h"

namespace Meshdeck {

CommandRegistry::CommandRegistry()
{
    add(std::make_unique<VersionCommand>());
    add(std::make_unique<DemoClusterCommand>());
    add(std::make_unique<ContextsCommand>());
    add(std::make_unique<ClusterCommand>());
    add(std::make_unique<PerfCommand>());
    add(std::make_unique<LoadgenCommand>());
    add(std::make_unique<ResultsCommand>());
    add(std::make_unique<TopologyCommand>());
    add(std::make_unique<ExecCommand>());
    add(std::make_unique<PortForwardCommand>());
    add(std::make_unique<MeshCommand>());
    add(std::make_unique<SampleCommand>());
}

void CommandRegistry::add(std::unique_ptr<CliCommand> command)
{
    m_commands.push_back(std::move(command));
}

CliCommand *CommandRegistry::find(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

std::vector<CliCommand *> CommandRegistry::commands() const
{
    std::vector<CliCommand *> out;
    for (const auto &c : m_commands)
        out.push_back(c.get());
    return out;
}

int CommandRegistry::dispatch(const QStringList &arguments, QTextStream &out,
                              QTextStream &err) const
{
    const QString name = arguments.value(0);
    CliCommand *command = find(name);
    if (!command) {
        err << "meshdeck: unknown command '" << name << "' (run 'meshdeck --help' for the list)\n";
        err.flush();
        return ExitUsage;
    }
    const int rc = command->run(arguments.mid(1), out, err);
    out.flush();
    err.flush();
    return rc;
}

} // namespace Meshdeck
