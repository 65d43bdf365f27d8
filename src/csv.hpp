// Internal: CSV fields, the one way every CSV of xxgk is written (reports, cells, portal files).
#ifndef XXGK_SRC_CSV_HPP
#define XXGK_SRC_CSV_HPP

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

}  // namespace xxgk::detail

#endif
