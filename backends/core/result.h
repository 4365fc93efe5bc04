#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace Meshdeck {

// Wraps an Error so that `return Unexpected(error);` converts to any Result<T>.
struct Unexpected
{
    explicit Unexpected(Error e)
        : error(std::move(e))
    {
    }
    Error error;
};

// A value or an Error, in the spirit of std::expected (C++23; we build as C++20). Errors are
// values: no exception crosses a thread or a slot. Reading value() of a failed Result is a
// programmer error and asserts in debug builds.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    {
    }
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Unexpected u)
        : m_data(std::in_place_index<1>, std::move(u.error))
    {
    }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T &value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] const T &value() const &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T &&value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_data));
    }
    [[nodiscard]] T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : fallback; }

    [[nodiscard]] const Error &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_data);
    }

    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Unexpected u)
        : m_error(std::move(u.error))
        , m_ok(false)
    {
    }

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    [[nodiscard]] const Error &error() const
    {
        Q_ASSERT(!m_ok);
        return m_error;
    }

private:
    Error m_error;
    bool m_ok = true;
};

using VoidResult = Result<void>;

} // namespace Meshdeck
