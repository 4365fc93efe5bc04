#include "demoshell.h"

#include "delayedcall.h"

#include <QDateTime>
#include <QPointer>
#include <QUrl>

#include <utility>

namespace Meshdeck::Demo {

namespace {

bool isShell(const QString &program)
{
    const QString name = program.section(QLatin1Char('/'), -1);
    return name == QLatin1String("sh") || name == QLatin1String("bash")
        || name == QLatin1String("ash") || name == QLatin1String("dash");
}

const QStringList &commandNames()
{
    static const QStringList names {
        QStringLiteral("cat"),   QStringLiteral("cd"),       QStringLiteral("clear"),
        QStringLiteral("curl"),  QStringLiteral("date"),     QStringLiteral("echo"),
        QStringLiteral("env"),   QStringLiteral("exit"),     QStringLiteral("false"),
        QStringLiteral("help"),  QStringLiteral("hostname"), QStringLiteral("id"),
        QStringLiteral("ls"),    QStringLiteral("printenv"), QStringLiteral("pwd"),
        QStringLiteral("sh"),    QStringLiteral("sleep"),    QStringLiteral("true"),
        QStringLiteral("uname"), QStringLiteral("wget"),     QStringLiteral("whoami")};
    return names;
}

} // namespace

DemoShell::DemoShell(ContainerModel model, Output output, Exited exited, Fetch fetch,
                     QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_output(std::move(output))
    , m_exited(std::move(exited))
    , m_fetch(std::move(fetch))
{
}

void DemoShell::start(const QStringList &command, bool tty)
{
    m_tty = tty;
    m_started = true;
    startCommand(command);
    // What arrived before the command started is read now.
    if (!m_early.isEmpty())
        input(std::exchange(m_early, {}));
    if (m_earlyClosed)
        inputClosed();
}

void DemoShell::startCommand(const QStringList &command)
{
    if (command.isEmpty())
        return finish(126);
    if (isShell(command.first())) {
        const int c = command.indexOf(QStringLiteral("-c"));
        if (c > 0) {
            submitLine(command.value(c + 1));
            m_inputClosed = true; // sh -c runs its command and ends
            if (!m_busy)
                finish(m_status);
            return;
        }
        m_interactive = true;
        prompt();
        return;
    }
    m_direct = true;
    m_inputClosed = true;
    m_steps = {Step {command, QStringLiteral(";"), {}}};
    runNext();
}

void DemoShell::prompt()
{
    if (m_interactive && m_tty && !m_finished)
        write(1, m_cwd + QStringLiteral(" # "));
}

void DemoShell::write(int fd, const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (m_tty) {
        bytes.replace("\r\n", "\n");
        bytes.replace("\n", "\r\n");
        fd = 1; // a terminal has one output
    }
    if (!bytes.isEmpty())
        m_output(fd, bytes);
}

void DemoShell::input(const QByteArray &bytes)
{
    if (!m_started) {
        m_early += bytes;
        return;
    }
    if (m_finished || !m_interactive)
        return;
    for (char c : bytes)
        type(c);
}

void DemoShell::inputClosed()
{
    if (!m_started) {
        m_earlyClosed = true;
        return;
    }
    if (m_finished)
        return;
    m_inputClosed = true;
    if (m_interactive && !m_tty && !m_pending.isEmpty())
        m_lines << QString::fromUtf8(std::exchange(m_pending, {}));
    if (!m_busy)
        runNext();
}

void DemoShell::type(char c)
{
    if (!m_tty) { // commands arrive as lines, run one after another
        if (c == '\n') {
            m_lines << QString::fromUtf8(m_pending);
            m_pending.clear();
            if (!m_busy)
                runNext();
        } else {
            m_pending += c;
        }
        return;
    }
    if (m_escape) { // ESC [ … final byte: arrow keys and the like, not edited here
        if (m_escape == 1 && c != '[' && c != 'O')
            m_escape = 0;
        else if (m_escape > 1 && c >= 0x40 && c <= 0x7e)
            m_escape = 0;
        else
            ++m_escape;
        return;
    }
    switch (c) {
    case 0x1b:
        m_escape = 1;
        return;
    case 0x03: // Ctrl-C
        write(1, QStringLiteral("^C\n"));
        m_pending.clear();
        if (m_busy) {
            ++m_generation;
            m_steps.clear();
            m_busy = false;
            m_status = 130;
        }
        prompt();
        return;
    case 0x04: // Ctrl-D on an empty line ends the shell
        if (m_pending.isEmpty() && !m_busy) {
            write(1, QStringLiteral("exit\n"));
            finish(m_status);
        }
        return;
    case 0x7f:
    case 0x08:
        if (!m_pending.isEmpty()) {
            // one character, however many bytes its UTF-8 takes
            int n = m_pending.size() - 1;
            while (n > 0 && (uchar(m_pending.at(n)) & 0xc0) == 0x80)
                --n;
            m_pending.truncate(n);
            write(1, QStringLiteral("\b \b"));
        }
        return;
    case '\r':
    case '\n': {
        write(1, QStringLiteral("\n"));
        if (m_busy) { // typed ahead while a command runs: ignored, as a cooked pty would not
            m_pending.clear();
            return;
        }
        const QString line = QString::fromUtf8(m_pending);
        m_pending.clear();
        submitLine(line);
        if (!m_busy && !m_finished)
            prompt();
        return;
    }
    case '\t':
        return;
    default:
        if (uchar(c) < 0x20)
            return;
        m_pending += c;
        m_output(1, QByteArray(1, c));
    }
}

void DemoShell::submitLine(const QString &line)
{
    QString error;
    const QList<Step> steps = parse(line, &error);
    if (!error.isEmpty()) {
        write(2, QStringLiteral("sh: %1\n").arg(error));
        m_status = 2;
        return;
    }
    if (steps.isEmpty())
        return;
    m_steps = steps;
    runNext();
}

QList<DemoShell::Step> DemoShell::parse(const QString &line, QString *error) const
{
    QList<Step> steps;
    Step current {{}, QStringLiteral(";"), {}};
    int stepStart = 0;
    QString word;
    bool inWord = false;
    const auto expand = [&](int &i) {
        // $NAME, ${NAME} and $? (the last status)
        int j = i + 1;
        QString name;
        if (j < line.size() && line.at(j) == QLatin1Char('?')) {
            word += QString::number(m_status);
            i = j;
            return;
        }
        const bool braces = j < line.size() && line.at(j) == QLatin1Char('{');
        if (braces)
            ++j;
        while (j < line.size() && (line.at(j).isLetterOrNumber() || line.at(j) == QLatin1Char('_')))
            name += line.at(j++);
        if (braces && j < line.size() && line.at(j) == QLatin1Char('}'))
            ++j;
        if (name.isEmpty()) {
            word += QLatin1Char('$');
            return;
        }
        word += name == QLatin1String("PWD") ? m_cwd : m_model.envValue(name);
        i = j - 1;
    };
    const auto endWord = [&] {
        if (inWord)
            current.argv << word;
        word.clear();
        inWord = false;
    };
    const auto endStep = [&](const QString &next, int at) {
        endWord();
        current.text = line.mid(stepStart, at - stepStart).trimmed();
        stepStart = at + int(next.size());
        if (current.argv.isEmpty() && next != QLatin1String(";")) {
            *error = QStringLiteral("syntax error near unexpected token `%1'").arg(next);
            return false;
        }
        if (!current.argv.isEmpty())
            steps << current;
        current = Step {{}, next, {}};
        return true;
    };
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\'')) {
            const int end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0) {
                *error = QStringLiteral("unterminated quoted string");
                return {};
            }
            word += line.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == QLatin1Char('"')) {
            int j = i + 1;
            for (; j < line.size() && line.at(j) != QLatin1Char('"'); ++j) {
                if (line.at(j) == QLatin1Char('\\') && j + 1 < line.size())
                    word += line.at(++j);
                else if (line.at(j) == QLatin1Char('$'))
                    expand(j);
                else
                    word += line.at(j);
            }
            if (j >= line.size()) {
                *error = QStringLiteral("unterminated quoted string");
                return {};
            }
            inWord = true;
            i = j;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += line.at(++i);
            inWord = true;
        } else if (c == QLatin1Char('$')) {
            expand(i);
            inWord = true;
        } else if (c == QLatin1Char('#') && !inWord) {
            break;
        } else if (c == QLatin1Char(';')) {
            if (!endStep(QStringLiteral(";"), i))
                return {};
        } else if (line.mid(i, 2) == QLatin1String("&&") || line.mid(i, 2) == QLatin1String("||")) {
            if (current.argv.isEmpty() && !inWord) {
                *error
                    = QStringLiteral("syntax error near unexpected token `%1'").arg(line.mid(i, 2));
                return {};
            }
            if (!endStep(line.mid(i, 2), i))
                return {};
            ++i;
        } else if (c == QLatin1Char('|') || c == QLatin1Char('>') || c == QLatin1Char('<')
                   || c == QLatin1Char('&')) {
            *error = QStringLiteral("%1: pipes, redirections and background jobs are not "
                                    "available in the demo cluster's containers")
                         .arg(c);
            return {};
        } else if (c.isSpace()) {
            endWord();
        } else {
            word += c;
            inWord = true;
        }
    }
    endWord();
    current.text = line.mid(stepStart).trimmed();
    if (!current.argv.isEmpty())
        steps << current;
    else if (current.joiner != QLatin1String(";")) {
        *error = QStringLiteral("syntax error: unexpected end of line");
        return {};
    }
    return steps;
}

