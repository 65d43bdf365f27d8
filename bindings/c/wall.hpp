// Internal to the C ABI: the opaque handles, the try/catch wall and the argument helpers, shared
// by the sources of bindings/c (xxgk_c.cpp: reports; xxgk_portal_c.cpp: portal files;
// xxgk_multi_c.cpp: many reports). Not installed; hosts include only xxgk.h.
#ifndef XXGK_BINDINGS_C_WALL_HPP
#define XXGK_BINDINGS_C_WALL_HPP

#include "xxgk/xxgk.h"

#include <xxgk/xxgk.hpp>
#include <xxgk/detail/stack.hpp>

#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---------------------------------------------------------------------------------------------
// The opaque handles

struct xxgk_report {
    xxgk::report value;
};

struct xxgk_issues {
    std::vector<xxgk::finding> findings;
    std::size_t errors = 0;
};

struct xxgk_error {
    struct item {
        xxgk_status status;
        std::string pointer;
        std::string message;
        std::size_t offset;
        std::size_t line;
        std::size_t column;
    };
    xxgk_status status = XXGK_E_INTERNAL;
    std::string message;
    std::string location;
    std::size_t offset = XXGK_NO_OFFSET;
    std::size_t line = 0;
    std::size_t column = 0;
    std::vector<item> problems;  ///< every decoding problem; empty: the error is its only problem
};

