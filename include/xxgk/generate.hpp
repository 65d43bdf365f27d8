// xxgk — synthetic reports for tests and benchmarks: realistic, deterministic, optionally faulty.
//
//   xxgk::generate_options o;
//   o.format = xxgk::format_version::v2021;
//   o.seed = 42;
//   o.fault_rate = 0.1;                            // each fault kind injected with probability 0.1
//   for (const xxgk::generated_report& g : xxgk::generate(o, 1000))
//       for (const xxgk::injected_fault& f : g.faults) ...   // validate(g.value) reports f.code at f.key
//
// A generated report without faults satisfies every rule of its format: validation reports no
// finding at all. Each injected fault is of a known kind and names the finding code validation
// then reports, at the cell key (or, for header faults, the JSON Pointer) it names.
#ifndef XXGK_GENERATE_HPP
#define XXGK_GENERATE_HPP

#include <xxgk/format.hpp>
#include <xxgk/report.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace xxgk {

/// The kinds of fault the generator can inject, each with the finding validation reports for it.
enum class fault_kind : std::uint8_t {
    row_total,         ///< a 总计 of a section 三 row raised (R2, XXGK-T3-003)
    blank_row_total,   ///< a non-zero section 三 row total left blank (R2, XXGK-T3-004)
    outcome_total,     ///< a （七）总计 cell of one applicant column raised (R3, XXGK-T3-006)
    conservation,      ///< a 结转下年度继续办理 cell raised (R1, XXGK-T3-001 at （七）总计 of its column)
    case_total,        ///< a 总计 of section 四 raised (R5, XXGK-T4-001)
    negative_count,    ///< a section 二 count made negative (R7, XXGK-V-001)
    fractional_count,  ///< a section 二 count given a fraction (R7, XXGK-V-002)
    unreadable_cell,   ///< a section 二 count printed as text (R7, XXGK-V-007)
    amount_unit,       ///< 2019 采购总金额 without unit (XXGK-V-004); 2021 本年收费金额 in 元 (XXGK-V-005)
    published_exceeds_total,  ///< 2019 only: 本年新公开数量 above 对外公开总数量 (XXGK-T2-002)
    statistics_period,        ///< 统计期限 not the calendar year (XXGK-H-004)
    early_publication,        ///< 发布日期 before the report year ended (XXGK-H-007)
};
BOOST_DESCRIBE_ENUM(fault_kind, row_total, blank_row_total, outcome_total, conservation, case_total, negative_count,
                    fractional_count, unreadable_cell, amount_unit, published_exceeds_total, statistics_period,
                    early_publication)

/// One fault injected into a generated report. The CSV columns of a fault manifest are these
/// member names, in this order (after the file name).
struct injected_fault {
    std::string kind;     ///< the `fault_kind` name, "row_total"
    std::string code;     ///< the finding code validation reports for it, "XXGK-T3-003"
    std::string key;      ///< the cell key of that finding; "" for header faults
    std::string pointer;  ///< the JSON Pointer of that finding
    std::string before;   ///< the value before the fault, as printed ("blank" for a blank cell)
    std::string after;    ///< the value after it
};
BOOST_DESCRIBE_STRUCT(injected_fault, (), (kind, code, key, pointer, before, after))

/// What to generate.
struct generate_options {
    format_version format = format_version::v2021;  ///< the format of every report
    std::uint64_t seed = 0;                         ///< same seed, same reports, on every platform
    /// Probability, in [0, 1], that each fault kind applicable to the format is injected into a
    /// report (independently per kind and report). 0 generates valid reports only.
    double fault_rate = 0.0;
};

/// A generated report and the faults injected into it (empty for a valid report).
struct generated_report {
    report value;
    std::vector<injected_fault> faults;
};

/// The report number `index` of the sequence defined by `options`. Reports depend only on the
/// options and their index (not on how many are generated): report 7 is the same whether 10 or
/// 10,000 are made, and a sequence can be generated in parallel. Deterministic across platforms
/// and standard libraries (a fixed PRNG, std::mt19937_64, with the library's own distributions).
/// Throws `error` (errc::invalid_value) when fault_rate is not in [0, 1].
generated_report generate_report(const generate_options& options, std::uint64_t index);

/// The most reports one call of `generate` (and `xxgk generate --count`, Python's
/// `xxgk.generate`) makes: a count above it is a mistake (a negative number read as unsigned), not
/// a corpus, and would fill the memory or the disk.
inline constexpr std::size_t max_generate_count = 100'000'000;

/// Reports 0 … count−1 of the sequence. Same errors as `generate_report`, and `error`
/// (errc::out_of_range) when count is above `max_generate_count`, before anything is made.
std::vector<generated_report> generate(const generate_options& options, std::size_t count);

/// A fault manifest as CSV: the header `file,` + the members of `injected_fault`, then one line
/// per fault of `reports[i]`, named `names[i]`. Precondition: names.size() == reports.size().
std::string faults_to_csv(const std::vector<std::string>& names, const std::vector<generated_report>& reports);

}  // namespace xxgk

#endif
