#include "xxgk/validate.hpp"

#include "findings.hpp"
#include "json_codec.hpp"
#include "word_bits.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"
#include "xxgk/narrative.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <forward_list>
#include <map>
#include <memory>
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
            if (__builtin_add_overflow(total, c.value().coefficient(), &total)) return false;
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

namespace {

// ---------------------------------------------------------------------------------------------
// The rule packs: identities derived from the keys of a format and the roles of its rows.

/// One identity `lhs = rhs` between sums of cells (indexes into cell_keys(format)).
struct identity {
    std::string_view rule;                                  // "R1", "R2", "R3", "R5"
    std::vector<std::size_t> lhs;                           // for total rules: the single total cell
    std::vector<std::size_t> rhs;                           // for total rules: the parts
    std::size_t subject;                                    // the cell a finding is about
    bool total_rule;                                        // lhs is one total cell (R2, R3, R5)
    std::string_view mismatch, blank_total, blank_nonzero;  // codes
};

/// A section 二 check of the 2019 format (T2-001 on a `change` cell, T2-002 on a `new_published`
/// cell), with the index of the other cell it reads (prior_items, total_published).
struct proactive_check {
    bool change;
    std::size_t cell, other;
};

struct rule_pack {
    std::vector<identity> identities;
    /// Where each cell sits in the format's tables (cell_keys(format) order), as a byte offset
    /// from the start of the tables: the same in every report of the format, so a validation
    /// finds its cells without a `std::visit` and a table lookup per cell.
    std::vector<std::ptrdiff_t> cell_offsets;
    std::vector<proactive_check> proactive;  // in key order
    std::size_t unpaid_fee_total = 0;        // requests.other_unpaid_fee.total (2021 format)
};

rule_pack make_pack(format_version format) {
    const auto& keys = cell_keys(format);
    auto index = [&](std::string_view section, std::string_view row, std::string_view column) {
        const cell_key* k =
            find_cell_key(format, std::string(section) + "." + std::string(row) + "." + std::string(column));
        return k->index;
    };
    // Rows and columns of a section, in table order, read off the key list.
    std::vector<std::string_view> request_rows, request_columns, case_rows, case_columns;
    auto add_unique = [](std::vector<std::string_view>& v, std::string_view s) {
        if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    for (const cell_key& k : keys) {
        if (k.section == "requests") {
            add_unique(request_rows, k.row);
            add_unique(request_columns, k.column);
        } else if (k.section == "review_litigation") {
            add_unique(case_rows, k.row);
            add_unique(case_columns, k.column);
        }
    }
    const label_table& labels = xxgk::labels(format);
    auto rows_with_role = [&](row_role role) {
        std::vector<std::string_view> out;
        for (std::string_view r : request_rows)
            if (labels.row("requests", r)->role == role) out.push_back(r);
        return out;
    };
    const auto inflows = rows_with_role(row_role::inflow);
    const auto leaves = rows_with_role(row_role::outcome_leaf);
    const std::string_view outcome_total = rows_with_role(row_role::outcome_total).front();
    const std::string_view outflow = rows_with_role(row_role::outflow).front();

    rule_pack pack;
    {
        const report blank = report::make(format);
        const auto* base = std::visit([](const auto& t) { return reinterpret_cast<const char*>(&t); }, blank.tables);
        for (const cell_key& k : keys)
            pack.cell_offsets.push_back(reinterpret_cast<const char*>(&cell_at(blank, k.index)) - base);
    }
    for (const cell_key& k : keys)
        if (format == format_version::v2019 && k.section == "proactive" &&
            (k.column == "change" || k.column == "new_published"))
            pack.proactive.push_back(
                {k.column == "change", k.index,
                 index("proactive", k.row, k.column == "change" ? "prior_items" : "total_published")});
    if (format == format_version::v2021) pack.unpaid_fee_total = index("requests", "other_unpaid_fee", "total");
    // R1: per column, 一 + 二 = （七）总计 + 四.
    for (std::string_view c : request_columns) {
        identity id{"R1", {}, {}, index("requests", outcome_total, c), false, "XXGK-T3-001", "", "XXGK-T3-002"};
        for (std::string_view r : inflows) id.lhs.push_back(index("requests", r, c));
        id.rhs = {index("requests", outcome_total, c), index("requests", outflow, c)};
        pack.identities.push_back(std::move(id));
    }
    // R2: per row, 总计 = the six applicant columns.
    for (std::string_view r : request_rows) {
        identity id{"R2",
                    {index("requests", r, "total")},
                    {},
                    index("requests", r, "total"),
                    true,
                    "XXGK-T3-003",
                    "XXGK-T3-004",
                    "XXGK-T3-005"};
        for (std::string_view c : request_columns)
            if (c != "total") id.rhs.push_back(index("requests", r, c));
        pack.identities.push_back(std::move(id));
    }
    // R3: per column, （七）总计 = the leaf rows of 三、本年度办理结果.
    for (std::string_view c : request_columns) {
        identity id{"R3",
                    {index("requests", outcome_total, c)},
                    {},
                    index("requests", outcome_total, c),
                    true,
                    "XXGK-T3-006",
                    "XXGK-T3-007",
                    "XXGK-T3-008"};
        for (std::string_view r : leaves) id.rhs.push_back(index("requests", r, c));
        pack.identities.push_back(std::move(id));
    }
    // R5: per group of section 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    for (std::string_view g : case_rows) {
        identity id{"R5",
                    {index("review_litigation", g, "total")},
                    {},
                    index("review_litigation", g, "total"),
                    true,
                    "XXGK-T4-001",
                    "XXGK-T4-002",
                    "XXGK-T4-003"};
        for (std::string_view c : case_columns)
            if (c != "total") id.rhs.push_back(index("review_litigation", g, c));
        pack.identities.push_back(std::move(id));
    }
    return pack;
}

const rule_pack& pack_of(format_version format) {
    static const rule_pack p2019 = make_pack(format_version::v2019);
    static const rule_pack p2021 = make_pack(format_version::v2021);
    return format == format_version::v2019 ? p2019 : p2021;
}

using detail::evaluate;
using detail::evaluation;
using detail::message_values;
using detail::outcome;
using detail::term;

class checker {
public:
    checker(const report& r, const validate_options& o)
        : r_(r), format_(r.format()), labels_(labels(format_)), keys_(cell_keys(format_)), pack_(pack_of(format_)),
          options_(o) {
        // Every cell once, by key index: the rules below look cells up by index many times over.
        const auto* base = std::visit([](const auto& t) { return reinterpret_cast<const char*>(&t); }, r_.tables);
        const std::size_t n = pack_.cell_offsets.size();
        cells_.reset(new const cell*[n]);
        for (std::size_t i = 0; i < n; ++i) cells_[i] = reinterpret_cast<const cell*>(base + pack_.cell_offsets[i]);
    }

