// xxgk — the reports of one body over several years: the cross-year rules R8, R9, R10 of
// docs/formats.md §9 (docs/multi.md, codes XXGK-Y-* in docs/rules.md).
#ifndef XXGK_SERIES_HPP
#define XXGK_SERIES_HPP

#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <vector>

namespace xxgk {

/// Checks the reports of one body and scope over several years (any order):
/// - R8 (XXGK-Y-001, warning): 二、上年结转 of year N = 四、结转下年度继续办理 of year N−1, per
///   column of section 三; bridges the 2020→2021 format switch;
/// - R9 (2019 format, both years): 上一年项目数量 (N) = 上一年项目数量 (N−1) + 本年增/减 (N−1)
///   (XXGK-Y-002, warning) and 对外公开总数量 (N) = 对外公开总数量 (N−1) + 本年新公开数量 (N)
///   (XXGK-Y-003, info: withdrawals break it);
/// - R10 (2021 format, both years): 现行有效件数 (N) = 现行有效件数 (N−1) + 本年制发件数 (N) −
///   本年废止件数 (N) (XXGK-Y-004, warning: clean-ups break it);
/// - a missing year between two reports (XXGK-Y-005, info): nothing is compared across the gap.
/// R9 and R10 are not applied across the format switch. A rule instance is evaluated only when
/// every term is a number (§9.1); otherwise it reports nothing.
/// Findings are about year N's cell (key, pointer); `cells` names every term as "<key>@<year>",
/// and the messages name both years. Order: by year, then R8, R9, R10, cells in table order.
///
/// Throws `incompatible_reports_error` when `reports` is empty, when bodies or scopes differ, or
/// when two reports have the same year (errc::invalid_value).
std::vector<finding> validate_series(const std::vector<report>& reports);

}  // namespace xxgk

#endif