void DemoShell::runNext()
{
    for (;;) {
        while (m_steps.isEmpty() && !m_lines.isEmpty() && !m_finished) {
            QString error;
            m_steps = parse(m_lines.takeFirst(), &error);
            if (!error.isEmpty()) {
                write(2, QStringLiteral("sh: %1\n").arg(error));
                m_status = 2;
            }
        }
        if (m_steps.isEmpty() || m_finished)
            break;
        const Step step = m_steps.takeFirst();
        if ((step.joiner == QLatin1String("&&") && m_status != 0)
            || (step.joiner == QLatin1String("||") && m_status == 0))
            continue;
        QStringList argv = step.argv;
        if (!step.text.isEmpty()) {
            QString error;
            const QList<Step> again = parse(step.text, &error);
            if (again.size() == 1)
                argv = again.first().argv;
        }
        const int code = run(argv);
        if (code < 0) {
            m_busy = true;
            return;
        }
        m_status = code;
    }
    m_busy = false;
    if (m_finished)
        return;
    if (!m_interactive || (m_inputClosed && m_pending.isEmpty()))
        finish(m_status);
}

void DemoShell::stepDone(int code)
{
    m_status = code;
    m_busy = false;
    runNext();
    if (!m_busy && !m_finished)
        prompt();
}

