// Installer: running a mesh's CLI (never through a shell) and reading its version.
#include "installer.h"
#include "planresolver.h"

#include <core/boundedfile.h>
#include <core/httptransport.h>
#include <core/privatefiles.h>
#include <kube/kubeclient.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <set>

namespace Meshdeck::Mesh {

Result<QByteArray> Installer::runProgram(const QString &program, const QStringList &arguments,
                                         const Log &log, int timeoutMs,
                                         const std::atomic_bool *cancel, bool captureStdout)
{
    QProcess proc;
    proc.start(program, arguments); // an argument list, never a shell
    const QString shown = commandLine(program, arguments);
    if (!proc.waitForStarted(10000))
        return Unexpected(Error(ErrorCode::NotFound,
                                tr("`%1` could not start: %2").arg(shown, proc.errorString())));
    QByteArray out, err, pendingOut, pendingErr;
    QElapsedTimer quiet;
    quiet.start();
    const auto emitLines = [&](QByteArray &pending, bool final) {
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            if (log)
                log(QString::fromUtf8(pending.left(nl)).trimmed());
            pending.remove(0, nl + 1);
        }
        if (final && !pending.trimmed().isEmpty() && log)
            log(QString::fromUtf8(pending).trimmed());
    };
    while (proc.state() != QProcess::NotRunning) {
        proc.waitForReadyRead(100);
        const QByteArray o = proc.readAllStandardOutput();
        const QByteArray e = proc.readAllStandardError();
        if (!o.isEmpty() || !e.isEmpty())
            quiet.restart();
        out += o;
        err += e;
        if (!captureStdout) {
            pendingOut += o;
            emitLines(pendingOut, false);
        }
        pendingErr += e;
        emitLines(pendingErr, false);
        if (cancel && cancel->load()) {
            proc.kill();
            proc.waitForFinished(3000);
            return Unexpected(Error(ErrorCode::Cancelled, tr("`%1` was stopped.").arg(shown)));
        }
        if (quiet.elapsed() > timeoutMs) {
            proc.kill();
            proc.waitForFinished(3000);
            return Unexpected(Error(ErrorCode::Timeout,
                                    tr("`%1` printed nothing for %2 s and was stopped. It may be "
                                       "waiting for the cluster or for input; run it in a "
                                       "terminal to see.")
                                        .arg(shown)
                                        .arg(timeoutMs / 1000)));
        }
    }
    const QByteArray o = proc.readAllStandardOutput();
    const QByteArray e = proc.readAllStandardError();
    out += o;
    err += e;
    if (!captureStdout) {
        pendingOut += o;
        emitLines(pendingOut, true);
    }
    pendingErr += e;
    emitLines(pendingErr, true);
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        const QString tail = QString::fromUtf8(err.right(2000)).trimmed();
        return Unexpected(Error(ErrorCode::Unknown,
                                tr("`%1` failed with exit code %2%3")
                                    .arg(shown)
                                    .arg(proc.exitCode())
                                    .arg(tail.isEmpty() ? tr(" and printed nothing on stderr.")
                                                        : QStringLiteral(":\n") + tail),
                                QString::fromUtf8(err)));
    }
    return out;
}

Result<QString> Installer::cliVersion(const MeshDescription &mesh, const QString &program)
{
    auto out = runProgram(program, mesh.cliVersionArguments(), {}, 10000, nullptr, true);
    if (!out)
        return Unexpected(out.error());
    for (const QByteArray &line : out->split('\n'))
        if (!line.trimmed().isEmpty())
            return QString::fromUtf8(line.trimmed());
    return Unexpected(Error(ErrorCode::ProtocolError, tr("it printed no version.")));
}

} // namespace Meshdeck::Mesh
