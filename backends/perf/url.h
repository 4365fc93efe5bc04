#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace Meshdeck::Perf {

// An http or https URL taken apart for the load engine.
struct Url
{
    bool tls = false;
    std::string host; // without brackets for IPv6 literals
    std::uint16_t port = 0;
    std::string target; // path and query, "/" at least
    std::string hostHeader; // host[:port] as the Host header wants it

    // Parses `text`; on failure returns nothing and sets `error` to a sentence naming the problem.
    static std::optional<Url> parse(const std::string &text, std::string *error);
};

} // namespace Meshdeck::Perf
