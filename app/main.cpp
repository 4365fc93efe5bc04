#include "commandline.h"
#include "commandregistry.h"
#include "guisession.h"
#include "versioninfo.h"

#include <core/httptransport.h>
#include <core/logging.h>

#include <meshdeck_version.h>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace Meshdeck;

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("meshdeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("meshdeck.io"));
    QCoreApplication::setApplicationName(QStringLiteral("meshdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESHDECK_VERSION));
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}
} // namespace

int main(int argc, char *argv[])
{
    installRedactingMessageHandler();
    HttpTransport::globalInit();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QTextStream out(stdout);
    QTextStream err(stderr);

    if (CommandLine::isCommand(arguments)) {
        // A command's output is its own lines; the libraries' decision log (connect, install
        // step, run start) stays out of it unless asked for with QT_LOGGING_RULES.
        QLoggingCategory::setFilterRules(QStringLiteral("meshdeck.*.info=false"));
        const CommandRegistry registry;
        const CliCommand *command = registry.find(arguments.value(1));
        if (command && command->needsGui(arguments.mid(2))) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            setIdentity();
            return registry.dispatch(arguments.mid(1), out, err);
        }
        QCoreApplication app(argc, argv);
        setIdentity();
        return registry.dispatch(arguments.mid(1), out, err);
    }

    const Result<GuiOptions> options = CommandLine::parseGuiOptions(arguments);
    if (!options) {
        err << "meshdeck: " << options.error().message() << "\n";
        return ExitUsage;
    }
    if (options->help) {
        out << CommandLine::helpText(CommandRegistry());
        return ExitOk;
    }
    if (options->version) {
        out << "meshdeck " << VersionInfo::applicationVersion() << "\n";
        return ExitOk;
    }
    const bool screenshot = !options->screenshotFile.isEmpty();
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!hasDisplay()) {
        err << "meshdeck: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Start it from "
               "a desktop session or under 'xvfb-run -a', or use a headless command (see "
               "'meshdeck --help').\n";
        return ExitFailure;
    }

    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Meshdeck"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.meshdeck.Meshdeck"));
    GuiSession session(&app, *options);
    return screenshot ? session.renderScreenshot() : session.exec();
}
