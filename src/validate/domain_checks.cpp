// The value domains of the cells (rule R7, XXGK-V).
#include "checker.hpp"

namespace xxgk::validation {

// ---- R7 value domains

// True when a number cell satisfies R7 for its kind (the common case: no finding).
bool checker::domain_ok(const cell& c, value_kind kind) {
    const decimal v = c.value();
    switch (kind) {
        case value_kind::count: return c.unit() == money_unit::none && v.is_integer() && !v.is_negative();
        case value_kind::signed_count: return c.unit() == money_unit::none && v.is_integer();
        case value_kind::amount: return !v.is_negative() && c.unit() != money_unit::none;
        case value_kind::amount_wan_yuan: return !v.is_negative() && c.unit() != money_unit::yuan;
    }
    return false;
}

void checker::check_domains() {
    for (const cell_key& k : keys_) {
        const cell& c = *cells_[k.index];
        if (plainly_in_domain(c, k.kind)) continue;
        check_domain(c, k.kind, [&] { return named_cell{k.key, k.pointer, cell_name_zh(k), k.key}; });
    }
}

// Fast path of check_domain for the common cells: blank, not applicable, or a count written
// as a plain integer (scale 0, no unit) that is in its domain. False says nothing:
// check_domain decides.
bool checker::plainly_in_domain(const cell& c, value_kind kind) {
    if (c.state() == cell_state::blank || c.state() == cell_state::not_applicable) return true;
    if (!c.is_number() || c.unit() != money_unit::none || c.value().scale() != 0) return false;
    return kind == value_kind::signed_count || (kind == value_kind::count && !c.value().is_negative());
}

}  // namespace xxgk::validation
