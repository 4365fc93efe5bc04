#pragma once

#include "eventhttp.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

typedef struct nghttp2_session nghttp2_session;

namespace Meshdeck::Demo {

// The server side of one HTTP/2 connection (h2c with prior knowledge, as Envoy's listeners
// accept it on the same port as HTTP/1.1), on nghttp2's server session: frames in, requests out
// as HttpExchanges, their replies framed back. Streams are answered in any order, each when its
// handler replies. The socket stays the owner's: receive() takes what it read, take() gives what
// to write.
class Http2ServerSession
{
public:
    // A request arrived whole (headers and body); `stream` is what respond() wants back.
    using Dispatch = std::function<void(const HttpExchangePtr &exchange, std::int32_t stream)>;

    explicit Http2ServerSession(Dispatch dispatch);
    ~Http2ServerSession();
    Http2ServerSession(const Http2ServerSession &) = delete;
    Http2ServerSession &operator=(const Http2ServerSession &) = delete;

    // True when a connection's first bytes are HTTP/2's client preface ("PRI * HTTP/2.0").
    [[nodiscard]] static bool startsWithPreface(std::string_view data);

    bool receive(const char *data, std::size_t size); // false: a protocol error; close
    // Answers a stream; trailers (gRPC's grpc-status) follow the body when given. A stream the
    // client has reset is left alone.
    void respond(std::int32_t stream, int status, std::string_view contentType,
                 std::string_view body, const HttpHeaderList &extra, bool head,
                 const HttpHeaderList &trailers = {});
    bool take(std::string &out); // appends the frames to send; false: a protocol error
    [[nodiscard]] bool finished() const; // neither side wants more: close the connection
    [[nodiscard]] long long footprint() const; // bytes held for streams in flight

private:
    struct Stream
    {
        HttpExchangePtr exchange;
        std::string body; // the response body, sent from here
        std::size_t sent = 0;
        HttpHeaderList trailers;
    };
    friend struct Http2ServerGlue;

    nghttp2_session *m_session = nullptr;
    Dispatch m_dispatch;
    std::map<std::int32_t, Stream> m_streams;
};

} // namespace Meshdeck::Demo
