#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace Meshdeck::Perf {

// An incremental HTTP/1.1 response parser for the load engine: status line, the headers it needs
// (Content-Length, Transfer-Encoding, Connection), bodies by length, chunked or until close.
// Interim 1xx responses are skipped. Bodies are counted, not kept. Fixed memory, no allocation.
class ResponseParser
{
public:
    enum class Outcome {
        NeedMore, // feed more bytes
        Complete, // a final response ended; `consumed` says where
        Error, // not HTTP: errorText() says why
    };

    // Starts a new response; `noBody` for HEAD requests.
    void reset(bool noBody = false);
    // Parses up to `len` bytes; sets `consumed` to how many belonged to this response.
    Outcome feed(const char *data, std::size_t len, std::size_t &consumed);
    // The peer closed the connection: completes a close-delimited body, else it is an error.
    Outcome finishOnClose();

    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    [[nodiscard]] std::uint64_t bodyBytes() const { return m_bodyBytes; }
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] const char *errorText() const { return m_error; }

private:
    enum class State {
        StatusLine,
        Header,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailer,
        UntilClose,
        Done
    };

    Outcome fail(const char *why);
    bool takeLine(const char *&p, const char *end, const char *&line, std::size_t &lineLen);
    Outcome onLine(const char *line, std::size_t len);
    Outcome headersDone();

    State m_state = State::StatusLine;
    bool m_noBody = false;
    bool m_started = false;
    bool m_keepAlive = true;
    bool m_chunked = false;
    bool m_haveLength = false;
    int m_status = 0;
    std::uint64_t m_contentLength = 0;
    std::uint64_t m_remaining = 0;
    std::uint64_t m_bodyBytes = 0;
    const char *m_error = nullptr;
    std::size_t m_partialLen = 0;
    std::array<char, 8192> m_partial {}; // a line split across reads
};

} // namespace Meshdeck::Perf
