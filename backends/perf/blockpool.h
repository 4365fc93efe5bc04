#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <nghttp2/nghttp2.h>

namespace Meshdeck::Perf {

// Free lists by size class for one worker thread's HTTP/2 sessions. nghttp2 takes and gives back
// the same few block sizes for every request (the stream, its copy of the header list, frame
// items, HPACK buffers); once the first requests have been made every block comes from here,
// so the hot path does not go to the heap. Not thread-safe: one per worker.
class BlockPool
{
public:
    BlockPool();
    ~BlockPool();
    BlockPool(const BlockPool &) = delete;
    BlockPool &operator=(const BlockPool &) = delete;

    void *allocate(std::size_t size);
    void release(void *block);
    void *reallocate(void *block, std::size_t size);
    // What nghttp2 is given (nghttp2_session_client_new3).
    [[nodiscard]] nghttp2_mem *forNghttp2() { return &m_mem; }
    // Blocks taken from the heap so far: bounded by what is in flight at once, not by requests.
    [[nodiscard]] std::uint64_t heapAllocations() const { return m_heap; }

private:
    static constexpr std::uint32_t Classes = 20; // 16 B to 8 MiB; larger blocks are not kept
    static constexpr std::uint32_t Unpooled = ~0U;
    std::vector<void *> m_free[Classes];
    std::uint64_t m_heap = 0;
    nghttp2_mem m_mem {};
};

} // namespace Meshdeck::Perf
