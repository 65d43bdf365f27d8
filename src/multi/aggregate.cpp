// 汇总: summing the cells of sub-unit reports (include/xxgk/aggregate.hpp, docs/multi.md).
#include "xxgk/aggregate.hpp"
#include "../codes.hpp"

#include "../findings.hpp"
#include "xxgk/error.hpp"
#include "xxgk/keys.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <optional>

namespace xxgk {
namespace {

std::string describe_report(const report& r, std::size_t index) {
    return "report " + std::to_string(index) + " (" + (r.header.body.empty() ? std::string("no body") : r.header.body) +
           ", " + std::to_string(r.header.year) + ", " + std::string(to_string(r.format())) + " format)";
}

// The parts must share format and year; `published` (when given) too.
void check_compatible(const std::vector<report>& parts, const report* published) {
    if (parts.empty()) throw incompatible_reports_error(errc::invalid_value, 0, "no sub-unit reports to combine");
    const report& first = published ? *published : parts.front();
    const std::string what = published ? "the published report" : describe_report(parts.front(), 0);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const report& p = parts[i];
        if (p.format() != first.format())
            throw incompatible_reports_error(errc::wrong_format, i,
                                             describe_report(p, i) + " has another format than " + what + " (" +
                                                 std::string(to_string(first.format())) +
                                                 "): reports of different formats cannot be summed");
        if (p.header.year != first.header.year)
            throw incompatible_reports_error(errc::invalid_value, i,
                                             describe_report(p, i) + " covers another year than " + what + " (" +
                                                 std::to_string(first.header.year) +
                                                 "): reports of different years cannot be summed");
    }
}

// A money value in 万元 (exact: 1 元 = 0.0001 万元). Nothing when the scale would exceed the maximum.
std::optional<decimal> in_wan_yuan(decimal v, money_unit unit) {
    if (unit != money_unit::yuan) return v;
    if (v.scale() + 4 > decimal::max_scale) return std::nullopt;
    return decimal(v.coefficient(), v.scale() + 4);
}

/// One cell summed over the parts.
struct cell_sum {
    cell result;
    cell_sources sources;
};

cell_sum sum_cell(const std::vector<report>& parts, const cell_key& k) {
    cell_sum s;
    s.sources.key = k.key;
    const bool money = k.kind == value_kind::amount || k.kind == value_kind::amount_wan_yuan;
    // The unit of the sum: the common unit of the parts; 万元 when 元 and 万元 are mixed. For the
    // 2021 column 本年收费金额（单位：万元） "no unit" means 万元.
    std::optional<money_unit> common;
    bool mixed = false;
    if (money)
        for (const report& p : parts) {
            const cell& c = cell_at(p, k.index);
            if (!c.is_number()) continue;
            money_unit u = c.unit();
            if (k.kind == value_kind::amount_wan_yuan && u == money_unit::none) u = money_unit::wan_yuan;
            if (k.kind == value_kind::amount && u == money_unit::none) continue;  // cannot take part in a unit choice
            if (!common)
                common = u;
            else if (*common != u)
                mixed = true;
        }
    const money_unit unit = !money  ? money_unit::none
                            : mixed ? money_unit::wan_yuan
                                    : common.value_or(money_unit::none);
    decimal total;
    std::size_t not_applicable = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const cell& c = cell_at(parts[i], k.index);
        if (!c.is_number()) {
            if (c.state() == cell_state::blank || c.state() == cell_state::not_applicable) {
                s.sources.blank.push_back(i);
                not_applicable += c.state() == cell_state::not_applicable;
            } else {
                s.sources.unknown.push_back(i);
            }
            continue;
        }
        std::optional<decimal> v = c.value();
        if (money) {
            money_unit u = c.unit();
            if (k.kind == value_kind::amount_wan_yuan && u == money_unit::none) u = money_unit::wan_yuan;
            if (u == money_unit::none && unit != money_unit::none)
                v.reset();  // a unit cannot be assumed
            else if (unit == money_unit::wan_yuan)
                v = in_wan_yuan(*v, u);
        }
        const std::optional<decimal> next = v ? decimal::add(total, *v) : std::nullopt;
        if (!next) {
            s.sources.unknown.push_back(i);
            continue;
        }
        total = *next;
        s.sources.summed.push_back(i);
    }
    if (!s.sources.summed.empty()) {
        // A 2021 本年收费金额 sum keeps "no unit" when every part wrote none (the column says 万元).
        money_unit shown = unit;
        if (k.kind == value_kind::amount_wan_yuan && !mixed) {
            bool any_written = false;
            for (std::size_t i : s.sources.summed) any_written |= cell_at(parts[i], k.index).unit() != money_unit::none;
            if (!any_written) shown = money_unit::none;
        }
        s.result = cell::number(total, shown);
    } else if (not_applicable == parts.size()) {
        s.result = cell::not_applicable("-");
    }
    return s;
}

}  // namespace

aggregation aggregate(const std::vector<report>& parts, const report_header& header) {
    check_compatible(parts, nullptr);
    const int year = parts.front().header.year;
    if (header.year != 0 && header.year != year)
        throw incompatible_reports_error(errc::invalid_value, 0,
                                         "the header's year " + std::to_string(header.year) +
                                             " is not the year of the sub-unit reports (" + std::to_string(year) + ")");
    aggregation out;
    out.report = report::make(parts.front().format());
    out.report.header = header;
    out.report.header.year = year;
    const auto& keys = cell_keys(out.report.format());
    out.sources.reserve(keys.size());
    for (const cell_key& k : keys) {
        cell_sum s = sum_cell(parts, k);
        cell_at(out.report, k.index) = std::move(s.result);
        out.sources.push_back(std::move(s.sources));
    }
    return out;
}

