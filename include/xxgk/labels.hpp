// xxgk — the official Chinese labels of each format, keyed by the model's identifiers.
//
// row_label and column_label are described (Boost.Describe): the Python binding derives its
// RowLabel and ColumnLabel classes from them, as it does for the model.
#ifndef XXGK_LABELS_HPP
#define XXGK_LABELS_HPP

#include <xxgk/format.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// What a row does in the arithmetic of its section. The rule packs are built from these roles.
enum class row_role : std::uint8_t {
    item,           ///< a 二 row: no arithmetic within one report
    inflow,         ///< 三 一、本年新收 / 二、上年结转
    outcome_leaf,   ///< 三 a leaf row of 三、本年度办理结果
    outcome_total,  ///< 三 （七）总计
    outflow,        ///< 三 四、结转下年度继续办理
    case_group,     ///< 四 one group of five case counts
};
BOOST_DESCRIBE_ENUM(row_role, item, inflow, outcome_leaf, outcome_total, outflow, case_group)

/// One of the six numbered sections of every report (formats.md §2), the same in both formats.
struct heading_label {
    int number;               ///< 1–6 (一 … 六)
    std::string_view member;  ///< the report member: "overview", "proactive", "requests",
                              ///< "review_litigation", "problems", "other_matters"
    std::string_view label;   ///< the template heading: "一、总体情况"
    std::string_view title;   ///< the heading without its ordinal: "总体情况"
    bool holds_cells;         ///< 二, 三 and 四 hold the tables; 一, 五 and 六 are narrative
};

/// The six section headings, 一 to 六, in order. Lives for the whole program.
const std::vector<heading_label>& section_headings() noexcept;

/// The heading of section `number` (1–6), or of the report member `member`; nullptr when none.
const heading_label* section_heading(int number) noexcept;
const heading_label* section_heading(std::string_view member) noexcept;

/// A section of the report that holds cells: `proactive`, `requests`, `review_litigation`
/// (the headings with `holds_cells`).
struct section_label {
    std::string_view id;     ///< "requests"
    std::string_view label;  ///< "三、收到和处理政府信息公开申请情况"
};

/// A spanning label over rows or columns; groups hold no cells.
struct group_label {
    std::string_view section;  ///< section id
    std::string_view id;       ///< "withheld"
    std::string_view label;    ///< "（三）不予公开"
    std::string_view parent;   ///< enclosing group id, "" at the top
};

/// The label and role of one row of one format.
struct row_label {
    std::string_view section;  ///< section id
    std::string_view id;       ///< row key part, e.g. "withheld_prohibited_by_law"
    std::string_view label;    ///< official leaf label, e.g. "2.其他法律行政法规禁止公开"
    std::string_view group;    ///< innermost group id ("" if none); for 二 the block
    row_role role;
};
BOOST_DESCRIBE_STRUCT(row_label, (), (section, id, label, group, role))

/// The label of one column of one section of one format.
struct column_label {
    std::string_view section;  ///< section id
    std::string_view id;       ///< column key part, e.g. "enterprise"
    std::string_view label;    ///< official leaf label, e.g. "商业企业"
    std::string_view group;    ///< spanning column group label ("法人或其他组织"), "" if none
};
BOOST_DESCRIBE_STRUCT(column_label, (), (section, id, label, group))

/// Every label of one format. Tests check that it names exactly the described members.
struct label_table {
    format_version format;
    std::vector<section_label> sections;
    std::vector<group_label> groups;
    std::vector<row_label> rows;
    std::vector<column_label> columns;

    /// Lookups; each returns nullptr when the identifier is not part of this format.
    const section_label* section(std::string_view id) const noexcept;
    const group_label* group(std::string_view section, std::string_view id) const noexcept;
    const row_label* row(std::string_view section, std::string_view id) const noexcept;
    const column_label* column(std::string_view section, std::string_view id) const noexcept;

    /// The full group path of a row, outermost first, joined by " › ":
    /// "三、本年度办理结果 › （三）不予公开". Empty for rows outside any group.
    std::string row_group_path(std::string_view section, std::string_view row) const;
};

/// The label table of a format. The returned reference lives for the whole program.
const label_table& labels(format_version format) noexcept;

}  // namespace xxgk

#endif
