// The value domains of the cells (rule R7, XXGK-V).
#include "checker.hpp"

namespace xxgk::validation {

// ---- R7 value domains

void checker::check_domains() {
    for (const cell_key& k : keys_) {
        const cell& c = *cells_[k.index];
        check_domain(c, k.kind, [&] { return named_cell{k.key, k.pointer, cell_name_zh(k), k.key}; });
    }
}

void checker::report_domain(const cell& c, value_kind kind, const named_cell& n) {
    switch (c.state()) {
        case cell_state::text: add_named(codes::V_007, n, "", c.raw().value_or("")); return;
        case cell_state::not_captured: add_named(codes::V_008, n, "", "not_captured"); return;
        case cell_state::number: break;
        default: return;  // blank and not applicable: nothing to check
    }
    const decimal v = c.value();
    const std::string shown = v.to_string();
    switch (kind) {
        case value_kind::count:
        case value_kind::signed_count:
            if (c.unit() != money_unit::none)
                add_named(codes::V_006, n, "", c.unit() == money_unit::yuan ? "元" : "万元");
            if (!v.is_integer()) add_named(codes::V_002, n, "", shown);
            if (kind == value_kind::count && v.is_negative()) add_named(codes::V_001, n, "≥ 0", shown);
            break;
        case value_kind::amount:
            if (v.is_negative()) add_named(codes::V_003, n, "≥ 0", shown);
            if (c.unit() == money_unit::none) add_named(codes::V_004, n, "", c.raw().value_or(shown));
            break;
        case value_kind::amount_wan_yuan:
            if (v.is_negative()) add_named(codes::V_003, n, "≥ 0", shown);
            if (c.unit() == money_unit::yuan) add_named(codes::V_005, n, "万元", c.raw().value_or(shown + "元"));
            break;
    }
}

}  // namespace xxgk::validation
