#include "histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace Meshdeck::Perf {

namespace {

void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool getVarint(std::string_view &in, std::uint64_t &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty())
            return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

void putDouble(std::string &out, double d)
{
    char raw[sizeof d];
    std::memcpy(raw, &d, sizeof d);
    out.append(raw, sizeof raw);
}

bool getDouble(std::string_view &in, double &d)
{
    if (in.size() < sizeof d)
        return false;
    std::memcpy(&d, in.data(), sizeof d);
    in.remove_prefix(sizeof d);
    return true;
}

constexpr char Magic[] = {'M', 'D', 'H', '1'};

} // namespace

Histogram::Histogram()
    : m_counts(CountsLength, 0)
{
}

int Histogram::indexOf(std::uint64_t v)
{
    if (v < (1ULL << SubBucketBits))
        return static_cast<int>(v);
    const int msb = 63 - std::countl_zero(v); // >= SubBucketBits
    const int shift = msb - (SubBucketBits - 1);
    const auto sub = static_cast<int>(v >> shift); // SubBucketHalf .. 2*SubBucketHalf-1
    return (1 << SubBucketBits) + (shift - 1) * SubBucketHalf + (sub - SubBucketHalf);
}

std::uint64_t Histogram::lowestEquivalent(int index)
{
    if (index < (1 << SubBucketBits))
        return static_cast<std::uint64_t>(index);
    const int rel = index - (1 << SubBucketBits);
    const int shift = rel / SubBucketHalf + 1;
    const std::uint64_t sub = static_cast<std::uint64_t>(rel % SubBucketHalf + SubBucketHalf);
    return sub << shift;
}

std::uint64_t Histogram::highestEquivalent(int index)
{
    if (index < (1 << SubBucketBits))
        return static_cast<std::uint64_t>(index);
    const int shift = (index - (1 << SubBucketBits)) / SubBucketHalf + 1;
    return lowestEquivalent(index) + (1ULL << shift) - 1;
}

void Histogram::recordN(std::uint64_t v, std::uint64_t n)
{
    if (n == 0)
        return;
    if (v > MaxValueNs) {
        v = MaxValueNs;
        m_saturated += n;
    }
    const int i = indexOf(v);
    m_counts[static_cast<std::size_t>(i)] += n;
    m_total += n;
    m_min = std::min(m_min, v);
    m_max = std::max(m_max, v);
    const auto lv = static_cast<long double>(v);
    m_sum += lv * n;
    m_sumSquares += lv * lv * n;
    m_lowIndex = std::min(m_lowIndex, i);
    m_highIndex = std::max(m_highIndex, i);
}

void Histogram::merge(const Histogram &o)
{
    if (o.m_total == 0)
        return;
    for (int i = o.m_lowIndex; i <= o.m_highIndex; ++i)
        m_counts[static_cast<std::size_t>(i)] += o.m_counts[static_cast<std::size_t>(i)];
    m_total += o.m_total;
    m_saturated += o.m_saturated;
    m_min = std::min(m_min, o.m_min);
    m_max = std::max(m_max, o.m_max);
    m_sum += o.m_sum;
    m_sumSquares += o.m_sumSquares;
    m_lowIndex = std::min(m_lowIndex, o.m_lowIndex);
    m_highIndex = std::max(m_highIndex, o.m_highIndex);
}

void Histogram::reset()
{
    if (m_highIndex >= m_lowIndex)
        std::fill(m_counts.begin() + m_lowIndex, m_counts.begin() + m_highIndex + 1, 0);
    m_total = m_saturated = 0;
    m_min = ~0ULL;
    m_max = 0;
    m_sum = m_sumSquares = 0;
    m_lowIndex = CountsLength;
    m_highIndex = -1;
}

double Histogram::meanNs() const
{
    return m_total ? static_cast<double>(m_sum / m_total) : 0.0;
}

double Histogram::stddevNs() const
{
    if (m_total < 2)
        return 0.0;
    const long double mean = m_sum / m_total;
    const long double var = m_sumSquares / m_total - mean * mean;
    return var > 0 ? static_cast<double>(std::sqrt(var)) : 0.0;
}

