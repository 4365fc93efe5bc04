// meshdeck-loadgen: the worker of the in-cluster load image. Qt Core and the load engine only,
// no display, no Widgets: `meshdeck-loadgen [--profile JSON] [--index I] [--workers N] ...`.
#include <core/httptransport.h>
#include <core/logging.h>
#include <incluster/loadgenworker.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    Meshdeck::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meshdeck-loadgen"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Meshdeck::InCluster::loadgenMain(app.arguments().mid(1), out, err);
}
