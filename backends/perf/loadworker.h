#pragma once

#include "blockpool.h"
#include "histogram.h"
#include "loadreport.h"
#include "responseparser.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

typedef struct ssl_st SSL;
typedef struct ssl_session_st SSL_SESSION;
typedef struct nghttp2_session nghttp2_session;
typedef struct nghttp2_session_callbacks nghttp2_session_callbacks;

namespace Meshdeck::Perf {

struct EngineShared;

// One thread of the load engine: an epoll loop that owns its connections, its schedule and its
// histograms. Nothing here is touched by another thread until the worker has ended, except
// through EngineShared when it publishes.
class LoadWorker
{
public:
    LoadWorker(EngineShared &shared, int index, int connections, int maxConnections, double rate);
    ~LoadWorker();

    void run(); // the thread's body

    // Results; read after the thread has been joined.
    Histogram corrected;
    Histogram service;
    LoadCounters counters;
    std::map<FailureKind, std::string> failureExamples;
    std::map<int, std::string> grpcMessages; // the first grpc-message per status not OK
    double cpuSeconds = 0;
    int peakConnections = 0;
    std::uint64_t protocolAllocations = 0; // HTTP/2: heap blocks the sessions' pool took

    // TLS session resumption: the newest session this thread was given.
    void storeSession(SSL_SESSION *session);

    // The HTTP/2 session callbacks every worker's connections use (the caller owns them).
    static nghttp2_session_callbacks *http2Callbacks();

private:
    // Session: an HTTP/2 connection, whose streams carry the requests.
    enum class State { Closed, Connecting, Handshaking, Idle, Writing, Reading, Session };
    struct Conn;
    // One HTTP/2 request in flight; a connection has a fixed set of these.
    struct Stream
    {
        Conn *conn = nullptr;
        std::int32_t id = 0; // 0: free
        int status = 0; // :status
        int grpcStatus = -1; // gRPC: grpc-status from the trailers (or a trailers-only answer)
        std::string grpcMessage; // gRPC: grpc-message, decoded (errors only, in practice)
        std::uint32_t resetCode = 0; // the server's RST_STREAM code
        bool reset = false;
        bool timedOut = false; // cancelled by us after the request timeout; already counted
        std::size_t bodySent = 0; // request body bytes handed to the session
        std::uint64_t bodyBytes = 0; // response body bytes
        std::int64_t intendedNs = 0;
        std::int64_t sentNs = 0;
        std::int64_t deadlineNs = 0;
    };
    struct Conn
    {
        LoadWorker *worker = nullptr;
        int fd = -1;
        SSL *ssl = nullptr;
        State state = State::Closed;
        bool hasRequest = false; // a request is assigned (waiting to connect, sending or reading)
        bool reused = false; // answered at least one request on this connection
        bool resent = false;
        bool wantWrite = false; // EPOLLOUT registered
        std::size_t written = 0;
        std::int64_t intendedNs = 0;
        std::int64_t sentNs = 0;
        std::int64_t deadlineNs = 0;
        std::int64_t retryAtNs = 0; // closed loop: reconnect not before this (after a failure)
        std::int64_t backoffNs = 0;
        ResponseParser parser;

        // HTTP/2
        nghttp2_session *h2 = nullptr;
        std::vector<Stream> streams;
        int activeStreams = 0;
        bool goingAway = false; // the server sent GOAWAY: no new streams here
        std::uint32_t goawayCode = 0;
        std::int32_t goawayLastStream = 0; // streams above it were never processed
        bool settingsSeen = false; // the server's SETTINGS arrived: its stream limit is known
        bool firstRead = true; // nothing received yet (an HTTP/1.1 answer is recognised)
        std::string out; // bytes the session produced that the socket has not taken yet
        std::size_t outOffset = 0;
    };
    friend struct Http2Glue;