std::uint64_t Histogram::percentileNs(double percent) const
{
    return percentilesNs({percent}).front();
}

std::vector<std::uint64_t> Histogram::percentilesNs(const std::vector<double> &percents) const
{
    std::vector<std::uint64_t> out(percents.size(), 0);
    if (m_total == 0)
        return out;
    std::size_t next = 0;
    std::uint64_t seen = 0;
    for (int i = m_lowIndex; i <= m_highIndex && next < percents.size(); ++i) {
        seen += m_counts[static_cast<std::size_t>(i)];
        while (next < percents.size()) {
            const double p = std::clamp(percents[next], 0.0, 100.0);
            // The rank of the sample at this percentile, 1-based; p=0 is the minimum.
            const auto rank = std::max<std::uint64_t>(
                1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(m_total))));
            if (seen < rank)
                break;
            out[next++] = std::clamp(highestEquivalent(i), m_min, m_max);
        }
    }
    for (; next < out.size(); ++next)
        out[next] = m_max;
    return out;
}

void Histogram::forEachBucket(
    const std::function<void(std::uint64_t, std::uint64_t, std::uint64_t)> &fn) const
{
    for (int i = m_lowIndex; i <= m_highIndex; ++i) {
        if (const auto c = m_counts[static_cast<std::size_t>(i)])
            fn(lowestEquivalent(i), highestEquivalent(i), c);
    }
}

std::string Histogram::serialize() const
{
    std::string out(Magic, sizeof Magic);
    putVarint(out, static_cast<std::uint64_t>(SubBucketBits));
    putVarint(out, m_total);
    putVarint(out, m_saturated);
    putVarint(out, m_total ? m_min : 0);
    putVarint(out, m_max);
    putDouble(out, static_cast<double>(m_sum));
    putDouble(out, static_cast<double>(m_sumSquares));
    int previous = -1;
    for (int i = m_lowIndex; i <= m_highIndex; ++i) {
        if (const auto c = m_counts[static_cast<std::size_t>(i)]) {
            putVarint(out, static_cast<std::uint64_t>(i - previous));
            putVarint(out, c);
            previous = i;
        }
    }
    return out;
}

bool Histogram::deserialize(std::string_view in)
{
    reset();
    const auto fail = [this] {
        reset();
        return false;
    };
    if (in.size() < sizeof Magic || std::memcmp(in.data(), Magic, sizeof Magic) != 0)
        return fail();
    in.remove_prefix(sizeof Magic);
    std::uint64_t bits = 0, total = 0, saturated = 0, mn = 0, mx = 0;
    double sum = 0, sumSquares = 0;
    if (!getVarint(in, bits) || bits != SubBucketBits || !getVarint(in, total)
        || !getVarint(in, saturated) || !getVarint(in, mn) || !getVarint(in, mx)
        || !getDouble(in, sum) || !getDouble(in, sumSquares))
        return fail();
    std::uint64_t counted = 0;
    long long index = -1;
    while (!in.empty()) {
        std::uint64_t gap = 0, c = 0;
        if (!getVarint(in, gap) || !getVarint(in, c) || gap == 0 || c == 0)
            return fail();
        index += static_cast<long long>(gap);
        if (index >= CountsLength || counted + c < counted)
            return fail();
        const int i = static_cast<int>(index);
        m_counts[static_cast<std::size_t>(i)] = c;
        counted += c;
        m_lowIndex = std::min(m_lowIndex, i);
        m_highIndex = std::max(m_highIndex, i);
    }
    if (counted != total || saturated > total || (total && (mn > mx || mx > MaxValueNs)))
        return fail();
    m_total = total;
    m_saturated = saturated;
    m_min = total ? mn : ~0ULL;
    m_max = mx;
    m_sum = sum;
    m_sumSquares = sumSquares;
    return true;
}

bool operator==(const Histogram &a, const Histogram &b)
{
    return a.m_total == b.m_total && a.m_saturated == b.m_saturated && a.minNs() == b.minNs()
        && a.m_max == b.m_max && a.m_counts == b.m_counts;
}

} // namespace Meshdeck::Perf