void DemoShell::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_steps.clear();
    m_exited(code);
}

QString DemoShell::resolvePath(const QString &path) const
{
    QString full = path.startsWith(QLatin1Char('/')) ? path : m_cwd + QLatin1Char('/') + path;
    QStringList parts;
    for (const QString &p : full.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (p == QLatin1String(".."))
            parts.removeLast();
        else if (p != QLatin1String("."))
            parts << p;
    }
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

int DemoShell::run(const QStringList &argv)
{
    const QString name = argv.first().section(QLatin1Char('/'), -1);
    const QStringList args = argv.mid(1);
    if (name == QLatin1String("exit")) {
        finish(args.isEmpty() ? m_status : args.first().toInt());
        return m_status;
    }
    if (name == QLatin1String("true") || name == QLatin1String(":"))
        return 0;
    if (name == QLatin1String("false"))
        return 1;
    if (name == QLatin1String("echo")) {
        const bool noNewline = args.value(0) == QLatin1String("-n");
        write(1,
              (noNewline ? args.mid(1) : args).join(QLatin1Char(' '))
                  + (noNewline ? QString() : QStringLiteral("\n")));
        return 0;
    }
    if (name == QLatin1String("env") || name == QLatin1String("printenv")) {
        if (!args.isEmpty()) {
            const QString value = m_model.envValue(args.first());
            bool found = false;
            for (const auto &[key, v] : m_model.env)
                found = found || key == args.first();
            if (found)
                write(1, value + QLatin1Char('\n'));
            return found ? 0 : 1;
        }
        QString out;
        for (const auto &[key, value] : m_model.env)
            out += key + QLatin1Char('=') + value + QLatin1Char('\n');
        write(1, out);
        return 0;
    }
    if (name == QLatin1String("hostname")) {
        write(1, m_model.pod + QLatin1Char('\n'));
        return 0;
    }
    if (name == QLatin1String("pwd")) {
        write(1, m_cwd + QLatin1Char('\n'));
        return 0;
    }
    if (name == QLatin1String("cd")) {
        const QString target = resolvePath(args.value(0, QStringLiteral("/root")));
        if (!m_model.isDirectory(target)) {
            write(2,
                  QStringLiteral("sh: cd: can't cd to %1: No such file or directory\n")
                      .arg(args.value(0)));
            return 2;
        }
        m_cwd = target;
        return 0;
    }
    if (name == QLatin1String("ls"))
        return list(args);
    if (name == QLatin1String("cat"))
        return cat(args);
    if (name == QLatin1String("curl") || name == QLatin1String("wget"))
        return fetch(argv);
    if (name == QLatin1String("id")) {
        write(1, QStringLiteral("uid=0(root) gid=0(root) groups=0(root)\n"));
        return 0;
    }
    if (name == QLatin1String("whoami")) {
        write(1, QStringLiteral("root\n"));
        return 0;
    }
    if (name == QLatin1String("uname")) {
        write(1,
              args.contains(QStringLiteral("-a"))
                  ? QStringLiteral("Linux %1 meshdeck-demo x86_64 GNU/Linux\n").arg(m_model.pod)
                  : QStringLiteral("Linux\n"));
        return 0;
    }
    if (name == QLatin1String("date")) {
        write(1,
              QDateTime::currentDateTimeUtc().toString(
                  QStringLiteral("ddd MMM d HH:mm:ss 'UTC' yyyy"))
                  + QLatin1Char('\n'));
        return 0;
    }
    if (name == QLatin1String("clear")) {
        m_output(1, QByteArrayLiteral("\x1b[H\x1b[2J"));
        return 0;
    }
    if (name == QLatin1String("help")) {
        write(1,
              QStringLiteral("The demo cluster runs no real containers. Its shell knows: %1.\n")
                  .arg(commandNames().join(QStringLiteral(", "))));
        return 0;
    }
    if (name == QLatin1String("sleep")) {
        bool ok = false;
        const double seconds = args.value(0).toDouble(&ok);
        if (!ok || seconds < 0) {
            write(2, QStringLiteral("sleep: invalid number '%1'\n").arg(args.value(0)));
            return 1;
        }
        const quint64 generation = m_generation;
        callLater(this, int(seconds * 1000), [this, generation] {
            if (generation == m_generation && !m_finished)
                stepDone(0);
        });
        return -1;
    }
    if (isShell(name)) {
        const int c = args.indexOf(QStringLiteral("-c"));
        if (c < 0)
            return 0; // a nested interactive shell: this one goes on reading
        QString error;
        const QList<Step> inner = parse(args.value(c + 1), &error);
        if (!error.isEmpty()) {
            write(2, QStringLiteral("sh: %1\n").arg(error));
            return 2;
        }
        m_steps = inner + m_steps;
        return m_status;
    }
    if (m_direct) {
        write(
            2,
            QStringLiteral("exec: \"%1\": executable file not found in $PATH\n").arg(argv.first()));
        return 127;
    }
    write(2, QStringLiteral("sh: %1: not found\n").arg(argv.first()));
    return 127;
}

int DemoShell::list(const QStringList &args)
{
    bool longFormat = false;
    bool all = false;
    QStringList paths;
    for (const QString &a : args) {
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            longFormat = longFormat || a.contains(QLatin1Char('l'));
            all = all || a.contains(QLatin1Char('a'));
        } else {
            paths << a;
        }
    }
    if (paths.isEmpty())
        paths << QStringLiteral(".");
    int code = 0;
    for (const QString &p : std::as_const(paths)) {
        const QString path = resolvePath(p);
        const auto line = [&](const QString &name, const QString &full) {
            if (!longFormat)
                return name + QLatin1Char('\n');
            const bool dir = m_model.isDirectory(full);
            return QStringLiteral("%1 1 root root %2 %3\n")
                .arg(dir ? QStringLiteral("drwxr-xr-x") : QStringLiteral("-rw-r--r--"))
                .arg(dir ? 4096 : m_model.files.value(full).size(), 8)
                .arg(name);
        };
        if (m_model.files.contains(path)) {
            write(1, line(p, path));
            continue;
        }
        if (!m_model.isDirectory(path)) {
            write(2, QStringLiteral("ls: %1: No such file or directory\n").arg(p));
            code = 1;
            continue;
        }
        if (paths.size() > 1)
            write(1, p + QStringLiteral(":\n"));
        QString out;
        if (all)
            out += line(QStringLiteral("."), path) + line(QStringLiteral(".."), path);
        for (const QString &name : m_model.children(path))
            out += line(name,
                        path == QLatin1String("/") ? path + name : path + QLatin1Char('/') + name);
        write(1, out);
    }
    return code;
}

