// Internal to the C ABI: the opaque handles, the try/catch wall and the argument helpers, shared
// by the sources of bindings/c (xxgk_c.cpp: reports; xxgk_portal_c.cpp: portal files;
// xxgk_multi_c.cpp: many reports). Not installed; hosts include only xxgk.h.
#ifndef XXGK_BINDINGS_C_WALL_HPP
#define XXGK_BINDINGS_C_WALL_HPP

#include "xxgk/xxgk.h"

#include <xxgk/xxgk.hpp>
#include <xxgk/detail/stack.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---------------------------------------------------------------------------------------------
// Handle tags (docs/c-api.md, "Misuse")
//
// Every handle begins with a tag word: "XXGK" and its kind while it is live, "DEAD" and its kind
// once freed. Every function checks the tag on entry, so a freed handle or a handle of another
// kind is XXGK_E_MISUSE instead of a crash. A freed handle's content is released at once, but its
// small shell (the tag and a pointer or two) stays allocated in a quarantine of the last
// `quarantine_size` freed handles before it is really deleted: within that window a double free
// or a use after free reads live memory and is detected (also under AddressSanitizer and
// valgrind, which never see freed memory touched); beyond it the shell may be reused by the
// allocator and the behaviour is undefined.
//
// Buffers (xxgk_free) carry no tag: the library keeps the set of buffers it handed out, and
// xxgk_free releases only a member of that set, so a static string, a borrowed string, a pointer
// of the host's own or a buffer freed twice is detected without touching its memory.

namespace xxgk_c {

enum class handle_kind : std::uint32_t { report = 1, issues = 2, error = 3, portal = 4, sources = 5 };

inline constexpr std::uint64_t live_prefix = 0x4b475858u;   // "XXGK"
inline constexpr std::uint64_t freed_prefix = 0x44414544u;  // "DEAD"
inline constexpr std::uint64_t live_tag(handle_kind k) { return live_prefix << 32 | static_cast<std::uint32_t>(k); }
inline constexpr std::uint64_t freed_tag(handle_kind k) { return freed_prefix << 32 | static_cast<std::uint32_t>(k); }

/// The C name of a handle kind, for messages.
inline const char* kind_name(std::uint32_t k) noexcept {
    switch (k) {
        case 1: return "xxgk_report";
        case 2: return "xxgk_issues";
        case 3: return "xxgk_error";
        case 4: return "xxgk_portal";
        case 5: return "xxgk_sources";
        default: return "handle";
    }
}

/// The first member of every handle.
struct handle_tag {
    std::uint64_t word;
};

/// How many freed handle shells are kept before they are really deleted.
inline constexpr std::size_t quarantine_size = 1024;

/// Keeps the shell of a freed handle (tag already marked freed, content released) and deletes
/// with `destroy` the shell freed `quarantine_size` handles ago. Thread-safe; never throws.
void quarantine(void* shell, void (*destroy)(void*)) noexcept;

/// Registers a buffer handed to the caller (released by xxgk_free). Throws std::bad_alloc.
void register_buffer(void* buffer);

}  // namespace xxgk_c

// ---------------------------------------------------------------------------------------------
// The opaque handles. The content of reports and portals is on the heap, so that a freed
// handle's shell is small.

struct xxgk_report {
    explicit xxgk_report(xxgk::report&& r) : owned(std::make_unique<xxgk::report>(std::move(r))), value(*owned) {}
    explicit xxgk_report(const xxgk::report& r) : owned(std::make_unique<xxgk::report>(r)), value(*owned) {}
    xxgk_report(const xxgk_report&) = delete;
    xxgk_report& operator=(const xxgk_report&) = delete;
    void release() noexcept { owned.reset(); }

    xxgk_c::handle_tag tag{xxgk_c::live_tag(xxgk_c::handle_kind::report)};
    std::unique_ptr<xxgk::report> owned;
    xxgk::report& value;
};

struct xxgk_portal {
    explicit xxgk_portal(xxgk::portal&& p) : owned(std::make_unique<xxgk::portal>(std::move(p))), value(*owned) {}
    xxgk_portal(const xxgk_portal&) = delete;
    xxgk_portal& operator=(const xxgk_portal&) = delete;
    void release() noexcept { owned.reset(); }

    xxgk_c::handle_tag tag{xxgk_c::live_tag(xxgk_c::handle_kind::portal)};
    std::unique_ptr<xxgk::portal> owned;
    xxgk::portal& value;
};

struct xxgk_issues {
    void release() noexcept { std::vector<xxgk::finding>().swap(findings); }

    xxgk_c::handle_tag tag{xxgk_c::live_tag(xxgk_c::handle_kind::issues)};
    std::vector<xxgk::finding> findings;
    std::size_t errors = 0;
};

struct xxgk_sources {
    void release() noexcept { std::vector<xxgk::cell_sources>().swap(cells); }

