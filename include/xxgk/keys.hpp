// xxgk — canonical cell keys: `<section>.<row>.<column>`, e.g. `requests.granted.natural_person`.
//
// The keys of a format are derived from the model's descriptions: the section, row and column
// parts are the member names of tables_2019 / tables_2021, in description order.
#ifndef XXGK_KEYS_HPP
#define XXGK_KEYS_HPP

#include <xxgk/cell.hpp>
#include <xxgk/error.hpp>
#include <xxgk/format.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/report.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// Everything known about one cell key of one format. Described (Boost.Describe): the Python
/// binding derives its CellKey attributes from the description (docs/python.md).
struct cell_key {
    std::string key;                  ///< "requests.granted.natural_person"
    std::string pointer;              ///< JSON Pointer: "/requests/granted/natural_person"
    std::string_view section;         ///< "requests"
    std::string_view row;             ///< "granted"
    std::string_view column;          ///< "natural_person"
    value_kind kind;                  ///< what values the cell admits (rule R7)
    std::size_t index;                ///< position in `cell_keys(format)`
    const row_label* row_info;        ///< labels and role of the row (never null)
    const column_label* column_info;  ///< label of the column (never null)

    /// The cell's full Chinese name: "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 ›
    /// （三）不予公开 › 2.其他法律行政法规禁止公开 › 总计".
    std::string label_path(format_version format) const;
};
BOOST_DESCRIBE_STRUCT(cell_key, (), (key, pointer, section, row, column, kind, index, row_info, column_info))

/// All cell keys of a format, in table order (section 二, 三, 四; rows and columns as printed):
/// 198 for 2019, 200 for 2021. The vector lives for the whole program.
const std::vector<cell_key>& cell_keys(format_version format) noexcept;

/// The key's description, or nullptr when `key` is not a cell of `format`.
const cell_key* find_cell_key(format_version format, std::string_view key) noexcept;

/// The cell at `key`. Throws `key_error` when the key is not a cell of the report's format
/// (the message says whether it belongs to the other format).
cell& cell_at(report& r, std::string_view key);
const cell& cell_at(const report& r, std::string_view key);

/// The cell at position `index` of `cell_keys(r.format())`. Precondition: index < the key count.
cell& cell_at(report& r, std::size_t index) noexcept;
const cell& cell_at(const report& r, std::size_t index) noexcept;

/// Writes a pointer to every cell of `r` to `out[0 .. n)`, in `cell_keys(r.format())` order
/// (n = that key count; `out` must hold n pointers). One dispatch on the format for all cells,
/// for code that reads many cells by index. The pointers live as long as `r`'s tables.
void cell_pointers(const report& r, const cell** out) noexcept;

/// Replaces the cell at `key`. Throws `key_error` like `cell_at`.
void set_cell(report& r, std::string_view key, cell value);

/// True when `dotted` ("requests.other" or "requests.other.total") names a row or cell of `format`.
bool is_row_or_key_of(format_version format, std::string_view dotted) noexcept;

}  // namespace xxgk

#endif