    std::vector<finding> run() {
        check_header();
        check_domains();
        check_proactive();
        check_identities();
        check_subtotals();
        check_narrative();
        if (options_.narrative_figures)
            for (finding& f : check_narrative_figures(r_)) out_.push_back(std::move(f));
        check_text();
        mark_consequences();
        detail::finish_findings(out_, options_);
        return std::move(out_);
    }

private:
    const std::string& cell_name_zh(const cell_key& k) const { return detail::cell_name_zh(format_, k); }

    std::string list_zh(const std::vector<std::string_view>& keys) const {
        std::string s;
        const std::size_t shown = std::min<std::size_t>(keys.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) {
            if (i) s += "、";
            // Short names in lists: "“2.其他法律行政法规禁止公开”行“总计”列".
            s += short_name_zh(keys[i]);
        }
        if (keys.size() > shown) s += "等" + std::to_string(keys.size()) + "个单元格";
        return s;
    }

    // "“2.其他法律行政法规禁止公开”行“总计”列"; the R6 subtotal: "“（一）予以公开”行“法人或其他组织”小计".
    std::string short_name_zh(std::string_view key) const {
        if (const cell_key* k = find_cell_key(format_, key))
            return "“" + std::string(k->row_info->label) + "”行“" + std::string(k->column_info->label) + "”列";
        constexpr std::string_view subtotal = ".organizations_subtotal";
        if (key.size() > subtotal.size() && key.substr(key.size() - subtotal.size()) == subtotal) {
            const std::string_view rest = key.substr(0, key.size() - subtotal.size());  // "requests.<row>"
            const std::size_t dot = rest.find('.');
            if (const row_label* row =
                    dot == std::string_view::npos ? nullptr : labels_.row("requests", rest.substr(dot + 1)))
                return "“" + std::string(row->label) + "”行“法人或其他组织”小计";
        }
        return std::string(key);
    }