namespace xxgk_c {

// Handed out when not even an error object can be allocated. Never freed. "out of memory" fits
// the small-string buffer, so constructing it allocates nothing.
inline xxgk_error out_of_memory_error = [] {
    xxgk_error e;
    e.status = XXGK_E_NO_MEMORY;
    e.message = "out of memory";
    return e;
}();

// What the body of a call throws to fail with a status of the C ABI.
struct failure {
    xxgk_error error;
};

[[noreturn]] inline void fail(xxgk_status status, std::string message, std::string location = {},
                       std::size_t offset = XXGK_NO_OFFSET) {
    failure f;
    f.error.status = status;
    f.error.message = std::move(message);
    f.error.location = std::move(location);
    f.error.offset = offset;
    throw f;
}

inline xxgk_status status_of(xxgk::errc code) noexcept { return static_cast<xxgk_status>(code); }

// The problems of a decoding run as one error. `keep_positions`: offsets, lines and columns
// refer to text the caller gave (false when the library re-encoded the text itself).
inline xxgk_error error_from_problems(const std::vector<xxgk::problem>& problems, bool keep_positions) {
    xxgk_error e;
    if (problems.empty()) {
        e.status = XXGK_E_INTERNAL;
        e.message = "decoding failed without a reported problem";
        return e;
    }
    e.problems.reserve(problems.size());
    for (const xxgk::problem& p : problems) {
        xxgk_error::item it{status_of(p.code), p.pointer, p.message, XXGK_NO_OFFSET, 0, 0};
        if (keep_positions) {
            it.offset = p.offset.value_or(XXGK_NO_OFFSET);
            it.line = p.line.value_or(0);
            it.column = p.column.value_or(0);
        }
        e.problems.push_back(std::move(it));
    }
    const xxgk_error::item& first = e.problems.front();
    e.status = first.status;
    e.message = first.message;
    if (problems.size() > 1)
        e.message += " (and " + std::to_string(problems.size() - 1) + " more problem" +
                     (problems.size() > 2 ? "s" : "") + ")";
    e.location = first.pointer;
    e.offset = first.offset;
    e.line = first.line;
    e.column = first.column;
    return e;
}

// Stores an error in *err. Never throws: when the error cannot be allocated, *err receives the
// preallocated out-of-memory error and the status becomes XXGK_E_NO_MEMORY.
inline xxgk_status deliver(xxgk_error** err, xxgk_error&& e) noexcept {
    const xxgk_status status = e.status;
    if (!err) return status;
    try {
        *err = new xxgk_error(std::move(e));
        return status;
    } catch (...) {
        *err = &out_of_memory_error;
        return XXGK_E_NO_MEMORY;
    }
}

inline xxgk_status deliver(xxgk_error** err, xxgk_status status, const char* message, std::string_view location = {}) noexcept {
    if (!err) return status;
    try {
        xxgk_error e;
        e.status = status;
        e.message = message;
        e.location.assign(location.data(), location.size());
        return deliver(err, std::move(e));
    } catch (...) {
        *err = &out_of_memory_error;
        return XXGK_E_NO_MEMORY;
    }
}

// The wall: runs `body`, converts every exception into a status and an error object.
template <class F>
xxgk_status guarded(xxgk_error** err, F&& body) noexcept {
    if (err) *err = nullptr;
    try {
        body();
        return XXGK_OK;
    } catch (failure& f) {
        return deliver(err, std::move(f.error));
    } catch (const xxgk::decode_error& e) {
        try {
            return deliver(err, error_from_problems(e.problems(), true));
        } catch (...) {
            if (err) *err = &out_of_memory_error;
            return XXGK_E_NO_MEMORY;
        }
    } catch (const xxgk::key_error& e) {
        return deliver(err, XXGK_E_UNKNOWN_KEY, e.what(), e.key());
    } catch (const xxgk::error& e) {
        return deliver(err, status_of(e.code()), e.what());
    } catch (const std::bad_alloc&) {
        if (err) *err = &out_of_memory_error;
        return XXGK_E_NO_MEMORY;
    } catch (const std::exception& e) {
        return deliver(err, XXGK_E_INTERNAL, e.what());
    } catch (...) {
        return deliver(err, XXGK_E_INTERNAL, "unknown exception inside xxgk");
    }
}

// Runs `body` on a stack of its own when a member kept by lax decoding nests deeply: the
// functions that parse the library's own JSON of a report or portal recurse once per level
// (xxgk/detail/stack.hpp).
template <class F>
void with_stack_for(const std::vector<xxgk::unknown_member>& kept, F&& body) {
    for (const xxgk::unknown_member& u : kept)
        if (xxgk::detail::nested_deeper_than(u.json, xxgk::detail::caller_stack_levels / 2)) {
            xxgk::detail::on_own_stack(body);
            return;
        }
    body();
}

// ---------------------------------------------------------------------------------------------
// Arguments

template <class T>
void require(const T* p, const char* name) {
    if (!p) fail(XXGK_E_INVALID_ARGUMENT, std::string("argument '") + name + "' must not be NULL");
}

template <class T>
void clear_out(T** out) noexcept {
    if (out) *out = nullptr;
}
inline void clear_len(std::size_t* len) noexcept {
    if (len) *len = 0;
}

// ---------------------------------------------------------------------------------------------
// Argument and result helpers (defined in xxgk_c.cpp)

/// Fails with XXGK_E_INVALID_ARGUMENT when a length is beyond any object (above PTRDIFF_MAX).
void check_length(std::size_t len, const char* name);

/// Fails with XXGK_E_INVALID_ARGUMENT for an options struct whose version is 0 (not initialised)
/// or newer than this library; `init` names the initialiser macro in the message.
void check_struct_version(unsigned int version, unsigned int current, const char* name, const char* init);

/// Fails with XXGK_E_LIMIT_EXCEEDED when an input of `size` bytes is over `limit`.
void check_limit(std::size_t size, std::size_t limit);

/// Load options (NULL: defaults), checked as every load function checks them.
xxgk::decode_options decode_options_arg(const xxgk_load_options* o);

/// A JSON text argument: not NULL, within `max_input_bytes`, valid UTF-8 (the error has its position).
std::string_view json_arg(const char* json, std::size_t json_len, const xxgk::decode_options& o);

/// The text of file `path`, within `max_input_bytes`.
std::string file_arg(const char* path, const xxgk::decode_options& o);

/// Fails with the problems of a decoding run (every problem kept in the error object).
[[noreturn]] void fail_with(const std::vector<xxgk::problem>& problems);

/// Validation options (NULL: defaults).
xxgk::validate_options validate_options_arg(const xxgk_validate_options* o);

/// Render options (NULL: defaults); `standalone` set from `what` by the caller.
xxgk::render_options render_options_arg(const xxgk_render_options* o);

/// Copies `s` into a buffer the caller releases with xxgk_free; NUL-terminated.
void copy_out(std::string_view s, char** out, std::size_t* out_len);

/// Table `index` of `tables` into *name (when `name` is not NULL) and *csv, both released with
/// xxgk_free; XXGK_E_NOT_FOUND past the last table. Nothing is left allocated on failure.
void csv_table_out(const std::vector<xxgk::csv_table>& tables, std::size_t index, char** name, std::size_t* name_len,
                   char** csv, std::size_t* csv_len);

}  // namespace xxgk_c

#endif
