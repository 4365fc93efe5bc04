#include "logging.h"

#include "redact.h"

Q_LOGGING_CATEGORY(lcCore, "meshdeck.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "meshdeck.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "meshdeck.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMesh, "meshdeck.mesh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPerf, "meshdeck.perf", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "meshdeck.store", QtInfoMsg)

namespace Meshdeck {

namespace {
QtMessageHandler s_previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (s_previousHandler)
        s_previousHandler(type, context, redactSecrets(message));
}
} // namespace

void installRedactingMessageHandler()
{
    if (s_previousHandler)
        return;
    s_previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace Meshdeck
