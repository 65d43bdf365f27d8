// Internal: the try/catch wall and argument helpers of the C ABI, shared by the source files of
// bindings/c (xxgk_c.cpp: reports; xxgk_portal_c.cpp: portal files). Defined in xxgk_c.cpp.
#ifndef XXGK_BINDINGS_C_WALL_HPP
#define XXGK_BINDINGS_C_WALL_HPP

#include "xxgk/xxgk.h"

#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

/// The findings of one validation (reports and portal files alike).
struct xxgk_issues {
    std::vector<xxgk::finding> findings;
    std::size_t errors = 0;
};

namespace xxgk_c {

/// Converts the exception being handled into a status and, when `err` is not NULL, an error
/// object in *err. Call only inside a catch block. Never throws.
xxgk_status current_exception(xxgk_error** err) noexcept;

/// The wall: runs `body`, turns every exception into a status and an error object.
template <class F>
xxgk_status guarded(xxgk_error** err, F&& body) noexcept {
    if (err) *err = nullptr;
    try {
        body();
        return XXGK_OK;
    } catch (...) {
        return current_exception(err);
    }
}

/// Fails the current call with `status` and `message`.
[[noreturn]] void fail(xxgk_status status, std::string message);

/// Fails with XXGK_E_INVALID_ARGUMENT when `p` is NULL.
void require_arg(const void* p, const char* name);

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
