#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace Meshdeck::Perf {

// A latency histogram with log-linear buckets: every power of two is split into 1,024 equal
// sub-buckets, so any recorded value is known to three significant digits (relative error below
// 0.1 %). Values are nanoseconds; the range runs from 0 to 60 s, larger values are clamped to
// 60 s and counted as saturated. Memory is fixed (about 220 KiB) whatever the number of samples
// or the duration, and histograms of different threads, seconds or runs merge by adding counts.
// Recording is a few instructions and never allocates. Not thread-safe: one per thread, merged.
class Histogram
{
public:
    static constexpr std::uint64_t MaxValueNs = 60'000'000'000ULL;
    static constexpr int SubBucketBits = 11; // 2048 values per first bucket, 1024 per later one
    static constexpr int SubBucketHalf = 1 << (SubBucketBits - 1);
    static constexpr int BucketCount = 26; // 2^(25 + 11) > 60 s in ns
    static constexpr int CountsLength = (1 << SubBucketBits) + (BucketCount - 1) * SubBucketHalf;

    Histogram();

    void record(std::uint64_t valueNs) { recordN(valueNs, 1); }
    void recordN(std::uint64_t valueNs, std::uint64_t count);
    void merge(const Histogram &other);
    void reset();

    [[nodiscard]] std::uint64_t count() const { return m_total; }
    [[nodiscard]] bool empty() const { return m_total == 0; }
    [[nodiscard]] std::uint64_t saturated() const { return m_saturated; }
    [[nodiscard]] std::uint64_t minNs() const { return m_total ? m_min : 0; }
    [[nodiscard]] std::uint64_t maxNs() const { return m_max; }
    [[nodiscard]] double meanNs() const;
    [[nodiscard]] double stddevNs() const;

    // The value below which `percent` % of the samples lie (percent in 0..100), as the highest
    // value equivalent to the bucket that holds it, never above the largest value recorded.
    [[nodiscard]] std::uint64_t percentileNs(double percent) const;
    // Several at once, in one pass; `percents` must be ascending.
    [[nodiscard]] std::vector<std::uint64_t>
    percentilesNs(const std::vector<double> &percents) const;

    // Calls fn(lowNs, highNs, count) for every bucket that holds samples, in ascending order.
    void
    forEachBucket(const std::function<void(std::uint64_t, std::uint64_t, std::uint64_t)> &fn) const;

    // Compact, portable encoding (varints of index gaps and counts plus the exact moments);
    // a few hundred bytes for a typical run. deserialize() returns false for malformed input and
    // leaves the histogram empty.
    [[nodiscard]] std::string serialize() const;
    bool deserialize(std::string_view bytes);

    friend bool operator==(const Histogram &a, const Histogram &b);

    // Index arithmetic, public for tests.
    [[nodiscard]] static int indexOf(std::uint64_t valueNs);
    [[nodiscard]] static std::uint64_t lowestEquivalent(int index);
    [[nodiscard]] static std::uint64_t highestEquivalent(int index);

private:
    std::vector<std::uint64_t> m_counts; // CountsLength, allocated once
    std::uint64_t m_total = 0;
    std::uint64_t m_saturated = 0;
    std::uint64_t m_min = ~0ULL;
    std::uint64_t m_max = 0;
    long double m_sum = 0;
    long double m_sumSquares = 0;
    int m_lowIndex = CountsLength; // range of touched indexes, to keep walks short
    int m_highIndex = -1;
};

} // namespace Meshdeck::Perf
