// Internal: the checker behind xxgk::validate — one pass over a report, one family of checks per
// file: header_checks.cpp (XXGK-H), domain_checks.cpp (R7, XXGK-V), arithmetic_checks.cpp (section
// 二, R1–R3, R5, R6 and the consequences of a blank total), text_checks.cpp (narrative, the fee
// statement, hidden characters); checker.cpp runs them and holds the rule packs.
#ifndef XXGK_SRC_VALIDATE_CHECKER_HPP
#define XXGK_SRC_VALIDATE_CHECKER_HPP

#include "xxgk/validate.hpp"
#include "../codes.hpp"

#include "../findings.hpp"
#include "../json_codec.hpp"
#include "../word_bits.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"
#include "xxgk/layout.hpp"
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

#include <boost/describe/enum_to_string.hpp>

namespace xxgk::validation {
// ---------------------------------------------------------------------------------------------
// The rule packs: the checks of section 二 and the fee row, by cell index (the identities are
// xxgk::identities(format), include/xxgk/layout.hpp).

/// A section 二 check of the 2019 format (T2-001 on a `change` cell, T2-002 on a `new_published`
/// cell), with the index of the other cell it reads (prior_items, total_published).
struct proactive_check {
    bool change;
    std::size_t cell, other;
};

struct rule_pack {
    std::vector<proactive_check> proactive;  // in key order
    std::size_t unpaid_fee_total = 0;        // requests.other_unpaid_fee.total (2021 format)
};

/// The rule pack of a format, built once.
const rule_pack& pack_of(format_version format);

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
        cells_.reset(new const cell*[keys_.size()]);
        cell_pointers(r_, cells_.get());
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
    // (header_checks.cpp)

    void check_header();

    void check_deadline();

    static bool all_digits(const std::string& s, std::size_t n);

    static bool plausible_email(const std::string& s);

    // ---- R7 value domains
    // (domain_checks.cpp)

    static bool domain_ok(const cell& c, value_kind kind);

    void check_domains();

    static bool plainly_in_domain(const cell& c, value_kind kind);

    // `name()` builds the cell's names; it runs only when there is a finding, so that a clean
    // report costs no string work here.
    template <class Name>
    void check_domain(const cell& c, value_kind kind, Name&& name) {
        if (c.state() == cell_state::blank || c.state() == cell_state::not_applicable) return;
        if (c.is_number() && domain_ok(c, kind)) return;
        const named_cell n = name();
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

    // ---- section 二 identities within one report (2019 format)
    // (arithmetic_checks.cpp)

    void check_proactive();

    // ---- R1, R2, R3, R5
    // (arithmetic_checks.cpp)

    void terms(const std::vector<std::size_t>& indexes, std::vector<term>& t) const;

    struct pending_check {
        std::size_t finding_index;
        std::vector<term> lhs, rhs;
        bool total_rule;
    };

    std::pair<std::string, std::string> describe(const evaluation& e, bool total_rule, const cell& total,
                                                 message_values& v) const;

    static std::string_view code_of(outcome o, std::string_view mismatch, std::string_view blank_total,
                                    std::string_view blank_nonzero);

    void check_identities();

    void note_blank_total(const cell* c, decimal value, std::size_t finding_index);

    // ---- R6: printed 法人或其他组织 subtotals
    // (arithmetic_checks.cpp)

    void check_subtotals();

    // ---- narrative and the fee statement
    // (text_checks.cpp)

    static std::size_t characters(const std::string& s);

    // Calls `f` on each piece of a section's text, in reading order.
    template <class F>
    static void for_each_text(const narrative_section& s, F&& f) {
        for (const auto& p : s.paragraphs) f(p);
        for (const auto& sub : s.subsections) {
            f(sub.title);
            for (const auto& p : sub.paragraphs) f(p);
        }
    }

    static std::string all_text(const narrative_section& s);

    static bool mentions_fees(const narrative_section& s);

    void check_narrative();

    // ---- S-001: text that does not show what it says. Invisible characters and bidirectional
    // (text_checks.cpp)

    void check_text();

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

    std::string text_pointer() const;

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

    static bool hidden(std::uint32_t cp);

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

    void check_string(const std::string& s);

    // ---- one root cause, one error: a finding that disappears once the implied value of a
    // (arithmetic_checks.cpp)

    // caused_by and the English note: "<code> <key>"; the Chinese note names the root cell by its labels.
    struct root_names {
        std::string code_key, zh;
        void add(const finding& root, const std::string& name_zh) {
            if (!code_key.empty()) code_key += "; ", zh += "；";
            code_key += root.code + " " + root.key;
            zh += root.code + "（" + name_zh + "）";
        }
    };

    void mark_consequence(finding& f, const root_names& roots);

    void mark_consequences();

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

}  // namespace xxgk::validation

#endif
