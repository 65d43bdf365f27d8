// Importer internals: the import log catalog (docs/import.md lists the same codes) and a helper
// that adds an entry with the catalog's severity.
#ifndef XXGK_IMPORT_LOG_HPP
#define XXGK_IMPORT_LOG_HPP

#include <xxgk/import.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// Adds an entry; `code` must be in the catalog (its severity is taken from there).
void log_entry(std::vector<import_log_entry>& log, std::string_view code, std::string message,
               std::string key = {}, std::optional<provenance> where = std::nullopt,
               std::vector<std::string> candidates = {});

/// Provenance helpers.
inline provenance at_line(std::size_t line, std::optional<std::size_t> column = std::nullopt) {
    provenance p;
    p.line = static_cast<std::uint32_t>(line);
    if (column) p.column = static_cast<std::uint32_t>(*column);
    return p;
}

/// "line 12, column 3" / "table 2, row 4, cell 1" for messages.
std::string describe(const provenance& p);

}  // namespace xxgk::import_detail

#endif
