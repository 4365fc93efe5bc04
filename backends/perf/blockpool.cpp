#include "blockpool.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace Meshdeck::Perf {

namespace {

// In front of every block: its size class and size. 16 bytes keep malloc's alignment.
struct alignas(16) Header
{
    std::uint32_t sizeClass;
    std::size_t size;
};
static_assert(sizeof(Header) == 16);

Header *headerOf(void *block)
{
    return static_cast<Header *>(block) - 1;
}

} // namespace

BlockPool::BlockPool()
{
    m_mem.mem_user_data = this;
    m_mem.malloc = [](std::size_t size, void *pool) {
        return static_cast<BlockPool *>(pool)->allocate(size);
    };
    m_mem.free = [](void *block, void *pool) {
        static_cast<BlockPool *>(pool)->release(block);
    };
    m_mem.calloc = [](std::size_t count, std::size_t size, void *pool) {
        void *block = static_cast<BlockPool *>(pool)->allocate(count * size);
        if (block)
            std::memset(block, 0, count * size);
        return block;
    };
    m_mem.realloc = [](void *block, std::size_t size, void *pool) {
        return static_cast<BlockPool *>(pool)->reallocate(block, size);
    };
}

BlockPool::~BlockPool()
{
    for (auto &list : m_free) {
        for (void *block : list)
            std::free(headerOf(block));
    }
}

void *BlockPool::allocate(std::size_t size)
{
    std::uint32_t sizeClass = 0;
    while (sizeClass < Classes && (std::size_t {16} << sizeClass) < size)
        ++sizeClass;
    if (sizeClass < Classes && !m_free[sizeClass].empty()) {
        void *block = m_free[sizeClass].back();
        m_free[sizeClass].pop_back();
        headerOf(block)->size = size;
        return block;
    }
    const std::size_t capacity = sizeClass < Classes ? std::size_t {16} << sizeClass : size;
    auto *header = static_cast<Header *>(std::malloc(sizeof(Header) + capacity));
    if (!header)
        return nullptr;
    ++m_heap;
    header->sizeClass = sizeClass < Classes ? sizeClass : Unpooled;
    header->size = size;
    return header + 1;
}

void BlockPool::release(void *block)
{
    if (!block)
        return;
    Header *header = headerOf(block);
    if (header->sizeClass == Unpooled) {
        std::free(header);
        return;
    }
    m_free[header->sizeClass].push_back(block);
}

void *BlockPool::reallocate(void *block, std::size_t size)
{
    if (!block)
        return allocate(size);
    Header *header = headerOf(block);
    if (header->sizeClass != Unpooled && size <= (std::size_t {16} << header->sizeClass)) {
        header->size = size;
        return block; // still fits its class
    }
    void *bigger = allocate(size);
    if (!bigger)
        return nullptr;
    std::memcpy(bigger, block, std::min(header->size, size));
    release(block);
    return bigger;
}

} // namespace Meshdeck::Perf
