// Importer internals: reading one printed cell (formats.md §10): numbers with signs, decimals,
// thousands separators and units (元, 万元, 件, 项 …); "-", "/", "不适用" as not applicable; an
// empty cell as blank (never 0); anything else as unreadable text.
#ifndef XXGK_IMPORT_CELLS_HPP
#define XXGK_IMPORT_CELLS_HPP

#include <xxgk/cell.hpp>

#include <string>
#include <string_view>

namespace xxgk::import_detail {

struct cell_reading {
    cell value;                  ///< state, value, unit and raw text (no provenance)
    bool unreadable = false;     ///< text that is not a value of the column's kind
    bool unit_mismatch = false;  ///< a unit that does not fit the column (元 in a count cell …)
    std::string unit;            ///< the unit as written, if any
};

/// Reads a printed cell for a column of kind `kind`. `raw` is kept as the cell's raw text.
cell_reading read_cell(std::string_view raw, value_kind kind);

/// True when the text reads as a cell value (a number, possibly with a unit, or a
/// not-applicable marker) rather than as a label.
bool is_value_text(std::string_view text);

/// True for text that is prose rather than a cell: not a value, with at least four CJK
/// characters ("注：以上数据截至…"). A short non-value ("无", "约1342") stays a cell (unreadable).
bool is_prose(std::string_view text);

/// True for a not-applicable marker: "-", "—", "/", "不适用", ….
bool is_not_applicable_marker(std::string_view text);

/// The text with full-width forms and dashes in ASCII and white space removed (values only).
std::string value_form(std::string_view raw);

/// Strict reading of one part of a flattened digit run: no leading zeros, no spaces; signs only
/// for signed counts; decimals and 元/万元 only for amounts. Empty when the part is not a value.
bool read_run_part(std::string_view part, value_kind kind, cell& out);

}  // namespace xxgk::import_detail

#endif
