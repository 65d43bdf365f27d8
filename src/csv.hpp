// Internal: CSV fields, the one way every CSV of xxgk is written (reports, cells, portal files,
// corpus runs, fault manifests): RFC 4180 quoting plus formula neutralisation.
#ifndef XXGK_SRC_CSV_HPP
#define XXGK_SRC_CSV_HPP

#include "xxgk/detail/traits.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::detail {

/// True when a spreadsheet could read `s` as a formula: it starts with =, +, -, @, tab or CR and
/// is neither a plain number ("-3", "+2.5": data) nor a single character ("-": a not-applicable
/// mark, no formula). docs/security.md § CSV.
bool is_formula_like(std::string_view s) noexcept;

/// Appends one field: a formula-like field gets a leading apostrophe (OWASP CSV injection), then
/// RFC 4180 quoting for a field holding a comma, a quote or a line break (quotes doubled).
void csv_field(std::string& out, std::string_view s);

/// Appends fields separated by commas and a "\n".
void csv_line(std::string& out, const std::vector<std::string>& fields);

/// Appends the member names of the described struct T (all std::string members), comma-separated,
/// without a line end: the header of a CSV of T records.
template <class T>
void csv_header_fields(std::string& out) {
    bool first = true;
    for_each_member<T>([&](auto d) {
        if (!first) out += ',';
        first = false;
        out += d.name;
    });
}

/// Appends the members of a described record (all std::string members), comma-separated, without
/// a line end.
template <class T>
void csv_record_fields(std::string& out, const T& rec) {
    bool first = true;
    for_each_member<T>([&](auto d) {
        if (!first) out += ',';
        first = false;
        csv_field(out, rec.*d.pointer);
    });
}

}  // namespace xxgk::detail

#endif
