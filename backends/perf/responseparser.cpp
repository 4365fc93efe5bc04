#include "responseparser.h"

#include <algorithm>
#include <cstring>

namespace Meshdeck::Perf {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool nameIs(const char *name, std::size_t len, const char *want)
{
    const std::size_t n = std::strlen(want);
    if (len != n)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (lower(name[i]) != want[i])
            return false;
    }
    return true;
}

bool containsToken(const char *value, std::size_t len, const char *token)
{
    const std::size_t n = std::strlen(token);
    for (std::size_t i = 0; i + n <= len; ++i) {
        std::size_t k = 0;
        while (k < n && lower(value[i + k]) == token[k])
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

} // namespace

void ResponseParser::reset(bool noBody)
{
    m_state = State::StatusLine;
    m_noBody = noBody;
    m_started = false;
    m_keepAlive = true;
    m_chunked = false;
    m_haveLength = false;
    m_status = 0;
    m_contentLength = m_remaining = m_bodyBytes = 0;
    m_error = nullptr;
    m_partialLen = 0;
}

ResponseParser::Outcome ResponseParser::fail(const char *why)
{
    m_error = why;
    return Outcome::Error;
}

// Finds the next complete line (without CRLF). Lines split across reads are joined in m_partial.
bool ResponseParser::takeLine(const char *&p, const char *end, const char *&line,
                              std::size_t &lineLen)
{
    const auto *nl
        = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) {
        const auto n = static_cast<std::size_t>(end - p);
        if (m_partialLen + n > m_partial.size()) {
            m_error = "a header line is longer than 8 KiB";
            p = end;
            return false;
        }
        std::memcpy(m_partial.data() + m_partialLen, p, n);
        m_partialLen += n;
        p = end;
        return false;
    }
    if (m_partialLen) {
        const auto n = static_cast<std::size_t>(nl - p);
        if (m_partialLen + n > m_partial.size()) {
            m_error = "a header line is longer than 8 KiB";
            p = nl + 1;
            return false;
        }
        std::memcpy(m_partial.data() + m_partialLen, p, n);
        line = m_partial.data();
        lineLen = m_partialLen + n;
        m_partialLen = 0;
    } else {
        line = p;
        lineLen = static_cast<std::size_t>(nl - p);
    }
    if (lineLen && line[lineLen - 1] == '\r')
        --lineLen;
    p = nl + 1;
    return true;
}

