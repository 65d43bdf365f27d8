// The rule catalog: every code validation can produce, its meaning and its message templates.
// docs/rules.md explains each code with an example; a test checks both list the same codes.
#include "xxgk/validate.hpp"

#include "codes.hpp"

#include <algorithm>

namespace xxgk {
namespace {

using S = severity;

// The catalog is src/rules.def, one XXGK_RULE line per code.
std::vector<rule_info> make_catalog() {
    return {
#define XXGK_RULE(code, rule, severity, title_zh, title_en, template_zh, template_en)                                  \
    {codes::code, rule, S::severity, title_zh, title_en, template_zh, template_en},
#include "rules.def"
#undef XXGK_RULE
    };
}

}  // namespace

const std::vector<rule_info>& rule_catalog() noexcept {
    static const std::vector<rule_info> catalog = make_catalog();
    return catalog;
}

const rule_info* find_rule(std::string_view code) noexcept {
    for (const rule_info& r : rule_catalog())
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace xxgk
