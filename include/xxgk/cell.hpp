// xxgk — one statistical cell of sections 二, 三 and 四.
#ifndef XXGK_CELL_HPP
#define XXGK_CELL_HPP

#include <xxgk/decimal.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/class.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace xxgk {

/// What a cell holds. A blank is never a zero: validators treat it as unknown.
enum class cell_state : std::uint8_t {
    blank,           ///< printed empty (空白)
    number,          ///< a number, including an explicit 0
    not_applicable,  ///< "-", "/", "不适用"
    text,            ///< printed text that is not a number of the cell's type (unreadable)
    not_captured,    ///< an importer could not locate the cell
};
BOOST_DESCRIBE_ENUM(cell_state, blank, number, not_applicable, text, not_captured)

/// The unit written in a money cell.
enum class money_unit : std::uint8_t {
    none,      ///< no unit written
    yuan,      ///< 元
    wan_yuan,  ///< 万元
};
BOOST_DESCRIBE_ENUM(money_unit, none, yuan, wan_yuan)

/// What values a cell's key admits (rule R7). Fixed by the column, derived from the cell's C++ type.
enum class value_kind : std::uint8_t {
    count,            ///< an integer >= 0 (件, 项, …)
    signed_count,     ///< an integer of any sign: 本年增/减
    amount,           ///< money >= 0 whose unit (元 or 万元) is written in the cell: 采购总金额
    amount_wan_yuan,  ///< money >= 0 in 万元, fixed by the column label: 本年收费金额（单位：万元）
};
BOOST_DESCRIBE_ENUM(value_kind, count, signed_count, amount, amount_wan_yuan)

/// A rectangle on a PDF page, in points (1/72 inch) from the page's top-left corner, x to the
/// right and y downwards, as the page is displayed (rotation applied). Exact decimals with two
/// digits after the point, so that a box encodes the same way everywhere.
struct page_box {
    decimal left;
    decimal top;
    decimal right;
    decimal bottom;
    friend bool operator==(const page_box& a, const page_box& b) noexcept {
        return a.left == b.left && a.top == b.top && a.right == b.right && a.bottom == b.bottom;
    }
};
BOOST_DESCRIBE_STRUCT(page_box, (), (left, top, right, bottom))

/// Where an imported cell came from. Text imports set line and column (1-based);
/// HTML and Word imports set table, row and cell (0-based indexes in document order);
/// PDF imports set page (1-based) and the box of the printed text on that page (for a blank
/// cell: the empty grid box), plus table, row and cell of the rebuilt table.
struct provenance {
    std::optional<std::uint32_t> line;
    std::optional<std::uint32_t> column;
    std::optional<std::uint32_t> table;
    std::optional<std::uint32_t> row;
    std::optional<std::uint32_t> cell;
    std::optional<std::uint32_t> page;  ///< PDF: 1-based page number
    std::optional<page_box> box;        ///< PDF: where on the page
    friend bool operator==(const provenance& a, const provenance& b) noexcept {
        return a.line == b.line && a.column == b.column && a.table == b.table && a.row == b.row && a.cell == b.cell &&
               a.page == b.page && a.box == b.box;
    }
};
BOOST_DESCRIBE_STRUCT(provenance, (), (line, column, table, row, cell, page, box))

/// One cell: its state, its value when it is a number, the unit written with money, and —
/// when known — the raw printed text and where it came from.
///
/// Cells are values: copying copies everything. The raw text and provenance live in a
/// separately allocated detail block so that a plain numeric cell stays small.
class cell {
public:
    /// A blank cell.
    cell() noexcept = default;
    cell(const cell& other);
    cell& operator=(const cell& other);
    cell(cell&&) noexcept = default;
    cell& operator=(cell&&) noexcept = default;
    ~cell() = default;

    /// A number (count, signed count or money without a unit).
    static cell number(decimal value, money_unit unit = money_unit::none);
    /// A blank cell.
    static cell blank() { return cell(); }
    /// Not applicable, as printed (e.g. "-").
    static cell not_applicable(std::string raw);
    /// Printed text that is not a number of the cell's type.
    static cell text(std::string raw);
    /// A cell an importer could not locate.
    static cell not_captured();

    cell_state state() const noexcept { return state_; }
    /// True when the cell holds a number (including an explicit 0): it takes part in arithmetic.
    bool is_number() const noexcept { return state_ == cell_state::number; }
    bool is_blank() const noexcept { return state_ == cell_state::blank; }
    /// The value; zero unless `is_number()`.
    decimal value() const noexcept { return value_; }
    /// The unit written with the value (money cells), `money_unit::none` otherwise.
    money_unit unit() const noexcept { return unit_; }

    /// The printed text, if known.
    const std::optional<std::string>& raw() const noexcept;
    /// Where the cell came from, if known.
    const std::optional<provenance>& source() const noexcept;
    void set_raw(std::optional<std::string> raw);
    void set_source(std::optional<provenance> source);
    /// True when the cell carries raw text or provenance.
    bool has_detail() const noexcept { return detail_ != nullptr; }

    /// Sets the state. Leaving the number state resets value and unit.
    void set_state(cell_state state) noexcept;
    /// Makes the cell a number.
    void set_value(decimal value, money_unit unit = money_unit::none) noexcept;

    /// Cells are equal when state, value, unit, raw text and provenance are equal. The value is
    /// compared with its scale: 1.5 and 1.50 are different cells (they print differently), so
    /// that equal cells encode identically.
    friend bool operator==(const cell& a, const cell& b) noexcept;
    friend bool operator!=(const cell& a, const cell& b) noexcept { return !(a == b); }

private:
    struct detail_block {
        std::optional<std::string> raw;
        std::optional<provenance> source;
    };
    void trim_detail() noexcept;
    detail_block& detail();

    decimal value_;
    cell_state state_ = cell_state::blank;
    money_unit unit_ = money_unit::none;
    std::unique_ptr<detail_block> detail_;
};

/// A cell whose key admits values of kind `Kind`. The row structs of the model use these
/// aliases, so a key's value kind is read off its C++ type rather than listed again.
template <value_kind Kind>
struct typed_cell : cell {
    static constexpr value_kind kind = Kind;
    using cell::cell;
    typed_cell() = default;
    typed_cell(const cell& c) : cell(c) {}                 // NOLINT: a typed cell is a cell
    typed_cell(cell&& c) noexcept : cell(std::move(c)) {}  // NOLINT
};

using count_cell = typed_cell<value_kind::count>;                      ///< integer >= 0
using signed_count_cell = typed_cell<value_kind::signed_count>;        ///< 本年增/减
using amount_cell = typed_cell<value_kind::amount>;                    ///< money, unit in the cell
using amount_wan_yuan_cell = typed_cell<value_kind::amount_wan_yuan>;  ///< money in 万元

}  // namespace xxgk

#endif
