#include "httpengine.h"

#include "curltransfer.h"

#include <condition_variable>
#include <unordered_map>

namespace Meshdeck {

struct HttpEngine::Pending
{
    std::unique_ptr<CurlTransfer> transfer;
    Completion onDone;
};

HttpEngine::HttpEngine()
{
    HttpTransport::globalInit();
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    m_multi = multi;
    m_thread = std::thread([this] { run(); });
}

HttpEngine::~HttpEngine()
{
    m_stop = true;
    wake();
    if (m_thread.joinable())
        m_thread.join();
    curl_multi_cleanup(static_cast<CURLM *>(m_multi));
}

void HttpEngine::wake()
{
    curl_multi_wakeup(static_cast<CURLM *>(m_multi));
}

CancelToken HttpEngine::start(const HttpRequest &request, Completion onDone,
                              HttpTransport::BodyHandler onBody)
{
    CancelToken token;
    auto pending = std::make_unique<Pending>();
    pending->transfer = std::make_unique<CurlTransfer>(request, token, std::move(onBody));
    pending->onDone = std::move(onDone);
    {
        std::lock_guard lock(m_mutex);
        m_incoming.push_back(std::move(pending));
    }
    ++m_active;
    wake();
    return token;
}

Result<HttpResponse> HttpEngine::perform(const HttpRequest &request, const CancelToken &cancel,
                                         HttpTransport::BodyHandler onBody)
{
    std::mutex mutex;
    std::condition_variable done;
    std::optional<Result<HttpResponse>> result;
    const CancelToken token = start(
        request,
        [&](Result<HttpResponse> r) {
            std::lock_guard lock(mutex);
            result.emplace(std::move(r));
            done.notify_one();
        },
        std::move(onBody));
    std::unique_lock lock(mutex);
    while (!result) {
        done.wait_for(lock, std::chrono::milliseconds(50));
        if (cancel.isCancelled())
            token.cancel();
    }
    return std::move(*result);
}

void HttpEngine::run()
{
    auto *multi = static_cast<CURLM *>(m_multi);
    std::unordered_map<CURL *, std::unique_ptr<Pending>> running;
    auto complete = [this](std::unique_ptr<Pending> p, Result<HttpResponse> r) {
        p->onDone(std::move(r));
        --m_active;
    };
    while (true) {
        std::deque<std::unique_ptr<Pending>> incoming;
        {
            std::lock_guard lock(m_mutex);
            incoming.swap(m_incoming);
        }
        for (auto &p : incoming) {
            const VoidResult prepared = p->transfer->prepare();
            if (!prepared.ok()) {
                complete(std::move(p), Unexpected(prepared.error()));
                continue;
            }
            curl_multi_add_handle(multi, p->transfer->handle());
            running.emplace(p->transfer->handle(), std::move(p));
        }
        if (m_stop) {
            for (auto &[easy, p] : running) {
                curl_multi_remove_handle(multi, easy);
                auto r = p->transfer->finish(CURLE_ABORTED_BY_CALLBACK, true);
                complete(std::move(p), std::move(r));
            }
            return;
        }
        int stillRunning = 0;
        curl_multi_perform(multi, &stillRunning);
        int queued = 0;
        while (CURLMsg *msg = curl_multi_info_read(multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            auto it = running.find(msg->easy_handle);
            if (it == running.end())
                continue;
            curl_multi_remove_handle(multi, it->first);
            auto p = std::move(it->second);
            running.erase(it);
            auto r = p->transfer->finish(msg->data.result, false);
            complete(std::move(p), std::move(r));
        }
        for (auto it = running.begin(); it != running.end();) {
            if (it->second->transfer->cancelToken().isCancelled()) {
                curl_multi_remove_handle(multi, it->first);
                auto p = std::move(it->second);
                it = running.erase(it);
                auto r = p->transfer->finish(CURLE_ABORTED_BY_CALLBACK, true);
                complete(std::move(p), std::move(r));
            } else {
                ++it;
            }
        }
        curl_multi_poll(multi, nullptr, 0, 50, nullptr);
    }
}

} // namespace Meshdeck