    static std::string list_en(const std::vector<std::string_view>& keys) {
        std::string s;
        const std::size_t shown = std::min<std::size_t>(keys.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) {
            if (i) s += ", ";
            s += keys[i];
        }
        if (keys.size() > shown) s += " and " + std::to_string(keys.size() - shown) + " more";
        return s;
    }

    static std::string state_text(const cell& c) {
        if (c.is_number()) return c.value().to_string();
        return boost::describe::enum_to_string(c.state(), "?");
    }

    finding& add(std::string_view code, std::string key, std::string pointer, std::string expected, std::string actual,
                 std::vector<std::string> cells, message_values v) {
        out_.push_back(detail::make_finding(code, std::move(key), std::move(pointer), std::move(expected),
                                            std::move(actual), std::move(cells), std::move(v)));
        return out_.back();
    }

    finding& add_cell(std::string_view code, const cell_key& k, std::string expected, std::string actual,
                      message_values v = {}) {
        v.cell_zh = cell_name_zh(k);
        v.cell_en = k.key;
        return add(code, k.key, k.pointer, std::move(expected), std::move(actual), {k.key}, std::move(v));
    }

    /// A cell that is named but may have no key (the R6 subtotal): key "" and no cells then.
    struct named_cell {
        std::string key, pointer, name_zh, name_en;
    };

    finding& add_named(std::string_view code, const named_cell& n, std::string expected, std::string actual) {
        message_values v;
        v.cell_zh = n.name_zh;
        v.cell_en = n.name_en;
        std::vector<std::string> cells;
        if (!n.key.empty()) cells.push_back(n.key);
        return add(code, n.key, n.pointer, std::move(expected), std::move(actual), std::move(cells), std::move(v));
    }

    finding& add_field(std::string_view code, std::string_view pointer, std::string expected, std::string actual,
                       message_values v = {}) {
        return add(code, "", std::string(pointer), std::move(expected), std::move(actual), {}, std::move(v));
    }

    // ---- header

    void check_header() {
        const report_header& h = r_.header;
        auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
        if (blank(h.body)) add_field("XXGK-H-001", "/header/body", "", h.body);
        if (h.year < 2019) {
            message_values v;
            v.detail_zh = "2019年以前的报告适用原条例的统计口径，不在本格式范围内";
            v.detail_en = "reports before 2019 follow the old regulation's statistics, outside both formats";
            add_field("XXGK-H-002", "/header/year", "2019", std::to_string(h.year), v);
        } else if (h.year > 9999) {
            message_values v;
            v.detail_zh = "年份超出范围";
            v.detail_en = "the year is out of range";
            add_field("XXGK-H-002", "/header/year", "", std::to_string(h.year), v);
        } else if (format_for_year(h.year) != format_) {
            message_values v;
            v.detail_zh = v.detail_en = std::string(to_string(format_));
            add_field("XXGK-H-003", "/format", std::string(to_string(*format_for_year(h.year))), std::to_string(h.year),
                      v);
        }
        if (h.statistics_period) {
            const date_period& p = *h.statistics_period;
            if (p.end < p.start) {
                add_field("XXGK-H-005", "/header/statistics_period", p.end.to_string(), p.start.to_string());
            } else if (p.start != calendar_date{h.year, 1, 1} || p.end != calendar_date{h.year, 12, 31}) {
                add_field("XXGK-H-004", "/header/statistics_period",
                          calendar_date{h.year, 1, 1}.to_string() + "/" + calendar_date{h.year, 12, 31}.to_string(),
                          p.start.to_string() + "/" + p.end.to_string());
            }
        }
        if (h.region_code && !all_digits(*h.region_code, 6))
            add_field("XXGK-H-006", "/header/region_code", "", *h.region_code);
        const calendar_date year_end{h.year, 12, 31};
        if (h.publication_date && !(year_end < *h.publication_date)) {
            message_values v;
            v.detail_zh = "发布日期";
            v.detail_en = "publication date";
            add_field("XXGK-H-007", "/header/publication_date", year_end.to_string(), h.publication_date->to_string(),
                      v);
        }
        if (h.signature && h.signature->date && !(year_end < *h.signature->date)) {
            message_values v;
            v.detail_zh = "署名日期";
            v.detail_en = "signature date";
            add_field("XXGK-H-007", "/header/signature/date", year_end.to_string(), h.signature->date->to_string(), v);
        }
        check_deadline();
        if (h.contact) {
            if (h.contact->email && !plausible_email(*h.contact->email))
                add_field("XXGK-H-009", "/header/contact/email", "", *h.contact->email);
            if (h.contact->postcode && !all_digits(*h.contact->postcode, 6))
                add_field("XXGK-H-010", "/header/contact/postcode", "", *h.contact->postcode);
        }
    }