int DemoShell::cat(const QStringList &args)
{
    int code = 0;
    for (const QString &a : args) {
        const QString path = resolvePath(a);
        if (m_model.isDirectory(path)) {
            write(2, QStringLiteral("cat: read error: Is a directory\n"));
            code = 1;
        } else if (!m_model.files.contains(path)) {
            write(2, QStringLiteral("cat: can't open '%1': No such file or directory\n").arg(a));
            code = 1;
        } else {
            const QByteArray data = m_model.files.value(path);
            if (m_tty)
                write(1, QString::fromUtf8(data));
            else
                m_output(1, data);
        }
    }
    return code;
}

int DemoShell::fetch(const QStringList &argv)
{
    const bool wget = argv.first().endsWith(QLatin1String("wget"));
    QString url;
    bool headers = false;
    for (int i = 1; i < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (a == QLatin1String("-O") || a == QLatin1String("-o") || a == QLatin1String("-H")
            || a == QLatin1String("-X") || a == QLatin1String("-d") || a == QLatin1String("-m")
            || a == QLatin1String("--max-time"))
            ++i; // options with a value the demo does not use
        else if (a.startsWith(QLatin1Char('-'))) {
            headers = headers || a == QLatin1String("-i");
        } else
            url = a;
    }
    const QString program = wget ? QStringLiteral("wget") : QStringLiteral("curl");
    if (url.isEmpty()) {
        write(2, QStringLiteral("%1: no URL specified\n").arg(program));
        return wget ? 1 : 2;
    }
    if (!url.contains(QLatin1String("://")))
        url.prepend(QStringLiteral("http://"));
    const quint64 generation = m_generation;
    QPointer<DemoShell> self(this);
    m_fetch(url,
            [self, generation, program, headers, wget](int status, QByteArray body, QString error) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, generation, program, headers, wget, status, body, error] {
                        if (!self || generation != self->m_generation || self->m_finished)
                            return;
                        if (!error.isEmpty()) {
                            self->write(2, QStringLiteral("%1: %2\n").arg(program, error));
                            self->stepDone(wget ? 4 : 7);
                            return;
                        }
                        if (headers)
                            self->write(1, QStringLiteral("HTTP/1.1 %1\n\n").arg(status));
                        if (wget && status >= 400) {
                            self->write(2,
                                        QStringLiteral("wget: server returned error: HTTP/1.1 %1\n")
                                            .arg(status));
                            self->stepDone(8);
                            return;
                        }
                        if (self->m_tty)
                            self->write(1, QString::fromUtf8(body));
                        else
                            self->m_output(1, body);
                        self->stepDone(0);
                    },
                    Qt::QueuedConnection);
            });
    return -1;
}

} // namespace Meshdeck::Demo
