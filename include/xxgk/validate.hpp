// xxgk — validation: the rule packs of both formats (docs/rules.md lists every code).
#ifndef XXGK_VALIDATE_HPP
#define XXGK_VALIDATE_HPP

#include <xxgk/report.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// How serious a finding is. The caller decides what blocks; validation never throws for one.
enum class severity : std::uint8_t {
    info,     ///< worth knowing (soft rules, consequences of another finding)
    warning,  ///< probably wrong, or allowed but unusual
    error,    ///< the report contradicts a hard rule of its format
};
BOOST_DESCRIBE_ENUM(severity, info, warning, error)

/// One problem in a report.
///
/// `message_zh` / `message_en` are built from the code's template and the finding's values;
/// never parse them — the structured members say everything.
struct finding {
    std::string code;  ///< stable code, e.g. "XXGK-T3-004"; never reused
    xxgk::severity severity = xxgk::severity::error;
    std::string rule;      ///< the rule of docs/formats.md §9 ("R2"), or the check's family ("header")
    std::string key;       ///< the cell key the finding is about; "" when not about one cell
    std::string pointer;   ///< JSON Pointer of that cell or field
    std::string expected;  ///< the value the rule expects ("" when not a value; "≥ N" when only a bound is known)
    std::string actual;    ///< the value printed ("blank", "not_applicable", "text" for cells without a number)
    std::vector<std::string> cells;  ///< every cell key taking part in the check
    std::string message_zh;          ///< 中文说明, names the cell by its official labels
    std::string message_en;          ///< English message
    /// When this finding follows from another, "<code> <key>" of that root finding; "" otherwise.
    /// Such findings are downgraded to info: fixing the root fixes them.
    std::string caused_by;
};
BOOST_DESCRIBE_STRUCT(finding, (),
                      (code, severity, rule, key, pointer, expected, actual, cells, message_zh, message_en, caused_by))

/// Options of `validate`.
struct validate_options {
    bool include_info = true;  ///< keep findings of severity info
    /// Most findings returned. When there are more, the first `max_findings` are kept (roots
    /// first, as always) and one more finding, `XXGK-L-001` (severity warning, expected =
    /// the limit, actual = how many there were), ends the list to say that it was cut. A report
    /// yields well under 1000 findings, so the default never cuts; a caller that shows findings
    /// on a page may ask for fewer.
    std::size_t max_findings = 1000;
    /// Also compare the figures stated in the prose of sections 一 and 五 with the tables
    /// (XXGK-N-006, warnings; narrative.hpp, docs/multi.md). Off by default: the check reads prose,
    /// and docs/formats.md §9.2 makes it optional.
    bool narrative_figures = false;
};

/// Checks a report against the rules of its format: value domains (R7), the arithmetic of
/// sections 三 and 四 (R1, R2, R3, R5, R6) with the blank semantics of docs/formats.md §9.1,
/// the section 二 identities of one report, the header and the narrative.
/// Returns every finding: first the roots, in the order checked (header, value domains, section 二,
/// R1, R2, R3, R5, R6, narrative; cells in table order within each), then the consequences
/// (findings with `caused_by`). Never throws except std::bad_alloc.
std::vector<finding> validate(const report& r, const validate_options& options = {});

/// The number of findings of severity error.
std::size_t count_errors(const std::vector<finding>& findings) noexcept;

/// Findings as a JSON array (members as in `finding`), deterministic.
std::string findings_to_json(const std::vector<finding>& findings);

/// One entry of the rule catalog: what a code means. Described: the Python class Rule is bound from it.
struct rule_info {
    std::string_view code;      ///< "XXGK-T3-004"
    std::string_view rule;      ///< "R2"
    xxgk::severity severity;    ///< default severity
    std::string_view title_zh;  ///< short meaning in Chinese
    std::string_view title_en;  ///< short meaning in English
    std::string_view
        template_zh;  ///< message template; placeholders {cell} {expected} {actual} {difference} {unknown} {detail}
    std::string_view template_en;  ///< the same in English
};
BOOST_DESCRIBE_STRUCT(rule_info, (), (code, rule, severity, title_zh, title_en, template_zh, template_en))

/// Every code validation and the many-report checks (aggregate.hpp, series.hpp, narrative.hpp) can
/// produce, in code order. Lives for the whole program.
const std::vector<rule_info>& rule_catalog() noexcept;

/// The catalog entry of a code, or nullptr.
const rule_info* find_rule(std::string_view code) noexcept;

}  // namespace xxgk

#endif