std::vector<finding> check_aggregate(const report& published, const std::vector<report>& parts) {
    check_compatible(parts, &published);
    const format_version format = published.format();
    std::vector<finding> out;
    for (const cell_key& k : cell_keys(format)) {
        const cell_sum s = sum_cell(parts, k);
        const cell& shown = cell_at(published, k.index);
        // Money is compared in one unit: the sum's, or 万元 when the published amount is written in
        // the other unit. An amount without a unit where the other side has one is not comparable.
        const bool money = k.kind == value_kind::amount || k.kind == value_kind::amount_wan_yuan;
        auto unit_of = [&](const cell& c) {
            return k.kind == value_kind::amount_wan_yuan && c.unit() == money_unit::none ? money_unit::wan_yuan
                                                                                         : c.unit();
        };
        const money_unit sum_unit = unit_of(s.result);
        money_unit target = sum_unit;
        cell printed = shown;
        if (money && shown.is_number() && s.result.is_number()) {
            const money_unit published_unit = unit_of(shown);
            if ((published_unit == money_unit::none) != (sum_unit == money_unit::none))
                printed = cell::text(shown.raw().value_or(shown.value().to_string()));
            else if (published_unit != sum_unit)
                target = money_unit::wan_yuan;
            if (printed.is_number() && target == money_unit::wan_yuan) {
                const auto w = in_wan_yuan(shown.value(), published_unit);
                printed = w ? cell::number(*w, money_unit::wan_yuan) : cell::text(shown.value().to_string());
            }
        }
        // published = Σ parts, a total rule: each part is one term (its value in the compared unit).
        std::vector<std::string> names;
        names.reserve(parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i) names.push_back(k.key + "@parts/" + std::to_string(i));
        std::vector<cell> values(parts.size());
        for (std::size_t i : s.sources.summed) {
            const cell& c = cell_at(parts[i], k.index);
            const std::optional<decimal> v =
                money && target == money_unit::wan_yuan ? in_wan_yuan(c.value(), unit_of(c)) : std::optional(c.value());
            values[i] = v ? cell::number(*v) : cell::not_captured();
        }
        for (std::size_t i : s.sources.unknown) values[i] = cell::not_captured();
        std::vector<detail::term> lhs{{&printed, k.key}}, rhs;
        for (std::size_t i = 0; i < parts.size(); ++i) rhs.push_back({&values[i], names[i]});
        const detail::evaluation e = detail::evaluate(lhs, rhs, true);
        if (e.result == detail::outcome::holds) continue;
        const std::string_view code = e.result == detail::outcome::mismatch      ? codes::A_001
                                      : e.result == detail::outcome::blank_total ? codes::A_002
                                                                                 : codes::A_003;
        detail::message_values v;
        v.cell_zh = detail::cell_name_zh(format, k);
        v.cell_en = k.key;
        // The contributions, by sub-report body: "甲局 3、乙镇 空白".
        std::string zh, en;
        const std::size_t shown_parts = std::min<std::size_t>(parts.size(), 8);
        for (std::size_t i = 0; i < shown_parts; ++i) {
            const cell& c = cell_at(parts[i], k.index);
            const std::string body = parts[i].header.body.empty() ? "#" + std::to_string(i) : parts[i].header.body;
            const std::string val_zh = c.is_number() ? c.value().to_string() : c.is_blank() ? "空白" : "未知";
            const std::string val_en =
                c.is_number() ? c.value().to_string() : std::string(boost::describe::enum_to_string(c.state(), "?"));
            if (i) zh += "、", en += ", ";
            zh += body + " " + val_zh;
            en += body + " " + val_en;
        }
        if (parts.size() > shown_parts) {
            zh += "等" + std::to_string(parts.size()) + "份报告";
            en += " and " + std::to_string(parts.size() - shown_parts) + " more";
        }
        v.detail_zh = zh;
        v.detail_en = en;
        std::string expected = e.rhs_known.to_string();
        if (!e.all_known && e.result == detail::outcome::mismatch && e.rhs_unknown > 0) expected = "≥ " + expected;
        // The published value (converted when compared in 万元; as printed when not comparable).
        std::string actual = printed.is_number() ? printed.value().to_string()
                             : shown.is_number() ? shown.raw().value_or(shown.value().to_string())
                                                 : std::string(boost::describe::enum_to_string(shown.state(), "?"));
        if (e.result == detail::outcome::blank_nonzero) {
            v.difference = decimal::difference_text(e.lhs_known, e.rhs_known);
        } else if (e.all_known) {
            v.difference = decimal::difference_text(e.lhs_known, e.rhs_known);
        }
        std::vector<std::string> cells{k.key};
        for (std::size_t i : s.sources.summed) cells.push_back(names[i]);
        out.push_back(detail::make_finding(code, k.key, k.pointer, std::move(expected), std::move(actual),
                                           std::move(cells), std::move(v)));
    }
    return out;
}

}  // namespace xxgk
