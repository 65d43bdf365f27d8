// Private helper (not part of the API): keeps the caller's stack use independent of how deeply the
// input nests.
//
// Boost.JSON's parser and serializer recurse once per level of nesting (basic_parser::parse_value
// calls parse_array / parse_object, which call parse_value; the explicit stack of basic_parser only
// holds the state of a suspended incremental parse), and so do the destructor and copy of a
// boost::json::value. At the depth cap of 1000 that is about 330 KiB of stack for the parser alone,
// more than a 64 KiB or 128 KiB thread has. Input nested no deeper than `caller_stack_levels` is
// handled on the caller's stack (nearly every document: a report nests 5 levels); deeper input is
// handled on a worker thread whose stack the library allocates (own_stack_bytes), while the
// caller waits. docs/security.md, "Nesting depth".
#ifndef XXGK_DETAIL_STACK_HPP
#define XXGK_DETAIL_STACK_HPP

#include <cstddef>
#include <exception>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace xxgk::detail {

/// Levels of nesting handled on the caller's stack (the default max_depth).
inline constexpr std::size_t caller_stack_levels = 32;

/// The stack of the worker thread: ample for the depth cap of 1000 (also with sanitizers).
inline constexpr std::size_t own_stack_bytes = std::size_t(32) << 20;

/// True when arrays and objects in `json` nest deeper than `levels` (brackets inside strings do
/// not count; malformed text is scanned all the same). Linear, no allocation, no recursion; stops
/// at the first level past `levels`.
bool nested_deeper_than(std::string_view json, std::size_t levels) noexcept;

/// Runs body(arg) on a new thread with a stack of own_stack_bytes and waits for it. `body` must
/// not throw (on_own_stack catches for it). Throws xxgk::error (errc::limit_exceeded) when the
/// thread cannot be created.
void run_on_own_stack(void (*body)(void*) noexcept, void* arg);

/// Runs `f()` on a stack of its own and returns its result; an exception it throws is rethrown here.
template <class F>
auto on_own_stack(F&& f) -> decltype(f()) {
    using R = decltype(f());
    using Fn = std::remove_reference_t<F>;
    struct job {
        Fn* f;
        std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> result{};
        std::exception_ptr failure;
        static void run(void* p) noexcept {
            job& j = *static_cast<job*>(p);
            try {
                if constexpr (std::is_void_v<R>)
                    (*j.f)();
                else
                    j.result.emplace((*j.f)());
            } catch (...) {
                j.failure = std::current_exception();
            }
        }
    } j{&f, {}, {}};
    run_on_own_stack(&job::run, &j);
    if (j.failure) std::rethrow_exception(j.failure);
    if constexpr (!std::is_void_v<R>) return std::move(*j.result);
}

/// `f()` on the caller's stack when `json` nests at most caller_stack_levels deep or `max_depth`
/// (the parser's limit) stops it there anyway; on a stack of its own otherwise.
template <class F>
auto with_bounded_stack(std::string_view json, std::size_t max_depth, F&& f) -> decltype(f()) {
    if (max_depth > caller_stack_levels && nested_deeper_than(json, caller_stack_levels)) return on_own_stack(f);
    return f();
}

}  // namespace xxgk::detail

#endif
