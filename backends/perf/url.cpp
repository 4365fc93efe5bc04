#include "url.h"

#include <algorithm>
#include <cctype>

namespace Meshdeck::Perf {

std::optional<Url> Url::parse(const std::string &text, std::string *error)
{
    const auto fail = [&](const std::string &why) -> std::optional<Url> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto schemeEnd = text.find("://");
    if (text.empty())
        return fail("the URL is empty");
    if (schemeEnd == std::string::npos)
        return fail("'" + text + "' has no scheme: write http://host/path or https://host/path");
    std::string scheme = text.substr(0, schemeEnd);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Url url;
    if (scheme == "http")
        url.tls = false;
    else if (scheme == "https")
        url.tls = true;
    else
        return fail("unsupported scheme '" + scheme + "': only http and https can be load-tested");

    const std::string rest = text.substr(schemeEnd + 3);
    const auto pathStart = rest.find_first_of("/?#");
    std::string authority = rest.substr(0, pathStart);
    url.target = pathStart == std::string::npos ? "/" : rest.substr(pathStart);
    if (const auto hash = url.target.find('#'); hash != std::string::npos)
        url.target.erase(hash);
    if (url.target.empty() || url.target.front() != '/')
        url.target.insert(0, "/");
    if (authority.find('@') != std::string::npos)
        return fail("user names and passwords in the URL are not supported: send an "
                    "Authorization header instead");
    if (authority.empty())
        return fail("'" + text + "' has no host");
    for (const char c : url.target) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f)
            return fail("the path of '" + text + "' contains spaces or control characters");
    }

    std::string portText;
    if (authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return fail("'" + authority + "' opens an IPv6 address with '[' but never closes it");
        url.host = authority.substr(1, close - 1);
        const std::string after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return fail("unexpected text after the IPv6 address in '" + authority + "'");
            portText = after.substr(1);
        }
    } else {
        const auto colon = authority.rfind(':');
        url.host = authority.substr(0, colon);
        if (colon != std::string::npos)
            portText = authority.substr(colon + 1);
    }
    if (url.host.empty())
        return fail("'" + text + "' has no host");
    for (const char c : url.host) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'
              || c == ':' || c == '%'))
            return fail("'" + url.host + "' is not a valid host name");
    }
    url.port = url.tls ? 443 : 80;
    if (!portText.empty()) {
        unsigned long port = 0;
        for (const char c : portText) {
            if (!std::isdigit(static_cast<unsigned char>(c)) || port > 65535)
                return fail("'" + portText + "' is not a valid port (1-65535)");
            port = port * 10 + static_cast<unsigned long>(c - '0');
        }
        if (port == 0 || port > 65535)
            return fail("'" + portText + "' is not a valid port (1-65535)");
        url.port = static_cast<std::uint16_t>(port);
    }
    const bool v6 = url.host.find(':') != std::string::npos;
    url.hostHeader = v6 ? "[" + url.host + "]" : url.host;
    if (url.port != (url.tls ? 443 : 80))
        url.hostHeader += ":" + std::to_string(url.port);
    return url;
}

} // namespace Meshdeck::Perf
