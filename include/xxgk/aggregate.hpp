// xxgk — 汇总: building a compiled report from the reports of sub-units, and checking a
// published compiled report against its sub-units (docs/multi.md).
#ifndef XXGK_AGGREGATE_HPP
#define XXGK_AGGREGATE_HPP

#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace xxgk {

/// Where the value of one summed cell came from: positions in the list of sub-unit reports.
/// Every sub-report appears in exactly one of the three lists.
struct cell_sources {
    std::string key;                  ///< the cell key, e.g. "requests.granted.total"
    std::vector<std::size_t> summed;  ///< reports whose cell held a number (explicit 0 included): they make the sum
    std::vector<std::size_t> blank;   ///< reports whose cell was blank (空白) or not applicable ("-"): not added
    /// Reports whose cell could not be added: unreadable text, not captured, money without a unit
    /// beside amounts with a unit, or a sum beyond 64 bits. When not empty the sum is a lower bound.
    std::vector<std::size_t> unknown;
};
BOOST_DESCRIBE_STRUCT(cell_sources, (), (key, summed, blank, unknown))

/// A 汇总 report and the provenance of each of its cells.
struct aggregation {
    xxgk::report report;                ///< the compiled report: the caller's header, every cell summed
    std::vector<cell_sources> sources;  ///< one per cell, in the order of `cell_keys(report.format())`
};

/// Builds the 汇总 (compiled) report of one format and year from sub-unit reports.
///
/// Every cell of `cell_keys(format)` is summed with the blank semantics of docs/formats.md §10:
/// - no report holds a number → the cell stays blank (not applicable when every report printed "-");
/// - some reports hold numbers → their exact sum; the others are listed in `sources` as blank or unknown.
/// Money is summed exactly: amounts in one unit keep it; 元 and 万元 mixed are summed in 万元
/// (1 元 = 0.0001 万元, exact). 本年收费金额 (2021) is in 万元 by its column; a 元 amount there is converted.
/// The header is `header` as given; a year of 0 takes the sub-reports' year. Narrative sections
/// and the fee statement are not summed (prose is written, not added up).
///
/// Throws `incompatible_reports_error` when `parts` is empty, when the reports differ in format
/// (errc::wrong_format) or year, or when `header.year` is neither 0 nor their year (errc::invalid_value).
aggregation aggregate(const std::vector<report>& parts, const report_header& header);

/// The reverse check: a finding for every cell where the published 汇总 report differs from the
/// sum of its sub-unit reports (codes XXGK-A-001 … XXGK-A-003, docs/rules.md). Each finding names
/// the cell by key and pointer, `expected` is the sum, `actual` the published value, `cells` the
/// key followed by "<key>@parts/<i>" for each sub-report that holds a number.
/// Blank cells follow docs/formats.md §9.1: published = Σ parts is evaluated like a total rule.
/// Throws `incompatible_reports_error` like `aggregate` (the published report must have the
/// parts' format and year).
std::vector<finding> check_aggregate(const report& published, const std::vector<report>& parts);

}  // namespace xxgk

#endif
