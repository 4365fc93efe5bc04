#include "quantity.h"

#include <QRegularExpression>

#include <cmath>

namespace Meshdeck::Kube::Quantity {

std::optional<double> parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|"
        "n|u|m|k|M|G|T|P|E))?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    double value = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    if (const QString exponent = m.captured(2); !exponent.isEmpty())
        return value * std::pow(10.0, exponent.mid(1).toDouble());
    const QString suffix = m.captured(3);
    static const struct
    {
        const char *suffix;
        double factor;
    } factors[] = {
        {"n", 1e-9},
        {"u", 1e-6},
        {"m", 1e-3},
        {"k", 1e3},
        {"M", 1e6},
        {"G", 1e9},
        {"T", 1e12},
        {"P", 1e15},
        {"E", 1e18},
        {"Ki", 1024.0},
        {"Mi", 1024.0 * 1024},
        {"Gi", 1024.0 * 1024 * 1024},
        {"Ti", 1024.0 * 1024 * 1024 * 1024},
        {"Pi", 1024.0 * 1024 * 1024 * 1024 * 1024},
        {"Ei", 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
    };
    for (const auto &f : factors)
        if (suffix == QLatin1String(f.suffix))
            return value * f.factor;
    return value;
}

std::optional<qint64> millicores(const QString &text)
{
    const auto v = parse(text);
    if (!v || !std::isfinite(*v) || *v < 0 || *v > 1e15)
        return std::nullopt;
    return qint64(std::ceil(*v * 1000.0 - 1e-9));
}

std::optional<qint64> bytes(const QString &text)
{
    const auto v = parse(text);
    if (!v || !std::isfinite(*v) || *v < 0 || *v > 9e18)
        return std::nullopt;
    return qint64(std::ceil(*v - 1e-9));
}

} // namespace Meshdeck::Kube::Quantity
