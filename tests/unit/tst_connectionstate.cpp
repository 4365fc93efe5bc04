#include <models/connectionstate.h>

#include <QSignalSpy>
#include <QTest>

using namespace Meshdeck;

class tst_ConnectionState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions()
    {
        ConnectionState state;
        QSignalSpy spy(&state, &ConnectionState::changed);
        QCOMPARE(state.state(), ConnectionState::State::NoContext);
        QVERIFY(state.summary().contains(QStringLiteral("no cluster context")));

        state.setConnecting(QStringLiteral("prod"));
        QCOMPARE(spy.count(), 1);
        QVERIFY(state.summary().contains(QStringLiteral("prod")));

        state.setConnected(QStringLiteral("prod"), QStringLiteral("v1.32.1"));
        QCOMPARE(state.state(), ConnectionState::State::Connected);
        QVERIFY(state.summary().contains(QStringLiteral("v1.32.1")));

        state.setConnected(QStringLiteral("prod"), QStringLiteral("v1.32.1"));
        QCOMPARE(spy.count(), 2); // no change, no signal

        state.setFailed(QStringLiteral("prod"), QStringLiteral("connection refused"));
        QCOMPARE(state.state(), ConnectionState::State::Failed);
        QCOMPARE(state.detail(), QStringLiteral("connection refused"));
        QVERIFY(state.summary().contains(QStringLiteral("connection refused")));
        QCOMPARE(spy.count(), 3);

        state.setNoContext();
        QCOMPARE(state.contextName(), QString());
        QCOMPARE(spy.count(), 4);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionState)
#include "tst_connectionstate.moc"