    // Publication deadlines of 条例第四十九条 and the format notices (docs/formats.md §1).
    void check_deadline() {
        const report_header& h = r_.header;
        // An own report is due by 1月31日 at every level; a compiled report's deadline depends on the level.
        if (!h.publication_date || h.scope == report_scope::unknown) return;
        if (h.scope == report_scope::compiled && h.level == admin_level::unknown) return;
        int month = 1, day = 31;
        const char* who_zh = "各级政府部门和乡镇人民政府";
        const char* who_en = "departments and townships";
        if (h.scope == report_scope::compiled) {
            switch (h.level) {
                case admin_level::county:
                    month = 2;
                    day = 20;
                    who_zh = "县级人民政府";
                    who_en = "county governments";
                    break;
                case admin_level::prefectural:
                    month = 3;
                    day = 10;
                    who_zh = "设区的市级人民政府";
                    who_en = "prefecture-level governments";
                    break;
                case admin_level::provincial:
                case admin_level::central:
                    month = 3;
                    day = 31;
                    who_zh = "省级人民政府";
                    who_en = "provincial governments";
                    break;
                default: break;
            }
        }
        const calendar_date deadline{h.year + 1, month, day};
        if (deadline < *h.publication_date) {
            message_values v;
            v.detail_zh = who_zh;
            v.detail_en = who_en;
            add_field("XXGK-H-008", "/header/publication_date", deadline.to_string(), h.publication_date->to_string(),
                      v);
        }
    }

    static bool all_digits(const std::string& s, std::size_t n) {
        return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
    }

    static bool plausible_email(const std::string& s) {
        const std::size_t at = s.find('@');
        if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
        const std::size_t dot = s.find('.', at + 2);
        return dot != std::string::npos && dot + 1 < s.size() && s.find_first_of(" \t\r\n") == std::string::npos;
    }

    // ---- R7 value domains

    // True when a number cell satisfies R7 for its kind (the common case: no finding).
    static bool domain_ok(const cell& c, value_kind kind) {
        const decimal v = c.value();
        switch (kind) {
            case value_kind::count: return c.unit() == money_unit::none && v.is_integer() && !v.is_negative();
            case value_kind::signed_count: return c.unit() == money_unit::none && v.is_integer();
            case value_kind::amount: return !v.is_negative() && c.unit() != money_unit::none;
            case value_kind::amount_wan_yuan: return !v.is_negative() && c.unit() != money_unit::yuan;
        }
        return false;
    }

    void check_domains() {
        for (const cell_key& k : keys_) {
            const cell& c = *cells_[k.index];
            if (plainly_in_domain(c, k.kind)) continue;
            check_domain(c, k.kind, [&] { return named_cell{k.key, k.pointer, cell_name_zh(k), k.key}; });
        }
    }

    // Fast path of check_domain for the common cells: blank, not applicable, or a count written
    // as a plain integer (scale 0, no unit) that is in its domain. False says nothing:
    // check_domain decides.
    static bool plainly_in_domain(const cell& c, value_kind kind) {
        if (c.state() == cell_state::blank || c.state() == cell_state::not_applicable) return true;
        if (!c.is_number() || c.unit() != money_unit::none || c.value().scale() != 0) return false;
        return kind == value_kind::signed_count || (kind == value_kind::count && !c.value().is_negative());
    }

    // `name()` builds the cell's names; it runs only when there is a finding, so that a clean
    // report costs no string work here.
    template <class Name>
    void check_domain(const cell& c, value_kind kind, Name&& name) {
        if (c.state() == cell_state::blank || c.state() == cell_state::not_applicable) return;
        if (c.is_number() && domain_ok(c, kind)) return;
        const named_cell n = name();
        switch (c.state()) {
            case cell_state::text: add_named("XXGK-V-007", n, "", c.raw().value_or("")); return;
            case cell_state::not_captured: add_named("XXGK-V-008", n, "", "not_captured"); return;
            case cell_state::number: break;
            default: return;  // blank and not applicable: nothing to check
        }
        const decimal v = c.value();
        const std::string shown = v.to_string();
        switch (kind) {
            case value_kind::count:
            case value_kind::signed_count:
                if (c.unit() != money_unit::none)
                    add_named("XXGK-V-006", n, "", c.unit() == money_unit::yuan ? "元" : "万元");
                if (!v.is_integer()) add_named("XXGK-V-002", n, "", shown);
                if (kind == value_kind::count && v.is_negative()) add_named("XXGK-V-001", n, "≥ 0", shown);
                break;
            case value_kind::amount:
                if (v.is_negative()) add_named("XXGK-V-003", n, "≥ 0", shown);
                if (c.unit() == money_unit::none) add_named("XXGK-V-004", n, "", c.raw().value_or(shown));
                break;
            case value_kind::amount_wan_yuan:
                if (v.is_negative()) add_named("XXGK-V-003", n, "≥ 0", shown);
                if (c.unit() == money_unit::yuan) add_named("XXGK-V-005", n, "万元", c.raw().value_or(shown + "元"));
                break;
        }
    }

