#pragma once

#include "containermodel.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace Meshdeck::Demo {

// The command interpreter of the demo's containers (they run no real processes): a small,
// fixed set of commands over the container's model (env, hostname, ls and cat of its files,
// curl/wget of a Service through the demo's network, echo, cd, pwd, id, uname, date, sleep,
// true/false, exit), refusing any other command as a shell does (exit 127). A command line
// may chain commands with ;, && and ||, quote with '…' and "…", and expand $VARS.
// With a terminal (tty) it echoes and edits what is typed (backspace, Ctrl-C, Ctrl-D) and
// writes CRLF line ends, as a pty would; without one it reads commands line by line.
class DemoShell : public QObject
{
    Q_OBJECT

public:
    using Output = std::function<void(int fd, const QByteArray &data)>; // fd 1 or 2
    using Exited = std::function<void(int code)>;
    // Fetches a URL from inside the pod; calls back once, on any thread, with the body or an
    // error message (curl's words).
    using Fetch = std::function<void(
        const QString &url, std::function<void(int status, QByteArray body, QString error)> done)>;

    DemoShell(ContainerModel model, Output output, Exited exited, Fetch fetch,
              QObject *parent = nullptr);

    // `command` as exec sends it (argv). A shell without -c reads commands from stdin.
    void start(const QStringList &command, bool tty);
    void input(const QByteArray &bytes);
    void inputClosed();
    [[nodiscard]] bool finished() const { return m_finished; }
    [[nodiscard]] bool started() const { return m_started; }

private:
    struct Step
    {
        QStringList argv;
        QString joiner; // how it follows the previous step: ";", "&&", "||"
        QString text; // as typed: expanded again when it runs ($? is the status by then)
    };
    void startCommand(const QStringList &command);
    void type(char c);
    void submitLine(const QString &line);
    void runNext();
    void stepDone(int code);
    void finish(int code);
    void prompt();
    void write(int fd, const QString &text);
    // Parses a command line into steps; empty with *error set on a syntax error.
    QList<Step> parse(const QString &line, QString *error) const;
    // Runs one command; returns the exit code, or -1 when it completes later (stepDone).
    int run(const QStringList &argv);
    int list(const QStringList &args);
    int cat(const QStringList &args);
    int fetch(const QStringList &args);
    [[nodiscard]] QString resolvePath(const QString &path) const;

    ContainerModel m_model;
    Output m_output;
    Exited m_exited;
    Fetch m_fetch;
    bool m_tty = false;
    bool m_interactive = false;
    bool m_finished = false;
    bool m_started = false;
    QByteArray m_early; // typed before start()
    bool m_earlyClosed = false;
    bool m_inputClosed = false;
    bool m_direct = false; // an argv from exec, not a shell's command line
    QString m_cwd = QStringLiteral("/");
    QByteArray m_pending; // typed, not yet a line
    QList<Step> m_steps;
    QStringList m_lines; // lines read (without a terminal) while a command ran
    bool m_busy = false;
    int m_status = 0;
    int m_escape = 0; // inside a terminal escape sequence the user typed
    quint64 m_generation = 0; // bumped by Ctrl-C: a late answer of an interrupted step is dropped
};

} // namespace Meshdeck::Demo
