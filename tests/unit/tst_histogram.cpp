// The log-linear latency histogram: precision, percentiles, merging, encoding, fixed memory.
#include <perf/histogram.h>

#include <QTest>

#include <random>

using Meshdeck::Perf::Histogram;

class tst_Histogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeSignificantDigitsAcrossTheRange()
    {
        // Every value from 1 us to 60 s lands in a bucket narrower than 0.1 % of it.
        for (std::uint64_t v = 1000; v <= Histogram::MaxValueNs; v = v * 1.0007 + 1) {
            const int i = Histogram::indexOf(v);
            QVERIFY(i >= 0 && i < Histogram::CountsLength);
            const auto lo = Histogram::lowestEquivalent(i);
            const auto hi = Histogram::highestEquivalent(i);
            QVERIFY(lo <= v && v <= hi);
            QVERIFY2(static_cast<double>(hi - lo) <= 0.001 * static_cast<double>(v),
                     qPrintable(QStringLiteral("%1: [%2, %3]").arg(v).arg(lo).arg(hi)));
        }
        QCOMPARE(Histogram::indexOf(Histogram::MaxValueNs) < Histogram::CountsLength, true);
    }

    void percentilesOfAUniformDistribution()
    {
        Histogram h;
        for (std::uint64_t us = 1; us <= 10000; ++us)
            h.record(us * 1000);
        QCOMPARE(h.count(), 10000u);
        QCOMPARE(h.minNs(), 1000u);
        QCOMPARE(h.maxNs(), 10'000'000u);
        const auto p = h.percentilesNs({0, 50, 90, 99, 99.9, 100});
        const double expected[] = {1e3, 5e6, 9e6, 9.9e6, 9.99e6, 1e7};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(std::abs(static_cast<double>(p[static_cast<std::size_t>(i)]) - expected[i])
                         <= expected[i] * 0.001 + 1,
                     qPrintable(QString::number(p[static_cast<std::size_t>(i)])));
        QVERIFY(std::abs(h.meanNs() - 5000.5e3) < 1);
        QVERIFY(std::abs(h.stddevNs() - 2886.75e3) < 1e3);
        QCOMPARE(h.percentileNs(50), p[1]);
    }

    void mergeEqualsRecordingTogether()
    {
        std::mt19937_64 rng(7);
        std::lognormal_distribution<double> dist(12.0, 1.0);
        Histogram all, a, b;
        for (int i = 0; i < 100000; ++i) {
            const auto v = static_cast<std::uint64_t>(dist(rng));
            all.record(v);
            (i % 3 ? a : b).record(v);
        }
        a.merge(b);
        QVERIFY(a == all);
        QCOMPARE(a.percentileNs(99.9), all.percentileNs(99.9));
        QCOMPARE(a.meanNs(), all.meanNs());
    }

    void encodingRoundTrips()
    {
        Histogram h;
        h.record(1);
        h.recordN(123456, 1000);
        h.record(Histogram::MaxValueNs * 2); // saturates
        const std::string bytes = h.serialize();
        QVERIFY(bytes.size() < 100);
        Histogram back;
        QVERIFY(back.deserialize(bytes));
        QVERIFY(back == h);
        QCOMPARE(back.saturated(), 1u);
        QCOMPARE(back.maxNs(), Histogram::MaxValueNs);
        QCOMPARE(back.meanNs(), h.meanNs());
    }

    void damagedEncodingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        Histogram h;
        h.recordN(5000, 10);
        h.record(7000);
        const std::string good = h.serialize();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong magic") << QByteArray("XXXX");
        QTest::newRow("truncated")
            << QByteArray(good.data(), static_cast<qsizetype>(good.size() - 1));
        std::string badCount = good;
        badCount[5] = 99; // total no longer matches the buckets
        QTest::newRow("inconsistent total")
            << QByteArray(badCount.data(), static_cast<qsizetype>(badCount.size()));
        QTest::newRow("index out of range")
            << (QByteArray(good.data(), static_cast<qsizetype>(good.size()))
                + QByteArray("\xff\xff\x7f\x01", 4));
    }
    void damagedEncodingIsRefused()
    {
        QFETCH(QByteArray, bytes);
        Histogram h;
        h.record(42);
        QVERIFY(!h.deserialize(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
        QVERIFY(h.empty());
    }

    void memoryDoesNotGrowWithSamples()
    {
        Histogram h;
        const std::string before = h.serialize();
        for (int i = 0; i < 1'000'000; ++i)
            h.record(static_cast<std::uint64_t>(i) * 997);
        // The only storage is the fixed counts array; encoding stays sparse.
        QCOMPARE(Histogram::CountsLength, 2048 + 25 * 1024);
        QVERIFY(h.serialize().size() < 64 * 1024);
        QVERIFY(before.size() < 64);
        h.reset();
        QVERIFY(h.empty());
        QCOMPARE(h.percentileNs(99), 0u);
    }

    void bucketsAreListedInOrder()
    {
        Histogram h;
        h.recordN(2'000'000, 3);
        h.recordN(1'000, 2);
        QList<std::uint64_t> lows;
        std::uint64_t total = 0;
        h.forEachBucket([&](std::uint64_t lo, std::uint64_t hi, std::uint64_t n) {
            QVERIFY(lo <= hi);
            lows.append(lo);
            total += n;
        });
        QCOMPARE(lows.size(), 2);
        QVERIFY(lows[0] < lows[1]);
        QCOMPARE(total, 5u);
    }
};

QTEST_GUILESS_MAIN(tst_Histogram)
#include "tst_histogram.moc"
