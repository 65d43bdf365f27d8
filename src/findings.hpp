// Internal: building findings from the rule catalog (messages.cpp). Shared by every validator
// (reports: validate.cpp; portal files: portal/validate.cpp), so that a finding is made one way.
#ifndef XXGK_SRC_FINDINGS_HPP
#define XXGK_SRC_FINDINGS_HPP

#include "xxgk/validate.hpp"

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

}  // namespace xxgk::detail

#endif
