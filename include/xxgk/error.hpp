// xxgk — errors: what went wrong and where.
#ifndef XXGK_ERROR_HPP
#define XXGK_ERROR_HPP

#include <boost/describe/enum.hpp>
#include <boost/describe/class.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace xxgk {

/// Why an input could not be read or an operation was refused. Stable: never renumbered.
enum class errc : int {
    invalid_json = 1,       ///< not well-formed JSON (or invalid UTF-8 inside a string)
    wrong_type = 2,         ///< a member has the wrong JSON type
    missing_member = 3,     ///< a required member is absent
    unknown_member = 4,     ///< a member the model does not have (strict mode)
    out_of_range = 5,       ///< a number beyond what the member admits
    invalid_value = 6,      ///< a malformed date, decimal, enum name, …
    wrong_format = 7,       ///< a row or cell that exists only in the other format version
    unknown_key = 8,        ///< a cell key that is not a cell of the report's format
    limit_exceeded = 9,     ///< input larger or deeper than the configured limits
    io_error = 10,          ///< a file could not be read or written
    duplicate_member = 11,  ///< a member name repeated within one JSON object (a parser would keep only one)
    no_text_layer = 12,     ///< a PDF with no text to read: a scan or pictures of the pages (needs OCR)
    encrypted = 13,         ///< a password-protected PDF or Word file
    unsupported_kind = 14,  ///< a kind of file the importer does not read (legacy .doc/.wps, a spreadsheet, …);
                            ///< the message names the conversion that makes it readable
    unavailable = 15,       ///< a feature left out of this build (HTML, PDF or Word import built with
                            ///< XXGK_WITH_HTML/PDF/WORD=OFF, as in the WebAssembly build); the message names it
};
BOOST_DESCRIBE_ENUM(errc, invalid_json, wrong_type, missing_member, unknown_member, out_of_range, invalid_value,
                    wrong_format, unknown_key, limit_exceeded, io_error, duplicate_member, no_text_layer, encrypted,
                    unsupported_kind, unavailable)

/// One problem found while reading input, with its location.
struct problem {
    errc code = errc::invalid_json;
    std::string pointer;                ///< JSON Pointer of the offending value ("" = the document)
    std::string message;                ///< what was expected and what was found (English)
    std::optional<std::size_t> offset;  ///< byte offset in the input, when known
    std::optional<std::size_t> line;    ///< 1-based line, when known
    std::optional<std::size_t> column;  ///< 1-based column in characters, when known
};
BOOST_DESCRIBE_STRUCT(problem, (), (code, pointer, message, offset, line, column))

namespace detail {
/// `message` with every NUL written as the six characters `\u0000`: what() is a C string, and a
/// NUL quoted from the input (a member name, a body) would cut every message that quotes it.
inline std::string escape_nul(std::string message) {
    for (std::size_t at = message.find('\0'); at != std::string::npos; at = message.find('\0', at + 6))
        message.replace(at, 1, "\\u0000");
    return message;
}
}  // namespace detail

/// Base of every exception xxgk throws. A NUL in the message is written `\u0000` (what() is a C
/// string), so that what() is the whole message.
class error : public std::runtime_error {
public:
    error(errc code, const std::string& message) : std::runtime_error(detail::escape_nul(message)), code_(code) {}
    errc code() const noexcept { return code_; }

private:
    errc code_;
};

/// Thrown by `load_json` when the input has problems; carries every one of them.
class decode_error : public error {
public:
    explicit decode_error(std::vector<problem> problems);
    const std::vector<problem>& problems() const noexcept { return problems_; }

private:
    std::vector<problem> problems_;
};

/// Thrown when a cell key is not a cell of the report's format.
class key_error : public error {
public:
    key_error(std::string key, const std::string& message) : error(errc::unknown_key, message), key_(std::move(key)) {}
    const std::string& key() const noexcept { return key_; }

private:
    std::string key_;
};

/// Thrown when reports cannot be combined (aggregate.hpp, series.hpp): reports of different
/// formats (`errc::wrong_format`), of different years or bodies, duplicate years, or an empty
/// list (`errc::invalid_value`). The message names the offending report by its position, body
/// and year; `index()` is that position in the list passed in.
class incompatible_reports_error : public error {
public:
    incompatible_reports_error(errc code, std::size_t index, const std::string& message)
        : error(code, message), index_(index) {}
    std::size_t index() const noexcept { return index_; }

private:
    std::size_t index_;
};

/// Thrown with errc::io_error by the functions that read and write files (`read_file`,
/// `write_file`, the corpus writer): the path, and why when the operating system said why
/// (`reason()` is then in std::generic_category(), an errno value: ENOENT, EACCES, EISDIR, EFBIG,
/// ENOSPC, …; EINVAL for a device, FIFO or socket refused by `read_file`).
class file_error : public error {
public:
    file_error(std::string path, std::error_code reason, const std::string& message)
        : error(errc::io_error, message), path_(std::move(path)), reason_(reason) {}
    const std::string& path() const noexcept { return path_; }
    std::error_code reason() const noexcept { return reason_; }

private:
    std::string path_;
    std::error_code reason_;
};

/// The name of an error code: "invalid_json", "wrong_type", …
const char* to_string(errc code) noexcept;

}  // namespace xxgk

#endif