    // ---- section 二 identities within one report (2019 format)

    void check_proactive() {
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
                        finding& f = add_cell("XXGK-T2-001", k, "≥ 0", now->to_string(), v);
                        f.cells.insert(f.cells.begin(), other_key.key);
                    }
                }
            } else {
                const cell& fresh = *cells_[p.cell];
                const cell& total = other;
                if (fresh.is_number() && total.is_number() && total.value() < fresh.value()) {
                    finding& f = add_cell("XXGK-T2-002", k, total.value().to_string(), fresh.value().to_string());
                    f.cells.push_back(other_key.key);
                }
            }
        }
    }

    // ---- R1, R2, R3, R5

    // The terms of the cells at `indexes`, into `t` (a buffer reused from identity to identity).
    void terms(const std::vector<std::size_t>& indexes, std::vector<term>& t) const {
        t.clear();
        t.reserve(indexes.size());
        for (std::size_t i : indexes) t.push_back({cells_[i], keys_[i].key});
    }

    struct pending_check {
        std::size_t finding_index;
        std::vector<term> lhs, rhs;
        bool total_rule;
    };

    // expected, actual, difference, the unknown cells and (case 4, one unknown cell) the implied value.
    std::pair<std::string, std::string> describe(const evaluation& e, bool total_rule, const cell& total,
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

    static std::string_view code_of(outcome o, std::string_view mismatch, std::string_view blank_total,
                                    std::string_view blank_nonzero) {
        return o == outcome::mismatch ? mismatch : o == outcome::blank_total ? blank_total : blank_nonzero;
    }

    void check_identities() {
        const auto& keys = cell_keys(format_);
        std::vector<term> lhs, rhs;
        for (const identity& id : pack_.identities) {
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
            add(code_of(e.result, id.mismatch, id.blank_total, id.blank_nonzero), subject.key, subject.pointer,
                std::move(expected), std::move(actual), std::move(cells), std::move(v));
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
    void note_blank_total(const cell* c, decimal value, std::size_t finding_index) {
        auto it = implied_.find(c);
        if (it == implied_.end())
            implied_.emplace(c, implied_root{value, finding_index, false});
        else if (it->second.value == value)
            same_cell_.emplace_back(finding_index, it->second.finding);
        else
            it->second.conflict = true;
    }

    // ---- R6: printed 法人或其他组织 subtotals

    void check_subtotals() {
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
                    add(code_of(e.result, "XXGK-T3-009", "XXGK-T3-010", "XXGK-T3-011"), "", pointer,
                        std::move(expected), std::move(actual), std::move(cells), v);
                    if (e.result != outcome::blank_total)
                        pending_.push_back({out_.size() - 1, std::move(lhs), std::move(rhs), true});
                });
            },
            r_.tables);
    }

    // ---- narrative and the fee statement

    // The characters of `s` that are not white space: bytes that start a UTF-8 sequence (not
    // 10xxxxxx) other than ' ', '\n', '\t' and '\r'. Eight bytes at a time while none of them is
    // below 0x21 (then none is white space, and the count is 8 less the continuation bytes).
    static std::size_t characters(const std::string& s) {
        auto counts = [](unsigned char c) {
            return (c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r';
        };
        using detail::word_highs, detail::word_ones;
        std::size_t n = 0, i = 0;
        const std::size_t size = s.size();
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        for (; size - i >= 8; i += 8) {
            const std::uint64_t w = detail::load_word(p + i);
            if (detail::has_byte_below(w, 0x21)) {
                for (std::size_t k = i; k < i + 8; ++k) n += counts(p[k]);
                continue;
            }
            const std::uint64_t continuation = w & ~(w << 1) & word_highs;  // bit 7 of each 10xxxxxx byte
            n += 8 - static_cast<std::size_t>(((continuation >> 7) * word_ones) >> 56);
        }
        for (; i < size; ++i) n += counts(p[i]);
        return n;
    }

    // Calls `f` on each piece of a section's text, in reading order.
    template <class F>
    static void for_each_text(const narrative_section& s, F&& f) {
        for (const auto& p : s.paragraphs) f(p);
        for (const auto& sub : s.subsections) {
            f(sub.title);
            for (const auto& p : sub.paragraphs) f(p);
        }
    }

    static std::string all_text(const narrative_section& s) {
        std::string text;
        for_each_text(s, [&](const std::string& piece) { text += piece; });
        return text;
    }

    // Whether the text of `s`, its pieces joined, mentions fees. Each piece alone first (a
    // mention within a piece is one in the joined text); the joined text is made only when no
    // piece has one, for a mention across two pieces.
    static bool mentions_fees(const narrative_section& s) {
        auto mentions = [](std::string_view t) {
            return t.find("处理费") != std::string_view::npos || t.find("收费") != std::string_view::npos;
        };
        bool found = false;
        for_each_text(s, [&](const std::string& piece) { found = found || mentions(piece); });
        return found || mentions(all_text(s));
    }

    void check_narrative() {
        if (format_ != format_version::v2021) return;
        if (r_.overview) {
            std::size_t n = 0;  // characters() of the joined text: a sum over the pieces
            for_each_text(*r_.overview, [&](const std::string& piece) { n += characters(piece); });
            if (n > 1000) add_field("XXGK-N-001", "/overview", "1000", std::to_string(n));
        }
        const bool fees_mentioned = r_.other_matters && mentions_fees(*r_.other_matters);
        if (!fees_mentioned && !r_.processing_fees) add_field("XXGK-N-002", "/other_matters", "", "");
        if (!r_.processing_fees) return;
        const processing_fee_statement& fees = *r_.processing_fees;
        if (fees.billed && fees.collected && *fees.billed < *fees.collected)
            add_field("XXGK-N-003", "/processing_fees/collected", fees.billed->to_string(),
                      fees.collected->to_string());
        if (fees.charged && !*fees.charged) {
            auto contradicts = [&](const std::optional<decimal>& amount, const char* name, const char* zh,
                                   const char* en) {
                if (amount && *amount > decimal(0)) {
                    message_values v;
                    v.detail_zh = zh;
                    v.detail_en = en;
                    add_field("XXGK-N-004", std::string("/processing_fees/") + name, "0", amount->to_string(), v);
                }
            };
            contradicts(fees.billed, "billed", "应收金额", "the amount billed");
            contradicts(fees.collected, "collected", "实收金额", "the amount collected");
        }
        const cell& unpaid = *cells_[pack_.unpaid_fee_total];
        if (fees.notices && *fees.notices == 0 && unpaid.is_number() && unpaid.value() > decimal(0))
            add_cell("XXGK-N-005", keys_[pack_.unpaid_fee_total], "0", unpaid.value().to_string());
    }

    // ---- S-001: text that does not show what it says. Invisible characters and bidirectional
    // controls make a portal page display something other than the report's text (the order of
    // characters reversed by U+202E, a name split by U+200B so that a search misses it); C0 and C1
    // controls have no business in printed text. Accepted by the decoder, flagged here, once per
    // string, in model order.

    // Two passes: a bare scan of every string that stops at the first hidden code point (clean
    // reports, nearly all, end there), then, only when one was seen, the walk that keeps the path
    // and makes the findings.
    void check_text() {
        if (!any_hidden(r_)) return;
        text_path_.clear();
        walk_text(r_);
    }

    // True when some string of `v` holds a code point that check_string reports.
    template <class T>
    static bool any_hidden(const T& v) {
        using namespace detail;
        if constexpr (is_cell_v<T>) {
            return v.has_detail() && v.raw() && scan_hidden(*v.raw(), [](std::uint32_t) { return false; });
        } else if constexpr (boost::describe::has_describe_members<T>::value) {
            bool found = false;
            for_each_member<T>([&](auto d) {
                using M = std::decay_t<decltype(v.*d.pointer)>;
                if (found) return;
                if constexpr (std::is_same_v<M, report_tables>)
                    found = std::visit([](const auto& t) { return any_hidden(t); }, v.*d.pointer);
                else
                    found = any_hidden(v.*d.pointer);
            });
            return found;
        } else if constexpr (is_optional<T>::value) {
            return v && any_hidden(*v);
        } else if constexpr (is_vector<T>::value) {
            for (const auto& e : v)
                if (any_hidden(e)) return true;
            return false;
        } else if constexpr (std::is_same_v<T, std::string>) {
            return scan_hidden(v, [](std::uint32_t) { return false; });
        } else {
            return false;
        }
    }

    // Where walk_text is: the reference tokens of the JSON Pointer of the current value (a member
    // name, or an array index when `name` is empty). Made into a pointer only for a finding.
    struct path_token {
        std::string_view name;
        std::size_t index;
    };
    std::vector<path_token> text_path_;

    std::string text_pointer() const {
        std::string pointer;
        for (const path_token& t : text_path_) {
            if (t.name.empty())
                detail::push_index(pointer, t.index);
            else
                detail::push_name(pointer, t.name);
        }
        return pointer;
    }

    template <class T>
    void walk_text(const T& v) {
        using namespace detail;
        if constexpr (is_cell_v<T>) {
            if (v.raw()) {
                text_path_.push_back({"raw", 0});
                check_string(*v.raw());
                text_path_.pop_back();
            }
        } else if constexpr (boost::describe::has_describe_members<T>::value) {
            for_each_member<T>([&](auto d) {
                using M = std::decay_t<decltype(v.*d.pointer)>;
                if constexpr (std::is_same_v<M, report_tables>) {
                    std::visit([&](const auto& t) { walk_text(t); }, v.*d.pointer);  // top-level sections
                } else {
                    text_path_.push_back({d.name, 0});
                    walk_text(v.*d.pointer);
                    text_path_.pop_back();
                }
            });
        } else if constexpr (is_optional<T>::value) {
            if (v) walk_text(*v);
        } else if constexpr (is_vector<T>::value) {
            for (std::size_t i = 0; i < v.size(); ++i) {
                text_path_.push_back({{}, i});
                walk_text(v[i]);
                text_path_.pop_back();
            }
        } else if constexpr (std::is_same_v<T, std::string>) {
            check_string(v);
        }
    }

    static bool hidden(std::uint32_t cp) {
        return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
               cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
               (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
               (cp >= 0xFFF9 && cp <= 0xFFFB);
    }

    // What the byte at the scan position starts, under the decoding of check_string: 0 when the
    // code point may be hidden, else the length of a code point that never is. May be hidden: C0
    // controls, DEL and stray bytes 0x80–0x9F, and the lead bytes whose code points include a
    // hidden one (C0–C2 and D8: U+0000–U+00BF and U+061C; E0–E2 and EF: U+0000–U+2FFF and
    // U+F000–U+FFFF; F0 and F8: below U+40000). All of CJK (lead bytes E3–EE) is only stepped over.
    static constexpr std::array<std::uint8_t, 256> scan_step = [] {
        std::array<std::uint8_t, 256> t{};
        for (unsigned b = 0; b < 256; ++b) t[b] = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        for (unsigned b = 0; b < 0x20; ++b)
            if (b != '\t' && b != '\n' && b != '\r') t[b] = 0;
        for (unsigned b = 0x7F; b <= 0x9F; ++b) t[b] = 0;
        for (unsigned b : {0xC0u, 0xC1u, 0xC2u, 0xD8u, 0xE0u, 0xE1u, 0xE2u, 0xEFu, 0xF0u, 0xF8u}) t[b] = 0;
        return t;
    }();

    // Calls `hidden_found(cp)` for each hidden code point of `s`, in order, while it returns true;
    // true when there was one.
    template <class F>
    static bool scan_hidden(const std::string& s, F&& hidden_found) {
        bool any = false;
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        for (std::size_t i = 0, n = s.size(); i < n;) {
            // Decode one code point; a malformed sequence (possible only in a report built in
            // code) is skipped a byte at a time.
            // Runs of code points that are never hidden first, stepped over by the rule below:
            // CJK (3-byte sequences led by E3–EE), the bulk of the text, four at a time when it
            // can; printable ASCII; and the 3-byte sequences led by E2 or EF whose decoded value
            // (below) lies outside U+2000–U+207F, U+FEC0–U+FEFF and U+FFC0–U+FFFF, the only
            // places of E2 and EF with hidden code points (the second byte's low six bits are
            // then 0 or 1, or 3B or 3F): arrows, ①, full-width punctuation and forms (EF BC–BE).
            constexpr auto cjk = [](unsigned b) { return b - 0xE3u <= 0xEEu - 0xE3u; };
            while (n - i >= 3) {
                if (n - i >= 12 && cjk(p[i]) && cjk(p[i + 3]) && cjk(p[i + 6]) && cjk(p[i + 9])) {
                    i += 12;
                    continue;
                }
                const unsigned b = p[i];
                if (cjk(b) || (b == 0xE2 && (p[i + 1] & 0x3Eu) != 0) ||
                    (b == 0xEF && ((p[i + 1] & 0x3Fu) | 0x04u) != 0x3F))
                    i += 3;
                else if (b - 0x20u < 0x7Fu - 0x20u)
                    ++i;
                else
                    break;
            }
            if (i == n) break;
            std::uint32_t cp = p[i];
            if (const std::size_t step = scan_step[cp]; step != 0) {  // never hidden: step over it, by the same rule
                i += step <= n - i ? step : 1;
                continue;
            }
            std::size_t len = 1;
            if (cp >= 0xC0 && cp < 0xE0 && i + 1 < n)
                cp = ((cp & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), len = 2;
            else if (cp >= 0xE0 && cp < 0xF0 && i + 2 < n)
                cp = ((cp & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), len = 3;
            else if (cp >= 0xF0 && i + 3 < n)
                cp = ((cp & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu),
                len = 4;
            if (hidden(cp)) {
                any = true;
                if (!hidden_found(cp)) break;
            }
            i += len;
        }
        return any;
    }

    void check_string(const std::string& s) {
        std::vector<std::uint32_t> found;
        scan_hidden(s, [&](std::uint32_t cp) {
            if (std::find(found.begin(), found.end(), cp) == found.end()) found.push_back(cp);
            return true;
        });
        if (found.empty()) return;
        std::string actual;
        for (std::size_t k = 0; k < found.size() && k < 8; ++k) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "%sU+%04X", k ? " " : "", static_cast<unsigned>(found[k]));
            actual += buf;
        }
        if (found.size() > 8) actual += " …";
        const std::string pointer = text_pointer();
        message_values v;
        v.detail_zh = v.detail_en = pointer;
        add_field("XXGK-S-001", pointer, "", actual, v);
    }

    // ---- one root cause, one error: a finding that disappears once the implied value of a
    // blank total is filled in follows from that blank total.

    // caused_by and the English note: "<code> <key>"; the Chinese note names the root cell by its labels.
    struct root_names {
        std::string code_key, zh;
        void add(const finding& root, const std::string& name_zh) {
            if (!code_key.empty()) code_key += "; ", zh += "；";
            code_key += root.code + " " + root.key;
            zh += root.code + "（" + name_zh + "）";
        }
    };

    void mark_consequence(finding& f, const root_names& roots) {
        f.caused_by = roots.code_key;
        f.severity = severity::info;
        f.message_zh += "（此项由 " + roots.zh + " 导致，补全该空白单元格后即相符。）";
        f.message_en += " (This follows from " + roots.code_key + "; it resolves once that blank cell is filled in.)";
    }

    void mark_consequences() {
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

    struct implied_root {
        decimal value;        // the implied value of the blank total
        std::size_t finding;  // index of its finding in out_
        bool conflict;        // another rule implies a different value for the same cell
    };

    const report& r_;
    format_version format_;
    const label_table& labels_;
    const std::vector<cell_key>& keys_;     // cell_keys(format_)
    const rule_pack& pack_;                 // pack_of(format_)
    std::unique_ptr<const cell*[]> cells_;  // cells_[i]: the cell of keys_[i]
    validate_options options_;
    std::vector<finding> out_;
    std::map<const cell*, implied_root> implied_;                 // blank total → implied value, its finding
    std::vector<std::pair<std::size_t, std::size_t>> same_cell_;  // (consequence, root): one blank total, two rules
    std::vector<pending_check> pending_;                          // findings that may follow from a blank total
    std::forward_list<std::string> owned_;  // names that terms point at (R6 subtotal keys); allocates only when used
};

}  // namespace

std::vector<finding> validate(const report& r, const validate_options& options) { return checker(r, options).run(); }

std::size_t count_errors(const std::vector<finding>& findings) noexcept {
    std::size_t n = 0;
    for (const finding& f : findings) n += f.severity == severity::error;
    return n;
}

std::string findings_to_json(const std::vector<finding>& findings) {
    std::string out;
    detail::json_writer w(out);
    detail::encode_context ctx;
    detail::encode_value(w, findings, ctx);
    return out;
}

}  // namespace xxgk
