// Internal: the layout of the official tables, derived from the label tables and the cell keys.
//
// One layout serves every face: the HTML renderer walks the grids (merged cells and all), the
// Markdown and CSV renderers walk the flat tables. Nothing here lists a row or a column: rows,
// columns, blocks and groups come from labels(format) and cell_keys(format); the shape of a
// section follows from the role of its rows (item → blocks of 二, case_group → the one printed
// row of 四, otherwise the matrix of 三).
#ifndef XXGK_SRC_RENDER_LAYOUT_HPP
#define XXGK_SRC_RENDER_LAYOUT_HPP

#include "xxgk/cell.hpp"
#include "xxgk/format.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/report.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::detail {

// ---- template texts that hold no cell, so the label tables (which are keyed by cells) do not
// carry them. Copied from the templates (docs/formats.md §2, §5).

/// The first header cell of every block of section 二.
inline constexpr std::string_view info_content_label = "信息内容";

/// The texts a matrix section prints above its columns: the top-left caption spanning the header
/// rows, and the header spanning every value column.
struct matrix_header_text {
    std::string_view section;
    std::string_view corner;
    std::string_view columns;
};
inline constexpr matrix_header_text matrix_header_texts[] = {
    {"requests", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"},
};

/// The template heading of a narrative member (xxgk::section_heading); "" when `member` is not one.
std::string_view narrative_heading_of(std::string_view member) noexcept;

/// The foreign blocks of a text section printed after its `index`-th subsection (0: before the
/// first); at the last index also those whose index is past the end. Pointers into `s`.
std::vector<const foreign_block*> foreign_blocks_after(const narrative_section& s, std::size_t index);

/// The heading of a table section: as printed (`report::table_headings`) when the report kept
/// it, the official section label otherwise.
std::string_view table_section_heading(const report& r, std::string_view section);

// ---- grids (HTML)

/// What a grid cell is; decides the element and the CSS class.
enum class grid_role : std::uint8_t {
    corner,        ///< the caption in the top-left corner of 三
    header,        ///< the header of one column (it may stretch over padding columns)
    column_group,  ///< a header over several columns: 申请人情况, 法人或其他组织, 行政诉讼, 复议后起诉
    block_caption,  ///< 第二十条第（一）项: the caption line of a block of 二
    group,          ///< a spanning row-group label: 三、本年度办理结果, （三）不予公开
    row_label,      ///< the leaf label of a row
    value,          ///< a statistical cell
};

struct grid_cell {
    grid_role role = grid_role::value;
    std::string_view text;          ///< label; "" for value cells
    const cell_key* key = nullptr;  ///< value cells only
    unsigned rowspan = 1;
    unsigned colspan = 1;
};

struct grid_row {
    std::string_view row;  ///< the row identifier of a row of cells ("" for header rows)
    std::vector<grid_cell> cells;
};

/// One <thead> or <tbody>.
struct grid_part {
    bool head = false;
    std::string_view block;  ///< section 二: the block's group id ("article_20_1"); "" otherwise
    std::vector<grid_row> rows;
};

/// The table of one section, with its merged cells.
struct table_grid {
    std::string_view section;  ///< "proactive", "requests", "review_litigation"
    unsigned width = 0;        ///< number of grid columns
    std::vector<grid_part> parts;
};

/// The tables of a format, in table order. Lives for the whole program.
const std::vector<table_grid>& table_grids(format_version format);

// ---- flat tables (CSV, Markdown)

/// One official table with a single header line: a block of 二, the table of 三 or of 四.
struct flat_table {
    std::string name;          ///< "proactive.article_20_1", "requests", "review_litigation"
    std::string_view section;  ///< section id
    std::string_view caption;  ///< the block caption (第二十条第（一）项) for blocks of 二; "" otherwise
    bool has_label_column = true;
    std::vector<std::string> header;  ///< labels, group levels joined by " › "
    struct row {
        std::string label;  ///< the row's label path; "" without a label column
        std::vector<const cell_key*> cells;
    };
    std::vector<row> rows;
};

/// The flat tables of a format, in table order. Lives for the whole program.
const std::vector<flat_table>& flat_tables(format_version format);

// ---- facts listed as term and value

struct fact {
    std::string_view term;
    std::string value;
};

/// The header's facts, for a report without a printed preamble: 发布机关, 报告年度, 报告格式, 统计期限,
/// 依据, 电子版网址, the contact fields (those the report has).
std::vector<fact> header_facts(const report& r);

/// The structured 信息处理费 statement (without its raw text), in Chinese or English.
std::vector<fact> fee_facts(const processing_fee_statement& f, bool english);

/// True when `text` occurs in a paragraph of the section (the raw 信息处理费 statement usually is
/// a paragraph of 六 already, and is then not shown twice).
bool printed_in(const std::optional<narrative_section>& section, std::string_view text);

/// "2021年1月29日".
std::string chinese_date(const calendar_date& d);

// ---- cells

/// The text a cell shows in every rendering: the number (exact, with the unit written in the
/// cell: "17424.88万元"), "" for a blank or a cell not captured, the printed text for a cell not
/// applicable ("-" when none was kept) or unreadable.
std::string cell_display_text(const cell& c);

/// "number", "blank", "not_applicable", "text", "not_captured".
std::string_view cell_state_name(cell_state s) noexcept;

}  // namespace xxgk::detail

#endif
