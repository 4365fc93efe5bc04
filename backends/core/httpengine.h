#pragma once

#include "canceltoken.h"
#include "httptransport.h"

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace Meshdeck {

class CurlTransfer;

// Many HTTP transfers at once on one thread of its own, through a libcurl multi handle: one
// connection pool, HTTP/2 multiplexing when the server offers it (a cluster's watches then share
// one connection), TLS sessions reused. start() is thread-safe; the callbacks run on the engine's
// thread and must only hand data on. A cancelled transfer ends within ~50 ms with a Cancelled
// error. The destructor cancels what is still running and waits for the thread.
class HttpEngine
{
public:
    using Completion = std::function<void(Result<HttpResponse>)>;

    HttpEngine();
    ~HttpEngine();
    HttpEngine(const HttpEngine &) = delete;
    HttpEngine &operator=(const HttpEngine &) = delete;

    // Starts a transfer. `onBody` (optional) receives the body as it streams; `onDone` is called
    // exactly once. Cancel with the returned token.
    CancelToken start(const HttpRequest &request, Completion onDone,
                      HttpTransport::BodyHandler onBody = {});
    // Blocks the calling (worker) thread until the transfer is done.
    [[nodiscard]] Result<HttpResponse> perform(const HttpRequest &request,
                                               const CancelToken &cancel = {},
                                               HttpTransport::BodyHandler onBody = {});
    [[nodiscard]] int activeTransfers() const { return m_active.load(); }

private:
    struct Pending;
    void run();
    void wake();

    void *m_multi = nullptr;
    std::mutex m_mutex;
    std::deque<std::unique_ptr<Pending>> m_incoming;
    std::atomic_bool m_stop {false};
    std::atomic_int m_active {0};
    std::thread m_thread;
};

} // namespace Meshdeck