    xxgk_c::handle_tag tag{xxgk_c::live_tag(xxgk_c::handle_kind::sources)};
    std::vector<xxgk::cell_sources> cells;
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
    void release() noexcept {
        std::string().swap(message);
        std::string().swap(location);
        std::vector<item>().swap(problems);
    }

    xxgk_c::handle_tag tag{xxgk_c::live_tag(xxgk_c::handle_kind::error)};
    xxgk_status status = XXGK_E_INTERNAL;
    std::string message;
    std::string location;
    std::size_t offset = XXGK_NO_OFFSET;
    std::size_t line = 0;
    std::size_t column = 0;
    std::vector<item> problems;  ///< every decoding problem; empty: the error is its only problem
};

namespace xxgk_c {

template <class T>
struct handle_kind_of;
template <>
struct handle_kind_of<xxgk_report> {
    static constexpr handle_kind value = handle_kind::report;
};
template <>
struct handle_kind_of<xxgk_issues> {
    static constexpr handle_kind value = handle_kind::issues;
};
template <>
struct handle_kind_of<xxgk_error> {
    static constexpr handle_kind value = handle_kind::error;
};
template <>
struct handle_kind_of<xxgk_portal> {
    static constexpr handle_kind value = handle_kind::portal;
};
template <>
struct handle_kind_of<xxgk_sources> {
    static constexpr handle_kind value = handle_kind::sources;
};

template <class T, class = void>
struct is_handle : std::false_type {};
template <class T>
struct is_handle<T, std::void_t<decltype(handle_kind_of<T>::value)>> : std::true_type {};

/// The tag word at `p` (0 when `p` is not aligned as a handle is: then it is none). Reads 8 bytes
/// that may belong to anything the caller passed — a buffer, a string, another handle — on
/// purpose, so AddressSanitizer does not instrument this one load.
#if defined(__clang__) || defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
inline std::uint64_t
tag_word_at(const void* p) noexcept {
    if (reinterpret_cast<std::uintptr_t>(p) % alignof(handle_tag) != 0) return 0;
#if defined(__clang__) || defined(__GNUC__)
    typedef std::uint64_t __attribute__((may_alias)) aliased_word;
    return *static_cast<const volatile aliased_word*>(p);
#else
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
#endif
}

/// True when `h` is a live handle of its type (false for NULL).
template <class T>
bool live(const T* h) noexcept {
    return h && tag_word_at(h) == live_tag(handle_kind_of<T>::value);
}

/// Why `h` (not NULL) is not a live handle of type T, for the message of XXGK_E_MISUSE.
template <class T>
std::string misuse_message(const T* h, const char* name) {
    const std::uint64_t w = tag_word_at(h);
    const char* expected = kind_name(static_cast<std::uint32_t>(handle_kind_of<T>::value));
    const std::uint32_t kind = static_cast<std::uint32_t>(w);
    std::string m = std::string("argument '") + name + "' is ";
    if (w == freed_tag(handle_kind_of<T>::value))
        return m + "an " + expected + " that was already freed (used after its _free function)";
    if ((w >> 32) == live_prefix && kind >= 1 && kind <= 5) return m + "an " + kind_name(kind) + ", not an " + expected;
    if ((w >> 32) == freed_prefix && kind >= 1 && kind <= 5)
        return m + "a freed " + kind_name(kind) + ", not an " + expected;
    return m + "not an " + expected + " handle (a pointer of another kind, or a handle freed long ago)";
}

/// Releases a handle: its content at once, its shell through the quarantine. A NULL, freed or
/// other handle is left alone (the _free functions return nothing: misuse is ignored).
template <class T>
void retire(T* h) noexcept {
    if (!live(h)) return;
    h->release();
    h->tag.word = freed_tag(handle_kind_of<T>::value);
    quarantine(h, [](void* p) { delete static_cast<T*>(p); });
}

}  // namespace xxgk_c

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
        e.message +=
            " (and " + std::to_string(problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")";
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
        // Messages are read as C strings: a NUL quoted from the input is written \u0000.
        e.message = xxgk::detail::escape_nul(std::move(e.message));
        for (xxgk_error::item& p : e.problems) p.message = xxgk::detail::escape_nul(std::move(p.message));
        *err = new xxgk_error(std::move(e));
        return status;
    } catch (...) {
        *err = &out_of_memory_error;
        return XXGK_E_NO_MEMORY;
    }
}

inline xxgk_status deliver(xxgk_error** err, xxgk_status status, const char* message,
                           std::string_view location = {}) noexcept {
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

/// Fails with XXGK_E_INVALID_ARGUMENT for NULL, and — for a handle — with XXGK_E_MISUSE when
/// it is not a live handle of its type.
template <class T>
void require(const T* p, const char* name) {
    if (!p) fail(XXGK_E_INVALID_ARGUMENT, std::string("argument '") + name + "' must not be NULL");
    if constexpr (is_handle<T>::value)
        if (!live(p)) fail(XXGK_E_MISUSE, misuse_message(p, name));
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
