#include "execcommand.h"

#include "signalwatcher.h"

#include <kube/kubeclient.h>
#include <kube/podexec.h>

#include <QCommandLineParser>
#include <QEventLoop>
#include <QSocketNotifier>

#include <csignal>

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace Meshdeck {

namespace {

const char Usage[]
    = "Usage: meshdeck exec [--kubeconfig FILE] [--context NAME] [-n NS] [-c CONTAINER]\n"
      "                     [-i] [-t] POD -- COMMAND [ARG...]\n\n"
      "Runs COMMAND in a container of POD through the API server (WebSocket, as kubectl 1.30\n"
      "and later do) and passes its output on.\n"
      "  -i, --stdin   send this program's standard input to the command\n"
      "  -t, --tty     give the command a terminal (this one, in raw mode, with its size)\n"
      "Exit codes: the command's own; 1 when it could not run (the reason on stderr); 2 usage.\n";

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// The local terminal in raw mode while a remote terminal runs; restored on exit.
class RawTerminal
{
public:
    RawTerminal()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios raw = m_saved;
        ::cfmakeraw(&raw);
        m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    ~RawTerminal()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

QString ExecCommand::summary() const
{
    return QStringLiteral("Run a command in a container (like kubectl exec).");
}

int ExecCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption container({QStringLiteral("c"), QStringLiteral("container")},
                                       QString(), QStringLiteral("NAME"));
    const QCommandLineOption stdinOption(
        QStringList {QStringLiteral("i"), QStringLiteral("stdin")});
    const QCommandLineOption tty(QStringList {QStringLiteral("t"), QStringLiteral("tty")});
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({kubeconfig, context, ns, container, stdinOption, tty, help});
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    const int dash = int(arguments.indexOf(QStringLiteral("--")));
    const QStringList head = dash < 0 ? arguments : arguments.mid(0, dash);
    const QStringList command = dash < 0 ? QStringList() : arguments.mid(dash + 1);
    if (!p.parse(QStringList {QStringLiteral("exec")} + head)) {
        err << "meshdeck exec: " << p.errorText() << "\n";
        return ExitUsage;
    }
    if (p.isSet(help)) {
        out << Usage;
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1 || command.isEmpty()) {
        err << Usage;
        return ExitUsage;
    }
    QString pod = p.positionalArguments().first();
    if (pod.startsWith(QLatin1String("pod/")) || pod.startsWith(QLatin1String("pods/")))
        pod = pod.section(QLatin1Char('/'), 1);
    out.flush();

    // Signals first, before any thread starts: Ctrl-C ends the command, not this program.
    SignalWatcher watcher({SIGINT, SIGTERM, SIGWINCH});
    auto connected = Kube::KubeClient::fromKubeconfig(p.value(kubeconfig), p.value(context));
    if (!connected.ok()) {
        err << "meshdeck exec: " << connected.error().message() << "\n";
        return ExitFailure;
    }
    const std::shared_ptr<Kube::KubeClient> client = *connected;

    Kube::PodExec::Spec spec;
    spec.ns = p.isSet(ns) ? p.value(ns) : client->context().ns;
    spec.pod = pod;
    spec.container = p.value(container);
    spec.command = command;
    spec.stdinOpen = p.isSet(stdinOption);
    spec.tty = p.isSet(tty) && ::isatty(STDIN_FILENO);
    if (p.isSet(tty) && !spec.tty)
        err << "meshdeck exec: stdin is not a terminal, so no terminal is given (-t ignored)\n";
    err.flush();

    if (spec.container.isEmpty()) { // as kubectl does: the default container, and say so
        const auto object
            = client->get(QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(spec.ns, spec.pod));
        if (!object.ok()) {
            err << "meshdeck exec: " << object.error().message() << "\n";
            return ExitFailure;
        }
        QStringList all;
        spec.container = Kube::PodExec::defaultContainer(*object, &all);
        if (all.size() > 1)
            err << "Defaulted container \"" << spec.container
                << "\" out of: " << all.join(QStringLiteral(", ")) << "\n";
        err.flush();
    }
    Kube::PodExec exec(client);
    QEventLoop loop;
    int exitCode = ExitFailure;
    bool finished = false;
    QObject::connect(&exec, &Kube::PodExec::output, &loop, [](int fd, const QByteArray &data) {
        writeAll(fd == 2 ? STDERR_FILENO : STDOUT_FILENO, data);
    });
    QObject::connect(&exec, &Kube::PodExec::finished, &loop, [&](int code, const QString &message) {
        if (code < 0) {
            err << "meshdeck exec: " << message << "\n";
            err.flush();
            exitCode = ExitFailure;
        } else {
            exitCode = code;
        }
        finished = true;
        loop.quit();
    });
    const auto sendSize = [&] {
        winsize ws {};
        if (spec.tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
            exec.resize(ws.ws_col, ws.ws_row);
    };
    QObject::connect(&watcher, &SignalWatcher::raised, &loop, [&](int s) {
        if (s == SIGWINCH)
            return sendSize();
        exitCode = 128 + s;
        exec.cancel();
        loop.quit();
    });
    std::unique_ptr<QSocketNotifier> input;
    if (spec.stdinOpen) {
        input = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(input.get(), &QSocketNotifier::activated, &loop, [&] {
            char buffer[64 * 1024];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0) {
                exec.writeInput(QByteArray(buffer, int(n)));
                return;
            }
            input->setEnabled(false);
            exec.closeInput();
        });
    }
    std::unique_ptr<RawTerminal> raw;
    if (spec.tty)
        raw = std::make_unique<RawTerminal>();
    exec.start(spec);
    sendSize();
    if (!finished)
        loop.exec();
    return exitCode;
}

} // namespace Meshdeck
