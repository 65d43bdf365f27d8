// The arithmetic: section 二 (2019), the identities R1–R3 and R5 (xxgk::identities), the printed
// subtotals (R6), and the findings that follow from a blank total.
#include "checker.hpp"

namespace xxgk::validation {

// ---- section 二 identities within one report (2019 format)

void checker::check_proactive() {
    for (const proactive_check& p : pack_.proactive) {
        const cell_key& k = keys_[p.cell];
        const cell_key& other_key = keys_[p.other];
        const cell& other = *cells_[p.other];
        if (p.change) {
            const cell& change = *cells_[p.cell];
            const cell& prior = other;
            if (change.is_number() && prior.is_number()) {
                const auto now = decimal::add(prior.value(), change.value());
                if (now && now->is_negative()) {
                    message_values v;
                    v.detail_zh = v.detail_en = prior.value().to_string();
                    finding& f = add_cell(codes::T2_001, k, "≥ 0", now->to_string(), v);
                    f.cells.insert(f.cells.begin(), other_key.key);
                }
            }
        } else {
            const cell& fresh = *cells_[p.cell];
            const cell& total = other;
            if (fresh.is_number() && total.is_number() && total.value() < fresh.value()) {
                finding& f = add_cell(codes::T2_002, k, total.value().to_string(), fresh.value().to_string());
                f.cells.push_back(other_key.key);
            }
        }
    }
}

// ---- R1, R2, R3, R5

// The terms of the cells at `indexes`, into `t` (a buffer reused from identity to identity).
void checker::terms(const std::vector<std::size_t>& indexes, std::vector<term>& t) const {
    t.clear();
    t.reserve(indexes.size());
    for (std::size_t i : indexes) t.push_back({cells_[i], keys_[i].key});
}

// expected, actual, difference, the unknown cells and (case 4, one unknown cell) the implied value.
std::pair<std::string, std::string> checker::describe(const evaluation& e, bool total_rule, const cell& total,
                                                      message_values& v) const {
    const auto& named = e.result == outcome::blank_nonzero ? e.short_unknown : e.unknown;
    v.unknown_zh = list_zh(named);
    v.unknown_en = list_en(named);
    std::string expected, actual;
    if (total_rule) {  // total = parts: expected is the sum of the parts, actual the printed total
        expected = e.rhs_known.to_string();
        actual = state_text(total);
        if (e.result == outcome::mismatch && e.rhs_unknown > 0) expected = "≥ " + expected;
    } else {  // R1: expected is 一 + 二, actual is （七）总计 + 四
        expected = e.lhs_known.to_string();
        actual = e.rhs_known.to_string();
        if (e.result == outcome::mismatch && e.lhs_unknown > 0) expected = "≥ " + expected;
        if (e.result == outcome::mismatch && e.rhs_unknown > 0) actual = "≥ " + actual;
    }
    // Exact even beyond 64 bits. For a mismatch whose sides leave terms out (unknown, or set
    // aside because the sum left 64 bits), the shown sums are lower bounds, and so the
    // difference is a bound too: it says which.
    v.difference = total_rule ? decimal::difference_text(e.lhs_known, e.rhs_known)
                              : decimal::difference_text(e.rhs_known, e.lhs_known);
    if (e.result == outcome::mismatch) {
        // total rule: total − Σ parts; R1: (七)总计 + 四 − (一 + 二). An unknown term on the
        // subtracted side can only lower the true difference, one on the other side raise it.
        const std::size_t lowering = total_rule ? e.rhs_unknown : e.lhs_unknown;
        const std::size_t raising = total_rule ? e.lhs_unknown : e.rhs_unknown;
        if (lowering > 0 && raising == 0)
            v.difference = "≤ " + v.difference;
        else if (raising > 0 && lowering == 0)
            v.difference = "≥ " + v.difference;
        // (Unknown terms on both sides make an identity satisfiable: never a mismatch.)
    }
    if (e.implied) {
        v.detail_zh = "；该单元格应为 " + e.implied->to_string();
        v.detail_en = "; that cell must be " + e.implied->to_string();
    }
    return {std::move(expected), std::move(actual)};
}

std::string_view checker::code_of(outcome o, std::string_view mismatch, std::string_view blank_total,
                                  std::string_view blank_nonzero) {
    return o == outcome::mismatch ? mismatch : o == outcome::blank_total ? blank_total : blank_nonzero;
}

void checker::check_identities() {
    const auto& keys = cell_keys(format_);
    std::vector<term> lhs, rhs;
    for (const table_identity& id : identities(format_)) {
        if (detail::holds_plainly(id.lhs, id.rhs, cells_.get())) continue;  // most identities of most reports
        terms(id.lhs, lhs);
        terms(id.rhs, rhs);
        const evaluation e = evaluate(lhs, rhs, id.total_rule);
        if (e.result == outcome::holds) continue;
        const cell_key& subject = keys[id.subject];
        std::vector<std::string> cells;
        cells.reserve(lhs.size() + rhs.size());
        for (const term& t : lhs) cells.emplace_back(t.key);
        for (const term& t : rhs) cells.emplace_back(t.key);
        message_values v;
        if (id.total_rule) {
            v.cell_zh = cell_name_zh(subject);
            v.cell_en = subject.key;
        } else {  // R1 is about a column: name it by its label
            v.cell_zh = "“" + std::string(subject.column_info->label) + "”";
            v.cell_en = std::string(subject.column);
        }
        auto [expected, actual] = describe(e, id.total_rule, *lhs.front().c, v);
        add(code_of(e.result, id.mismatch_code, id.blank_total_code, id.blank_nonzero_code), subject.key,
            subject.pointer, std::move(expected), std::move(actual), std::move(cells), std::move(v));
        const std::size_t index = out_.size() - 1;
        if (e.result == outcome::blank_total)
            note_blank_total(lhs.front().c, e.rhs_known, index);
        else
            pending_.push_back({index, std::move(lhs), std::move(rhs), id.total_rule});
    }
}

// A blank total with non-zero parts is a root; its implied value explains other findings.
// R2 and R3 share one cell (（七）总计 行 总计 列): a second blank-total finding there that implies
// the same value is a consequence of the first; one that implies another value is a conflict,
// and then neither value is used to explain anything.
void checker::note_blank_total(const cell* c, decimal value, std::size_t finding_index) {
    auto it = implied_.find(c);
    if (it == implied_.end())
        implied_.emplace(c, implied_root{value, finding_index, false});
    else if (it->second.value == value)
        same_cell_.emplace_back(finding_index, it->second.finding);
    else
        it->second.conflict = true;
}

// ---- R6: printed 法人或其他组织 subtotals

void checker::check_subtotals() {
    std::visit(
        [&](const auto& t) {
            detail::for_each_member<std::decay_t<decltype(t.requests)>>([&](auto d) {
                const applicant_row& row = t.requests.*d.pointer;
                if (!row.organizations_subtotal) return;
                const std::string base = std::string("requests.") + d.name + ".";
                const cell_key& total = *find_cell_key(format_, base + "total");
                const std::string row_label(total.row_info->label);
                const std::string& subtotal_key = owned_.emplace_front(base + "organizations_subtotal");
                const std::string pointer = "/requests/" + std::string(d.name) + "/organizations_subtotal";
                // R7 applies to the printed subtotal as to any count.
                check_domain(*row.organizations_subtotal, value_kind::count, [&] {
                    return named_cell{"", pointer, "“" + row_label + "”行的法人或其他组织小计", subtotal_key};
                });
                std::vector<term> lhs{{&*row.organizations_subtotal, subtotal_key}};
                std::vector<term> rhs;
                std::vector<std::string> cells;
                for (const cell_key& k : cell_keys(format_))
                    if (k.section == "requests" && k.row == d.name && !k.column_info->group.empty()) {
                        rhs.push_back({cells_[k.index], k.key});
                        cells.push_back(k.key);
                    }
                const evaluation e = evaluate(lhs, rhs, true);
                if (e.result == outcome::holds) return;
                message_values v;
                v.cell_zh = "“" + row_label + "”行";
                v.cell_en = "row " + std::string(d.name);
                auto [expected, actual] = describe(e, true, *row.organizations_subtotal, v);
                add(code_of(e.result, codes::T3_009, codes::T3_010, codes::T3_011), "", pointer, std::move(expected),
                    std::move(actual), std::move(cells), v);
                if (e.result != outcome::blank_total)
                    pending_.push_back({out_.size() - 1, std::move(lhs), std::move(rhs), true});
            });
        },
        r_.tables);
}

// ---- one root cause, one error: a finding that disappears once the implied value of a
// blank total is filled in follows from that blank total.

void checker::mark_consequence(finding& f, const root_names& roots) {
    f.caused_by = roots.code_key;
    f.severity = severity::info;
    f.message_zh += "（此项由 " + roots.zh + " 导致，补全该空白单元格后即相符。）";
    f.message_en += " (This follows from " + roots.code_key + "; it resolves once that blank cell is filled in.)";
}

void checker::mark_consequences() {
    if (implied_.empty()) return;
    std::map<const cell*, decimal> values;
    for (const auto& [c, root] : implied_)
        if (!root.conflict) values[c] = root.value;
    for (const auto& [consequence, root] : same_cell_) {
        root_names names;
        names.add(out_[root], short_name_zh(out_[root].key));
        mark_consequence(out_[consequence], names);
    }
    if (values.empty()) return;
    for (const pending_check& p : pending_) {
        const evaluation e = evaluate(p.lhs, p.rhs, p.total_rule, &values);
        if (e.result != outcome::holds) continue;
        root_names names;
        for (const auto* side : {&p.lhs, &p.rhs})
            for (const term& t : *side)
                if (values.count(t.c)) names.add(out_[implied_.at(t.c).finding], short_name_zh(t.key));
        mark_consequence(out_[p.finding_index], names);
    }
}

}  // namespace xxgk::validation
