// xxgk — the shape of each format's tables and the arithmetic that binds their cells.
//
// One home for the facts every consumer of the tables needs: which rows flow in and out of
// section 三, which are the leaves of 三、本年度办理结果, which columns are the applicant columns,
// and the identities R1–R3 and R5 (docs/formats.md §9) as lists of cell indexes. The validator,
// the importer's solver, the generator and the renderers all read them from here; everything is
// derived from `cell_keys(format)` and the row roles of `labels(format)`, so adding a row to a
// format is a model member, its Describe entry and its label.
#ifndef XXGK_LAYOUT_HPP
#define XXGK_LAYOUT_HPP

#include <xxgk/format.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace xxgk {

/// The rows and columns of the tables of one format, by the part they play in the arithmetic.
/// Identifiers are the key parts of `cell_keys(format)` ("received", "natural_person"), in table
/// order. Lives for the whole program (see `layout`).
struct table_layout {
    format_version format;

    /// 二、主动公开政府信息情况: the item rows and the value columns.
    std::vector<std::string_view> proactive_rows, proactive_columns;

    /// 三、收到和处理政府信息公开申请情况: every row, in table order.
    std::vector<std::string_view> request_rows;
    /// The six 申请人情况 columns (自然人 … 其他), without 总计.
    std::vector<std::string_view> applicant_columns;
    /// Every column of 三: the applicant columns, then `total_column`.
    std::vector<std::string_view> request_columns;
    /// 一、本年新收… and 二、上年结转… (row role `inflow`).
    std::vector<std::string_view> inflow_rows;
    /// The leaf rows of 三、本年度办理结果 (row role `outcome_leaf`), in table order.
    std::vector<std::string_view> outcome_leaf_rows;
    std::string_view outcome_total_row;  ///< （七）总计
    std::string_view outflow_row;        ///< 四、结转下年度继续办理

    /// 四、政府信息公开行政复议、行政诉讼情况: the five-count groups (行政复议, 未经复议直接起诉, 复议后起诉).
    std::vector<std::string_view> case_groups;
    /// The four counts each group's 总计 sums: 结果维持, 结果纠正, 其他结果, 尚未审结.
    std::vector<std::string_view> case_outcome_columns;
    /// Every column of 四: the counts, then `total_column`.
    std::vector<std::string_view> case_columns;

    /// The column that sums the others in 三 and 四: "total" (总计).
    static constexpr std::string_view total_column = "total";
};

/// The layout of a format. The reference lives for the whole program; never throws.
const table_layout& layout(format_version format) noexcept;

/// One identity `sum(lhs) = sum(rhs)` between cells of a format, as indexes into
/// `cell_keys(format)` (docs/formats.md §9).
struct table_identity {
    std::string_view rule;         ///< "R1", "R2", "R3" or "R5"
    std::vector<std::size_t> lhs;  ///< total rules: the one total cell; R1: 一、本年新收 + 二、上年结转
    std::vector<std::size_t> rhs;  ///< total rules: the parts; R1: （七）总计 + 四、结转下年度继续办理
    std::size_t subject;           ///< the cell a finding is reported on
    bool total_rule;               ///< lhs is one total cell summing rhs (R2, R3, R5)
    /// The finding codes (docs/rules.md): a broken identity; a blank total over non-zero parts
    /// (total rules only, "" for R1); unknown terms that cannot make it hold.
    std::string_view mismatch_code, blank_total_code, blank_nonzero_code;
};

/// Every identity of a format, in the order findings are reported: R1 per column of 三, R2 per
/// row of 三, R3 per column of 三, R5 per group of 四. The vector lives for the whole program.
const std::vector<table_identity>& identities(format_version format) noexcept;

}  // namespace xxgk

#endif