ResponseParser::Outcome ResponseParser::feed(const char *data, std::size_t len,
                                             std::size_t &consumed)
{
    const char *p = data;
    const char *end = data + len;
    if (len)
        m_started = true;
    while (p < end) {
        switch (m_state) {
        case State::StatusLine:
        case State::Header:
        case State::ChunkSize:
        case State::ChunkEnd:
        case State::Trailer: {
            const char *line = nullptr;
            std::size_t lineLen = 0;
            if (!takeLine(p, end, line, lineLen)) {
                if (m_error)
                    return Outcome::Error;
                break;
            }
            const Outcome o = onLine(line, lineLen);
            if (o == Outcome::Error)
                return o;
            if (m_state == State::Done) {
                consumed = static_cast<std::size_t>(p - data);
                return Outcome::Complete;
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const auto n
                = std::min<std::uint64_t>(m_remaining, static_cast<std::uint64_t>(end - p));
            p += n;
            m_remaining -= n;
            m_bodyBytes += n;
            if (m_remaining == 0) {
                if (m_state == State::ChunkData) {
                    m_state = State::ChunkEnd;
                } else {
                    m_state = State::Done;
                    consumed = static_cast<std::size_t>(p - data);
                    return Outcome::Complete;
                }
            }
            break;
        }
        case State::UntilClose:
            m_bodyBytes += static_cast<std::uint64_t>(end - p);
            p = end;
            break;
        case State::Done:
            consumed = static_cast<std::size_t>(p - data);
            return Outcome::Complete;
        }
    }
    consumed = len;
    return Outcome::NeedMore;
}

ResponseParser::Outcome ResponseParser::onLine(const char *line, std::size_t len)
{
    switch (m_state) {
    case State::StatusLine: {
        // "HTTP/1.1 200 OK"; tolerate blank lines before it (RFC 9112 2.2).
        if (len == 0)
            return Outcome::NeedMore;
        if (len < 12 || std::memcmp(line, "HTTP/1.", 7) != 0 || line[8] != ' ')
            return fail("the reply does not start with an HTTP/1.x status line");
        int status = 0;
        for (int i = 9; i < 12; ++i) {
            if (line[i] < '0' || line[i] > '9')
                return fail("the status line has no three-digit status code");
            status = status * 10 + (line[i] - '0');
        }
        if (status < 100)
            return fail("the status code is below 100");
        m_status = status;
        m_keepAlive = line[7] == '1'; // HTTP/1.0 closes unless told otherwise
        m_chunked = false;
        m_haveLength = false;
        m_state = State::Header;
        return Outcome::NeedMore;
    }
    case State::Header: {
        if (len == 0)
            return headersDone();
        const auto *colon = static_cast<const char *>(std::memchr(line, ':', len));
        if (!colon)
            return fail("a header line has no colon");
        const auto nameLen = static_cast<std::size_t>(colon - line);
        const char *value = colon + 1;
        std::size_t valueLen = len - nameLen - 1;
        while (valueLen && (*value == ' ' || *value == '\t')) {
            ++value;
            --valueLen;
        }
        while (valueLen && (value[valueLen - 1] == ' ' || value[valueLen - 1] == '\t'))
            --valueLen;
        if (nameIs(line, nameLen, "content-length")) {
            if (valueLen == 0 || valueLen > 19)
                return fail("Content-Length is not a number");
            std::uint64_t v = 0;
            for (std::size_t i = 0; i < valueLen; ++i) {
                if (value[i] < '0' || value[i] > '9')
                    return fail("Content-Length is not a number");
                v = v * 10 + static_cast<std::uint64_t>(value[i] - '0');
            }
            if (m_haveLength && v != m_contentLength)
                return fail("two different Content-Length headers");
            m_contentLength = v;
            m_haveLength = true;
        } else if (nameIs(line, nameLen, "transfer-encoding")) {
            m_chunked = containsToken(value, valueLen, "chunked");
        } else if (nameIs(line, nameLen, "connection")) {
            if (containsToken(value, valueLen, "close"))
                m_keepAlive = false;
            else if (containsToken(value, valueLen, "keep-alive"))
                m_keepAlive = true;
        }
        return Outcome::NeedMore;
    }
    case State::ChunkSize: {
        std::uint64_t size = 0;
        std::size_t i = 0;
        for (; i < len; ++i) {
            const char c = lower(line[i]);
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else
                break;
            if (size >> 60)
                return fail("a chunk size is too large");
            size = size * 16 + static_cast<std::uint64_t>(digit);
        }
        if (i == 0 || (i < len && line[i] != ';' && line[i] != ' ' && line[i] != '\t'))
            return fail("a chunk size is not hexadecimal");
        if (size == 0) {
            m_state = State::Trailer;
        } else {
            m_remaining = size;
            m_state = State::ChunkData;
        }
        return Outcome::NeedMore;
    }
    case State::ChunkEnd:
        if (len != 0)
            return fail("a chunk is longer than its size says");
        m_state = State::ChunkSize;
        return Outcome::NeedMore;
    case State::Trailer:
        if (len == 0)
            m_state = State::Done;
        return Outcome::NeedMore;
    default:
        return Outcome::NeedMore;
    }
}

ResponseParser::Outcome ResponseParser::headersDone()
{
    if (m_status < 200 && m_status != 101) {
        m_state = State::StatusLine; // interim response: the final one follows
        return Outcome::NeedMore;
    }
    if (m_noBody || m_status == 204 || m_status == 304 || m_status == 101) {
        m_state = State::Done;
    } else if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_haveLength) {
        m_remaining = m_contentLength;
        m_state = m_remaining ? State::Body : State::Done;
    } else {
        m_state = State::UntilClose;
        m_keepAlive = false;
    }
    return Outcome::NeedMore;
}

ResponseParser::Outcome ResponseParser::finishOnClose()
{
    if (m_state == State::UntilClose) {
        m_state = State::Done;
        return Outcome::Complete;
    }
    if (m_state == State::Done)
        return Outcome::Complete;
    return fail(m_started ? "the server closed the connection in the middle of a response"
                          : "the server closed the connection without answering");
}

} // namespace Meshdeck::Perf
