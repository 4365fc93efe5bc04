#include "portforwardcommand.h"

#include "signalwatcher.h"

#include <kube/kubeclient.h>
#include <kube/portforwarder.h>

#include <QCommandLineParser>
#include <QEventLoop>

#include <csignal>

namespace Meshdeck {

namespace {

const char Usage[]
    = "Usage: meshdeck port-forward [--kubeconfig FILE] [--context NAME] [-n NS]\n"
      "                             [--address ADDR] TARGET [LOCAL:]REMOTE...\n\n"
      "Forwards local ports to a pod's ports through the API server until interrupted.\n"
      "TARGET is pod/NAME (or NAME), or svc/NAME: a Service's port goes to its target port\n"
      "on a ready pod behind it, found again for each connection when pods are replaced.\n"
      "LOCAL 0 or left out (:REMOTE) picks a free port; REMOTE alone uses the same number.\n"
      "Exit codes: 0 stopped by Ctrl-C, 1 the forward could not start, 2 usage.\n";

} // namespace

QString PortForwardCommand::summary() const
{
    return QStringLiteral("Forward local ports to a pod or Service (like kubectl port-forward).");
}

int PortForwardCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption address(QStringLiteral("address"), QString(), QStringLiteral("ADDR"),
                                     QStringLiteral("127.0.0.1"));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({kubeconfig, context, ns, address, help});
    if (!p.parse(QStringList {QStringLiteral("port-forward")} + arguments)) {
        err << "meshdeck port-forward: " << p.errorText() << "\n";
        return ExitUsage;
    }
    if (p.isSet(help)) {
        out << Usage;
        return ExitOk;
    }
    const QStringList args = p.positionalArguments();
    if (args.size() < 2) {
        err << Usage;
        return ExitUsage;
    }
    Kube::PortForwarder::Spec base;
    const QString target = args.first();
    const QString kind = target.contains(QLatin1Char('/')) ? target.section(QLatin1Char('/'), 0, 0)
                                                           : QStringLiteral("pod");
    base.name = target.contains(QLatin1Char('/')) ? target.section(QLatin1Char('/'), 1) : target;
    if (kind == QLatin1String("pod") || kind == QLatin1String("pods")
        || kind == QLatin1String("po"))
        base.kind = QStringLiteral("pod");
    else if (kind == QLatin1String("svc") || kind == QLatin1String("service")
             || kind == QLatin1String("services"))
        base.kind = QStringLiteral("service");
    else {
        err << "meshdeck port-forward: TARGET is pod/NAME or svc/NAME, not " << target << "\n";
        return ExitUsage;
    }
    base.address = QHostAddress(p.value(address));
    if (base.address.isNull()) {
        err << "meshdeck port-forward: --address is an IP address, e.g. 127.0.0.1\n";
        return ExitUsage;
    }
    QList<Kube::PortForwarder::Spec> specs;
    for (const QString &mapping : args.mid(1)) {
        const QString local = mapping.contains(QLatin1Char(':'))
            ? mapping.section(QLatin1Char(':'), 0, 0)
            : mapping;
        const QString remote = mapping.section(QLatin1Char(':'), -1);
        bool okLocal = true;
        bool okRemote = false;
        const int l = local.isEmpty() ? 0 : local.toInt(&okLocal);
        const int r = remote.toInt(&okRemote);
        if (!okLocal || !okRemote || l < 0 || l > 65535 || r < 1 || r > 65535) {
            err << "meshdeck port-forward: " << mapping
                << " is not a port mapping: use LOCAL:REMOTE, :REMOTE or REMOTE (1-65535)\n";
            return ExitUsage;
        }
        Kube::PortForwarder::Spec spec = base;
        spec.localPort = quint16(l);
        spec.remotePort = r;
        specs << spec;
    }

    SignalWatcher watcher({SIGINT, SIGTERM});
    auto connected = Kube::KubeClient::fromKubeconfig(p.value(kubeconfig), p.value(context));
    if (!connected.ok()) {
        err << "meshdeck port-forward: " << connected.error().message() << "\n";
        return ExitFailure;
    }
    const std::shared_ptr<Kube::KubeClient> client = *connected;
    std::vector<std::unique_ptr<Kube::PortForwarder>> forwarders;
    for (Kube::PortForwarder::Spec spec : specs) {
        spec.ns = p.isSet(ns) ? p.value(ns) : client->context().ns;
        auto forwarder = std::make_unique<Kube::PortForwarder>(client, spec);
        QString error;
        if (!forwarder->start(&error)) {
            err << "meshdeck port-forward: " << error << "\n";
            return ExitFailure;
        }
        out << "Forwarding from " << spec.address.toString() << ":" << forwarder->localPort()
            << " -> " << spec.remotePort << "\n";
        out.flush();
        Kube::PortForwarder *f = forwarder.get();
        QObject::connect(f, &Kube::PortForwarder::connectionOpened, f, [f, &out] {
            out << "Handling connection for " << f->localPort() << "\n";
            out.flush();
        });
        auto lastError = std::make_shared<QString>();
        QObject::connect(f, &Kube::PortForwarder::changed, f, [f, &err, lastError] {
            if (!f->lastError().isEmpty() && f->lastError() != *lastError) {
                err << "meshdeck port-forward: " << f->lastError() << "\n";
                err.flush();
            }
            *lastError = f->lastError();
        });
        forwarders.push_back(std::move(forwarder));
    }
    QEventLoop loop;
    QObject::connect(&watcher, &SignalWatcher::raised, &loop, [&loop] { loop.quit(); });
    loop.exec();
    for (auto &f : forwarders)
        f->stop();
    return ExitOk;
}

} // namespace Meshdeck
