#include "specsecrets.h"

#include <core/redact.h>

#include <QString>

#include <algorithm>
#include <cctype>

namespace Meshdeck::Perf::SpecSecrets {

namespace {

bool equalsIgnoreCase(const std::string &a, const char *b)
{
    const std::size_t n = std::char_traits<char>::length(b);
    if (a.size() != n)
        return false;
    for (std::size_t i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

} // namespace

bool isSensitiveHeader(const LoadSpec &spec, const std::string &name)
{
    static const char *const builtIn[] = {"authorization", "proxy-authorization", "cookie",
                                          "set-cookie",    "x-api-key",           "x-auth-token"};
    const std::string n = trimmed(name);
    for (const char *b : builtIn)
        if (equalsIgnoreCase(n, b))
            return true;
    return std::any_of(
        spec.secretHeaders.begin(), spec.secretHeaders.end(),
        [&](const std::string &marked) { return equalsIgnoreCase(n, trimmed(marked).c_str()); });
}

std::string redactUrl(const std::string &url)
{
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    const auto authorityStart = scheme + 3;
    const auto authorityEnd = url.find_first_of("/?#", authorityStart);
    const std::string authority = url.substr(
        authorityStart,
        authorityEnd == std::string::npos ? std::string::npos : authorityEnd - authorityStart);
    const auto at = authority.rfind('@');
    if (at == std::string::npos)
        return url;
    const auto colon = authority.find(':');
    if (colon == std::string::npos || colon > at)
        return url;
    return url.substr(0, authorityStart + colon + 1) + Mask + url.substr(authorityStart + at);
}

LoadSpec redacted(const LoadSpec &spec)
{
    LoadSpec out = spec;
    for (auto &[name, value] : out.headers)
        if (isSensitiveHeader(spec, name))
            value = Mask;
    out.url = redactUrl(spec.url);
    if (!out.body.empty())
        out.body = redactSecrets(QString::fromStdString(spec.body)).toStdString();
    return out;
}

bool hasSecrets(const LoadSpec &spec)
{
    const LoadSpec r = redacted(spec);
    return r.headers != spec.headers || r.url != spec.url || r.body != spec.body;
}

} // namespace Meshdeck::Perf::SpecSecrets
