// xxgk — JSON Pointers (RFC 6901) into a report: read and replace any part of the model by the
// pointer of its canonical JSON ("/header/body", "/requests/granted/natural_person",
// "/overview/subsections/0/title"), working on the model itself.
//
// What a pointer may name is the model's description (Boost.Describe): the same members as the
// canonical JSON (docs/json-format.md). The C ABI (xxgk_report_get_json/set_json,
// xxgk_field_get/set) and Python (Report.get_json/set_json) are thin wrappers of these.
#ifndef XXGK_POINTER_HPP
#define XXGK_POINTER_HPP

#include <xxgk/report.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// What a pointer names in the model: the JSON type of its value.
enum class member_kind : std::uint8_t {
    object,   ///< a described struct (the report, its header, a narrative section, …)
    array,    ///< a list (subsections, paragraphs, legal bases, …)
    string,   ///< text, a date, a decimal or an enum name: a JSON string
    integer,  ///< a JSON integer (the report year, …)
    boolean,  ///< a JSON true/false
    cell,     ///< a statistical cell (docs/json-format.md, "Cells")
};
BOOST_DESCRIBE_ENUM(member_kind, object, array, string, integer, boolean, cell)

/// The reference tokens of an RFC 6901 pointer, unescaped ("/a~1b/c" → {"a/b", "c"}; "" → {}).
/// Throws std::invalid_argument when the text is neither "" nor starts with "/", or holds a "~"
/// not followed by 0 or 1 (every function below throws it for such a pointer).
std::vector<std::string> parse_pointer(std::string_view pointer);

/// The pointer of `tokens`, escaped ("~" → "~0", "/" → "~1").
std::string make_pointer(const std::vector<std::string>& tokens);

/// What `pointer` names in the model of `r`'s format (an optional member the report leaves out
/// included; "/format", which the tables' type decides, is no member). Throws `decode_error` with one problem at `pointer`: errc::unknown_key when it names
/// nothing (the message says so for a pointer inside a cell: address the cell itself),
/// errc::wrong_format for a row or cell of the other format.
member_kind member_at(const report& r, std::string_view pointer);

/// The canonical JSON of the part of `r` at `pointer`: "" gives `to_json(r)`, "/format" the
/// format's string; "null" for an optional member, list or list element the report leaves out
/// (as the canonical JSON omits it). A pointer into a member kept by a lax decode
/// (`report::unknown_members`) gives that member's JSON. Throws like `member_at`.
std::string get_json(const report& r, std::string_view pointer);

/// Replaces the part of `r` at `pointer` with the value of `json`, decoded with every check of
/// `decode_json` (strict: a member the model does not have is an error). Missing enclosing
/// members are made (a list element may be appended at index size() or "-"). "" replaces the
/// whole report; "/format" accepts only the report's own format (convert with as_2019/as_2021);
/// "/processing_fees" of a 2019 report is errc::wrong_format, as in decode_json.
/// Members kept by a lax decode inside the replaced part are dropped with it. Throws
/// `decode_error` carrying every problem — pointers into the report, line and column into
/// `json` — and leaves `r` unchanged; the pointer's own errors as `member_at`, and
/// std::out_of_range for a list index past the end (past its size; size or "-" appends).
void set_json(report& r, std::string_view pointer, std::string_view json);

}  // namespace xxgk

#endif