    void openConn(Conn &c, std::int64_t now);
    void closeConn(Conn &c);
    void onEvent(Conn &c, std::uint32_t events, std::int64_t now);
    void onConnected(Conn &c, std::int64_t now);
    void handshake(Conn &c, std::int64_t now);
    void sendRequest(Conn &c, std::int64_t now);
    void writeMore(Conn &c, std::int64_t now);
    void readResponse(Conn &c, std::int64_t now);
    // One read into m_buffer, TLS or not: data, nothing yet (a TLS write first may be wanted),
    // the peer closed (or reset) the connection, or the read failed (why says how).
    struct Received
    {
        enum Kind { Data, Again, Closed, Broken } kind = Again;
        std::size_t bytes = 0;
        std::string why;
    };
    Received receive(Conn &c);
    void onResponse(Conn &c, std::int64_t now);
    void fail(Conn &c, FailureKind kind, const std::string &detail, std::int64_t now);
    // Counts one failed request (and its example message); fail() also closes the connection.
    void countFailure(FailureKind kind, const std::string &detail, std::int64_t now);
    void requeue(std::int64_t intendedNs); // constant rate: due again first, keeping its time
    // A reused keep-alive connection the server closed before answering: the request is resent
    // once on a fresh connection (it keeps its intended time). False when that was done already.
    bool resendOnFreshConnection(Conn &c, std::int64_t now);
    void afterRequest(Conn &c, std::int64_t now); // the connection is free again
    void setWantWrite(Conn &c, bool on);
    void dispatch(std::int64_t intendedNs, std::int64_t now); // constant rate: a request is due
    void housekeeping(std::int64_t now);
    void publish(std::int64_t now, bool final);
    // grpcStatus: a gRPC call's status (-1: not gRPC); anything but OK (0) is an error.
    void record(std::int64_t correctedNs, std::int64_t serviceNs, int status, std::int64_t now,
                int grpcStatus = -1);
    [[nodiscard]] bool sending(std::int64_t now) const;
    [[nodiscard]] int inFlight() const;
    void armTimer(std::int64_t atNs);

    // HTTP/2 (loadworkerh2.cpp)
    void startSession(Conn &c, std::int64_t now);
    void sessionEvent(Conn &c, std::uint32_t events, std::int64_t now);
    void fillStreams(Conn &c, std::int64_t now); // start the requests this connection may carry
    bool submitStream(Conn &c, std::int64_t intendedNs, std::int64_t now);
    void flushSession(Conn &c, std::int64_t now);
    void onStreamClosed(Stream &s, std::uint32_t errorCode, std::int64_t now);
    // Counts the open streams as failed, closes the connection and reconnects as afterSession().
    void failSession(Conn &c, FailureKind kind, const std::string &detail, std::int64_t now);
    // A session ended (closed already): reconnect as the mode wants; a connection that never
    // answered is retried after a growing pause, as a failed connect is.
    void afterSession(Conn &c, bool answered, std::int64_t now);
    void expireStreams(Conn &c, std::int64_t now);
    [[nodiscard]] int streamLimit(const Conn &c) const;
    [[nodiscard]] bool dispatchHttp2(std::int64_t intendedNs, std::int64_t now);
    std::int64_t takeBacklog();

    EngineShared &m_shared;
    int m_index;
    int m_baseConnections;
    int m_maxConnections;
    bool m_rateMode;
    std::int64_t m_intervalNs = 0;
    std::int64_t m_nextDueNs = 0;
    int m_epoll = -1;
    int m_timer = -1;
    std::vector<Conn> m_conns;
    std::vector<int> m_idle; // constant rate: indexes of idle connections
    std::vector<std::int64_t> m_backlog; // constant rate: intended times waiting for a connection
    std::size_t m_backlogHead = 0;
    std::size_t m_backlogSize = 0;
    int m_open = 0;
    std::vector<char> m_buffer;
    BlockPool m_pool; // the HTTP/2 sessions' memory; outlives them (closed in the destructor)
    std::int64_t m_now = 0; // the time of the event being handled, for the HTTP/2 callbacks
    SSL_SESSION *m_session = nullptr;

    Histogram m_interval; // corrected latency since the last publish
    std::int64_t m_intervalSecond = 0;
    std::uint64_t m_intervalRequests = 0;
    std::uint64_t m_intervalErrors = 0;
    std::uint64_t m_publishedConnectFailures = 0;
    std::uint64_t m_publishedConnections = 0;
    std::int64_t m_nextPublishNs = 0;
    std::int64_t m_nextHousekeepingNs = 0;
};

} // namespace Meshdeck::Perf
