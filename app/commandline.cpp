#include "commandline.h"

#include "commandregistry.h"

#include <QRegularExpression>

namespace Meshdeck {

namespace {
// Qt's single-dash application options that take a value, and those that don't.
const QStringList kQtValueOptions = {
    QStringLiteral("-platform"),        QStringLiteral("-platformpluginpath"),
    QStringLiteral("-platformtheme"),   QStringLiteral("-plugin"),
    QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowicon"),
    QStringLiteral("-qwindowtitle"),    QStringLiteral("-style"),
    QStringLiteral("-stylesheet"),      QStringLiteral("-session"),
    QStringLiteral("-display"),         QStringLiteral("-geometry"),
};
const QStringList kQtFlags = {
    QStringLiteral("-reverse"), QStringLiteral("-widgetcount"), QStringLiteral("-nograb"),
    QStringLiteral("-dograb"),  QStringLiteral("-sync"),
};

Unexpected usage(const QString &message)
{
    return Unexpected(Error(ErrorCode::InvalidArgument, message));
}
} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    return arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'));
}

Result<GuiOptions> CommandLine::parseGuiOptions(const QStringList &arguments)
{
    GuiOptions options;
    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString inlineValue;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            inlineValue = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        auto value = [&]() -> std::optional<QString> {
            if (hasInlineValue)
                return inlineValue;
            if (i + 1 >= arguments.size())
                return std::nullopt;
            return arguments.at(++i);
        };

        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            options.help = true;
        } else if (arg == QLatin1String("-v") || arg == QLatin1String("--version")) {
            options.version = true;
        } else if (arg == QLatin1String("--screenshot")) {
            const auto v = value();
            if (!v || v->isEmpty())
                return usage(
                    QStringLiteral("--screenshot needs a file name, e.g. --screenshot page.png"));
            options.screenshotFile = *v;
        } else if (arg == QLatin1String("--page")) {
            const auto v = value();
            const auto page = v ? pageFromKey(*v) : std::nullopt;
            if (!page)
                return usage(QStringLiteral("--page needs one of: %1")
                                 .arg(pageKeys().join(QStringLiteral(", "))));
            options.page = page;
        } else if (arg == QLatin1String("--size")) {
            const auto v = value();
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
            const auto m = re.match(v.value_or(QString()));
            if (!m.hasMatch())
                return usage(
                    QStringLiteral("--size needs WIDTHxHEIGHT in pixels, e.g. --size 1280x800"));
            options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
            if (options.size.width() < 320 || options.size.height() < 240
                || options.size.width() > 8192 || options.size.height() > 8192)
                return usage(QStringLiteral("--size must be between 320x240 and 8192x8192"));
        } else if (arg == QLatin1String("--demo")) {
            options.demo = true;
        } else if (arg == QLatin1String("--kubeconfig") || arg == QLatin1String("--context")) {
            const auto v = value();
            if (!v || v->isEmpty())
                return usage(QStringLiteral("%1 needs a value").arg(arg));
            (arg == QLatin1String("--context") ? options.context : options.kubeconfig) = *v;
        } else if (arg == QLatin1String("--theme")) {
            const QString v = value().value_or(QString());
            if (v != QLatin1String("system") && v != QLatin1String("light")
                && v != QLatin1String("dark"))
                return usage(QStringLiteral("--theme needs one of: system, light, dark"));
            options.theme = Preferences::themeFromKey(v);
        } else if (kQtValueOptions.contains(arg)) {
            ++i; // QApplication consumes it and its value
        } else if (kQtFlags.contains(arg)) {
            // QApplication consumes it
        } else if (arg.startsWith(QLatin1Char('-'))) {
            return usage(QStringLiteral("unknown option '%1' (run 'meshdeck --help')").arg(arg));
        } else {
            return usage(
                QStringLiteral("unexpected argument '%1' (run 'meshdeck --help')").arg(arg));
        }
    }
    return options;
}

QString CommandLine::helpText(const CommandRegistry &registry)
{
    QString text
        = QStringLiteral(
              "Usage: meshdeck [options]\n"
              "       meshdeck <command> [arguments]\n"
              "\n"
              "Meshdeck manages service meshes on Kubernetes: live service topology, mesh install\n"
              "wizards, and latency benchmarks compared side by side.\n"
              "\n"
              "Options:\n"
              "  -h, --help           Show this help and exit.\n"
              "  -v, --version        Print the version and exit.\n"
              "  --demo               Start the built-in demo cluster and connect to it.\n"
              "  --kubeconfig FILE    Read FILE instead of $KUBECONFIG or ~/.kube/config.\n"
              "  --context NAME       Connect to context NAME instead of the current one.\n"
              "  --page NAME          Open on page NAME: %1.\n"
              "  --screenshot FILE    Render the window offscreen to a PNG file and exit\n"
              "                       (no display needed; combine with --page and --size).\n"
              "  --size WxH           Window size for --screenshot (default 1280x800).\n"
              "  --theme NAME         Use the system, light or dark theme for this run only.\n"
              "\n"
              "Commands (run without a display):\n")
              .arg(pageKeys().join(QStringLiteral(", ")));
    for (CliCommand *c : registry.commands())
        text += QStringLiteral("  %1%2\n").arg(c->name().leftJustified(21), c->summary());
    text += QStringLiteral("\n"
                           "Run 'meshdeck <command> --help' for a command's options.\n"
                           "Exit codes: 0 success, 1 the operation failed, 2 usage error.\n");
    return text;
}

} // namespace Meshdeck
