// The §9.1 evaluation of one identity (docs/formats.md) and the Chinese names of cells: the
// pieces of validation that the many-report checks (src/multi) share (findings.hpp).
#include "../findings.hpp"
#include "../word_bits.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"

#include <cstdint>
#include <map>
#include <optional>

namespace xxgk {
namespace detail {

// ---------------------------------------------------------------------------------------------
// Evaluating one identity with the blank semantics of docs/formats.md §9.1

// The outcome follows docs/formats.md §9.1, cases 1–6, in order. The keys of the unknown terms
// are gathered only when the identity does not hold: most identities of most reports hold, and
// then evaluating one allocates nothing.
evaluation evaluate(const std::vector<term>& lhs, const std::vector<term>& rhs, bool total_rule,
                    const std::map<const cell*, decimal>* implied) {
    evaluation e;
    std::vector<std::string_view> lhs_unknown_keys, rhs_unknown_keys;
    // Sums the known terms of one side; with `keys`, also lists the unknown ones.
    auto sum = [&](const std::vector<term>& side, decimal& total, std::size_t& unknown,
                   std::vector<std::string_view>* keys) {
        total = decimal();
        unknown = 0;
        for (const term& t : side) {
            std::optional<decimal> v;
            if (t.c->is_number())
                v = t.c->value();
            else if (implied) {
                if (auto it = implied->find(t.c); it != implied->end()) v = it->second;
            }
            // A sum beyond 64 bits cannot be checked exactly: that term counts as unknown rather
            // than being dropped or wrapped.
            const std::optional<decimal> next = v ? decimal::add(total, *v) : std::nullopt;
            if (next) {
                total = *next;
            } else {
                ++unknown;
                if (keys) keys->push_back(t.key);
            }
        }
    };
    sum(lhs, e.lhs_known, e.lhs_unknown, nullptr);
    sum(rhs, e.rhs_known, e.rhs_unknown, nullptr);
    e.all_known = e.lhs_unknown + e.rhs_unknown == 0;
    const int cmp = decimal::compare(e.lhs_known, e.rhs_known);
    if (e.all_known) {  // case 1
        e.result = cmp == 0 ? outcome::holds : outcome::mismatch;
        return e;
    }
    if (e.lhs_unknown + e.rhs_unknown == lhs.size() + rhs.size()) return e;  // case 6: nothing known
    // Unknown terms are counts >= 0: the side that is short must have an unknown term to grow.
    const bool satisfiable = cmp == 0 || (cmp < 0 && e.lhs_unknown > 0) || (cmp > 0 && e.rhs_unknown > 0);
    if (!satisfiable) {  // case 2
        e.result = outcome::mismatch;
    } else if (total_rule && e.lhs_unknown == 1 && lhs.front().c->is_blank() && e.rhs_known > decimal(0)) {
        e.result = outcome::blank_total;  // case 3: only a *blank* total (§9.1); "-" or text totals fall to case 4
    } else if (cmp != 0) {                // case 4 (case 5, blanks read as zero satisfy, reports nothing)
        e.result = outcome::blank_nonzero;
        if (e.lhs_unknown + e.rhs_unknown == 1)
            e.implied =
                cmp < 0 ? decimal::subtract(e.rhs_known, e.lhs_known) : decimal::subtract(e.lhs_known, e.rhs_known);
    }
    if (e.result == outcome::holds) return e;
    // A finding: the same sums again, listing the unknown terms this time.
    sum(lhs, e.lhs_known, e.lhs_unknown, &lhs_unknown_keys);
    sum(rhs, e.rhs_known, e.rhs_unknown, &rhs_unknown_keys);
    e.unknown = lhs_unknown_keys;
    e.unknown.insert(e.unknown.end(), rhs_unknown_keys.begin(), rhs_unknown_keys.end());
    if (e.result == outcome::blank_nonzero) e.short_unknown = cmp < 0 ? lhs_unknown_keys : rhs_unknown_keys;
    return e;
}

bool holds_plainly(const std::vector<std::size_t>& lhs, const std::vector<std::size_t>& rhs,
                   const cell* const* cells) noexcept {
    // A side's sum of its numbers, in the order evaluate adds, and whether it has a cell without
    // one (unknown to evaluate); false when a number has a scale or a partial sum leaves 64 bits
    // (evaluate then works with decimals, or counts the term as unknown).
    auto sum = [cells](const std::vector<std::size_t>& side, std::int64_t& total, bool& unknown) {
        total = 0;
        unknown = false;
        for (std::size_t i : side) {
            const cell& c = *cells[i];
            if (!c.is_number()) {
                unknown = true;
                continue;
            }
            if (c.value().scale() != 0) return false;
            if (detail::add_overflows(total, c.value().coefficient(), total)) return false;
        }
        return true;
    };
    std::int64_t l = 0, r = 0;
    bool lhs_unknown = false, rhs_unknown = false;
    if (!sum(lhs, l, lhs_unknown) || !sum(rhs, r, rhs_unknown) || l != r) return false;
    // Equal known sums hold (§9.1 cases 1, 5 and 6) unless an unknown total faces a positive sum
    // (case 3, a blank total): that one is left to evaluate.
    return !(lhs_unknown && r > 0);
}

namespace {

std::string make_cell_name_zh(format_version format, const cell_key& k) {
    std::string row = labels(format).row_group_path(k.section, k.row);
    if (!row.empty()) row += " › ";
    row += k.row_info->label;
    std::string column(k.column_info->group);
    if (!column.empty()) column += " › ";
    column += k.column_info->label;
    return "“" + row + "”行“" + column + "”列";
}

std::vector<std::string> make_cell_names_zh(format_version format) {
    std::vector<std::string> names;
    for (const cell_key& k : cell_keys(format)) names.push_back(make_cell_name_zh(format, k));
    return names;
}

}  // namespace

// Built once per format on first use: a finding names its cell by copying the name.
const std::string& cell_name_zh(format_version format, const cell_key& k) {
    static const std::vector<std::string> names_2019 = make_cell_names_zh(format_version::v2019);
    static const std::vector<std::string> names_2021 = make_cell_names_zh(format_version::v2021);
    return (format == format_version::v2019 ? names_2019 : names_2021)[k.index];
}

}  // namespace detail

}  // namespace xxgk
