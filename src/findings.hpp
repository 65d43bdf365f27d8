// Internal: building findings from the rule catalog (rules.def, messages.cpp) and evaluating one identity
// with the blank semantics of docs/formats.md §9.1 (validate/evaluate.cpp). Shared by every validator (reports:
// src/validate/; portal files: portal/portal_validate.cpp; many reports: src/multi/), so that a finding
// is made one way.
#ifndef XXGK_SRC_FINDINGS_HPP
#define XXGK_SRC_FINDINGS_HPP

#include "xxgk/keys.hpp"
#include "xxgk/validate.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::detail {

/// The values of a message template's placeholders ({cell} {expected} {actual} {difference}
/// {unknown} {detail}); zh/en pairs where the text differs by language.
struct message_values {
    std::string cell_zh, cell_en, expected, actual, difference, unknown_zh, unknown_en, detail_zh, detail_en;
};

/// A template with its placeholders replaced; unknown placeholders are left as written.
std::string fill_message(std::string_view tmpl, const message_values& v, bool zh);

/// A finding of catalog code `code` (which must be in the catalog): severity and rule from the
/// catalog, messages filled from its templates ({expected} and {actual} from the arguments).
finding make_finding(std::string_view code, std::string key, std::string pointer, std::string expected,
                     std::string actual, std::vector<std::string> cells, message_values v);

/// Applies `options` to a finished list: roots first (stable), info dropped unless included, and
/// the list cut at max_findings with a closing XXGK-L-001.
void finish_findings(std::vector<finding>& findings, const validate_options& options);

/// "“（三）不予公开 › 2.其他法律行政法规禁止公开”行“总计”列": a cell by its labels (`k` a key of
/// `format`). The names of a format are built once, on first use, and live for the whole program.
const std::string& cell_name_zh(format_version format, const cell_key& k);

/// Fast path of `evaluate` for an identity between cells (indexes into `cells`, the cells of
/// cell_keys(format) in order): true when every number among the terms has scale 0, no partial
/// sum leaves 64 bits, the sums of the numbers of both sides are equal, and the left side has
/// no cell without a number unless the right side sums to 0 or less — then `evaluate` of the
/// same terms holds (§9.1 cases 1, 5, 6). False says nothing: `evaluate` decides
/// (tests/unit/fast_paths_test.cpp compares the two).
bool holds_plainly(const std::vector<std::size_t>& lhs, const std::vector<std::size_t>& rhs,
                   const cell* const* cells) noexcept;

/// How one identity came out (docs/formats.md §9.1).
enum class outcome { holds, mismatch, blank_total, blank_nonzero };

/// One term of an identity: a cell and the key that names it.
struct term {
    const cell* c;
    std::string_view key;
};

/// The result of `evaluate`.
struct evaluation {
    outcome result = outcome::holds;
    decimal lhs_known, rhs_known;  // sums of the known terms
    bool all_known = true;
    std::size_t lhs_unknown = 0, rhs_unknown = 0;
    std::vector<std::string_view> unknown;        // keys of the unknown terms, both sides
    std::vector<std::string_view> short_unknown;  // keys of the unknown terms of the side that falls short
    std::optional<decimal> implied;               // case 4 with exactly one unknown cell: its value
};

/// Evaluates `Σ lhs = Σ rhs` (terms are counts >= 0) following docs/formats.md §9.1, cases 1–6.
/// `total_rule`: lhs is one total cell (case 3 applies). `implied` substitutes values for unknown cells.
evaluation evaluate(const std::vector<term>& lhs, const std::vector<term>& rhs, bool total_rule,
                    const std::map<const cell*, decimal>* implied = nullptr);

}  // namespace xxgk::detail

#endif
