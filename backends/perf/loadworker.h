#pragma once

#include "histogram.h"
#include "loadreport.h"
#include "responseparser.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

typedef struct ssl_st SSL;
typedef struct ssl_session_st SSL_SESSION;

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
    double cpuSeconds = 0;
    int peakConnections = 0;

    // TLS session resumption: the newest session this thread was given.
    void storeSession(SSL_SESSION *session);

private:
    enum class State { Closed, Connecting, Handshaking, Idle, Writing, Reading };
    struct Conn
    {
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
    };

    void openConn(Conn &c, std::int64_t now);
    void closeConn(Conn &c);
    void onEvent(Conn &c, std::uint32_t events, std::int64_t now);
    void onConnected(Conn &c, std::int64_t now);
    void handshake(Conn &c, std::int64_t now);
    void sendRequest(Conn &c, std::int64_t now);
    void writeMore(Conn &c, std::int64_t now);
    void readResponse(Conn &c, std::int64_t now);
    void onResponse(Conn &c, std::int64_t now);
    void fail(Conn &c, FailureKind kind, const std::string &detail, std::int64_t now);
    // A reused keep-alive connection the server closed before answering: the request is resent
    // once on a fresh connection (it keeps its intended time). False when that was done already.
    bool resendOnFreshConnection(Conn &c, std::int64_t now);
    void afterRequest(Conn &c, std::int64_t now); // the connection is free again
    void setWantWrite(Conn &c, bool on);
    void dispatch(std::int64_t intendedNs, std::int64_t now); // constant rate: a request is due
    void housekeeping(std::int64_t now);
    void publish(std::int64_t now, bool final);
    void record(std::int64_t correctedNs, std::int64_t serviceNs, int status, std::int64_t now);
    [[nodiscard]] bool sending(std::int64_t now) const;
    [[nodiscard]] int inFlight() const;
    void armTimer(std::int64_t atNs);

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
