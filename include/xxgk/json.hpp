// xxgk — the canonical JSON codec (docs/json-format.md).
#ifndef XXGK_JSON_HPP
#define XXGK_JSON_HPP

#include <xxgk/error.hpp>
#include <xxgk/report.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// How `decode_json` treats its input.
struct decode_options {
    /// Strict (default): a member the model does not have is an error. Lax: it is kept in
    /// `report::unknown_members` and written back by `to_json`, so nothing read is lost.
    bool strict = true;
    /// Inputs larger than this many bytes are refused with `errc::limit_exceeded`.
    std::size_t max_input_bytes = std::size_t{64} << 20;
    /// Deepest nesting of arrays and objects accepted (the canonical form needs 5). Values above
    /// `max_depth_cap` act as `max_depth_cap`: the parser recurses once per level, and the stack
    /// of a host's thread is not ours to exhaust.
    std::size_t max_depth = 32;
    static constexpr std::size_t max_depth_cap = 1000;
    /// Longest string accepted, member names included, in bytes of UTF-8 after unescaping. A longer
    /// one stops decoding with one `errc::limit_exceeded` problem at its JSON Pointer (for a member
    /// name: the pointer of its object) and the offset where the limit was crossed.
    std::size_t max_string_bytes = std::size_t{1} << 20;
    /// Most problems reported. Past it, problems are no longer collected and one last
    /// `errc::limit_exceeded` problem (pointer "") says that the list was cut; the kept problems
    /// are those found first. Bounds the memory a hostile input can make the report of problems take.
    std::size_t max_problems = 1000;
};

/// The outcome of `decode_json`: a report when the input had no problem, and every problem
/// otherwise (each with its JSON Pointer, and line/column/offset for syntax errors).
struct decode_result {
    std::optional<report> value;    ///< present exactly when `problems` is empty
    std::vector<problem> problems;  ///< in document order
    bool ok() const noexcept { return problems.empty(); }
};

/// Decodes canonical JSON. Never throws for bad input (only std::bad_alloc): every problem is
/// reported in the result, and decoding continues past each one to find the rest.
decode_result decode_json(std::string_view json, const decode_options& options = {});

/// Decodes canonical JSON. Throws `decode_error` carrying every problem.
report load_json(std::string_view json, const decode_options& options = {});

/// Reads a file (`read_file` with `options.max_input_bytes`) and decodes it. Throws `decode_error`
/// (with errc::io_error when the file cannot be read, errc::limit_exceeded when it is larger).
report load_json_file(const std::string& path, const decode_options& options = {});

/// Encodes a report as canonical JSON: compact, members in description order, deterministic,
/// so that to_json(load_json(to_json(r))) == to_json(r). Does not throw except std::bad_alloc.
std::string to_json(const report& r);

/// Reads a whole regular file into a string, of any size: `read_file(path, SIZE_MAX)`.
std::string read_file(const std::string& path);

/// Reads a whole file of at most `max_bytes` into a string, without reading more than
/// `max_bytes + 1` bytes whatever the file is; the one file reader of every face (the CLI, the
/// C ABI's `_from_file` functions, Python). Only regular files are read (symbolic links to them
/// included): a directory, a device (`/dev/zero`), a FIFO or a socket is refused before anything is
/// read, with `file_error` (errc::io_error) naming the path and what it is; so is a file that
/// cannot be opened (the system's reason in `file_error::reason()`). A file larger than `max_bytes`
/// throws `error` with errc::limit_exceeded and its size, before a byte is read (or "more than N
/// bytes" when it grew, or said 0 bytes, as files of /proc do).
std::string read_file(const std::string& path, std::size_t max_bytes);

/// Writes `text` to the file `path` atomically: into a temporary file in the same directory
/// (".NAME.xxgk-XXXXXX.tmp"), synced to disk when it replaces a file, then renamed over `path`, so that `path` holds
/// either its old content (or nothing, if it did not exist) or all of `text`, never a part, even
/// when the disk fills up, a file-size limit is hit or the process is killed (a kill may leave the
/// temporary file behind). On failure the temporary file is removed and `file_error`
/// (errc::io_error) names the path and the reason. A symbolic link stays and the file it names is
/// replaced, keeping its permissions; a path that is not a regular file (a terminal, a FIFO,
/// /dev/null) is written in place. The writer of every output of the `xxgk` command.
void write_file(const std::string& path, std::string_view text);

}  // namespace xxgk

#endif
