#pragma once

#include <QLoggingCategory>

// One logging category per library. Names start with "meshdeck." so that tests and the app's
// message handler can tell our messages from Qt's own.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcKube)
Q_DECLARE_LOGGING_CATEGORY(lcMesh)
Q_DECLARE_LOGGING_CATEGORY(lcPerf)
Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Soft assert: a programmer error that is logged as a warning and recovered from, never a crash
// in a release build. Usage: MESHDECK_CHECK(index >= 0, return);
#define MESHDECK_CHECK(cond, action)                                                               \
    do {                                                                                           \
        if (Q_UNLIKELY(!(cond))) {                                                                 \
            qCWarning(lcCore, "Soft assert \"%s\" failed in %s:%d", #cond, __FILE__, __LINE__);    \
            action;                                                                                \
        }                                                                                          \
    } while (false)

namespace Meshdeck {
// Installs a message handler that passes every log message through redactSecrets() before the
// previous handler prints it, so no credential reaches a log. Call once, early in main().
void installRedactingMessageHandler();
} // namespace Meshdeck
