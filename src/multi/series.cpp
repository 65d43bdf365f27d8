// The cross-year rules R8, R9, R10 (include/xxgk/series.hpp, docs/formats.md §9, docs/multi.md).
#include "xxgk/series.hpp"
#include "../codes.hpp"

#include "../findings.hpp"
#include "xxgk/error.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <numeric>

namespace xxgk {
namespace {

/// A cell of one year: the report and the key.
struct year_cell {
    const report* r;
    const cell_key* k;
    std::string name() const { return k->key + "@" + std::to_string(r->header.year); }
    std::string zh() const { return std::to_string(r->header.year) + "年" + detail::cell_name_zh(r->format(), *k); }
    std::string en() const { return k->key + " (" + std::to_string(r->header.year) + ")"; }
    const cell& value() const { return cell_at(*r, k->index); }
};

year_cell at(const report& r, const std::string& key) {
    const cell_key* k = find_cell_key(r.format(), key);
    return {&r, k};
}

class series_checker {
public:
    std::vector<finding> out;

    // subject (year N) = Σ plus − Σ minus; every term must be a number (§9.1: R8–R10 report nothing otherwise).
    void check(std::string_view code, const year_cell& subject, const std::vector<year_cell>& plus,
               const std::vector<year_cell>& minus = {}) {
        if (!subject.value().is_number()) return;
        decimal sum;
        for (const auto* side : {&plus, &minus})
            for (const year_cell& t : *side) {
                if (!t.value().is_number()) return;
                const auto next =
                    side == &plus ? decimal::add(sum, t.value().value()) : decimal::subtract(sum, t.value().value());
                if (!next) return;
                sum = *next;
            }
        const decimal actual = subject.value().value();
        if (actual == sum) return;
        detail::message_values v;
        v.cell_zh = subject.zh();
        v.cell_en = subject.en();
        v.difference = decimal::difference_text(actual, sum);
        // {detail}: the terms with their years and values.
        std::string zh, en;
        auto term = [&](const year_cell& t, const char* sign_zh, const char* sign_en) {
            zh += (zh.empty() ? std::string() : std::string(sign_zh)) + t.zh() + " " + t.value().value().to_string();
            en += (en.empty() ? std::string() : std::string(sign_en)) + t.en() + " " + t.value().value().to_string();
        };
        for (const year_cell& t : plus) term(t, " + ", " + ");
        for (const year_cell& t : minus) term(t, " − ", " − ");
        v.detail_zh = zh;
        v.detail_en = en;
        std::vector<std::string> cells{subject.name()};
        for (const year_cell& t : plus) cells.push_back(t.name());
        for (const year_cell& t : minus) cells.push_back(t.name());
        out.push_back(detail::make_finding(code, subject.k->key, subject.k->pointer, sum.to_string(),
                                           actual.to_string(), std::move(cells), std::move(v)));
    }

    void pair(const report& prev, const report& cur) {
        // R8: per column of section 三, both formats (the 三 columns did not change).
        for (const cell_key& k : cell_keys(cur.format())) {
            if (k.section != "requests" || k.row != "carried_over") continue;
            const std::string forward = "requests.carried_forward." + std::string(k.column);
            check(codes::Y_001, {&cur, &k}, {at(prev, forward)});
        }
        if (prev.format() != cur.format()) return;  // R9 and R10 do not bridge the format switch
        for (const cell_key& k : cell_keys(cur.format())) {
            if (k.section != "proactive") continue;
            const std::string row = "proactive." + std::string(k.row) + ".";
            if (cur.format() == format_version::v2019) {
                if (k.column == "prior_items")  // R9, item counts
                    check(codes::Y_002, {&cur, &k}, {at(prev, row + "prior_items"), at(prev, row + "change")});
                else if (k.column == "total_published")  // R9, documents published
                    check(codes::Y_003, {&cur, &k},
                          {at(prev, row + "total_published"), at(cur, row + "new_published")});
            } else if (k.column == "in_force") {  // R10
                check(codes::Y_004, {&cur, &k}, {at(prev, row + "in_force"), at(cur, row + "issued")},
                      {at(cur, row + "repealed")});
            }
        }
    }

    void gap(const report& prev, const report& cur) {
        detail::message_values v;
        v.detail_zh = v.detail_en =
            std::to_string(prev.header.year + 1) +
            (cur.header.year - prev.header.year > 2 ? "–" + std::to_string(cur.header.year - 1) : "");
        out.push_back(detail::make_finding(codes::Y_005, "", "/header/year", std::to_string(prev.header.year + 1),
                                           std::to_string(cur.header.year), {}, std::move(v)));
    }
};

std::string who(const report& r, std::size_t i) {
    return "report " + std::to_string(i) + " (" + r.header.body + ", " + std::to_string(r.header.year) + ")";
}

}  // namespace

std::vector<finding> validate_series(const std::vector<report>& reports) {
    if (reports.empty()) throw incompatible_reports_error(errc::invalid_value, 0, "no reports in the series");
    const report& first = reports.front();
    for (std::size_t i = 1; i < reports.size(); ++i) {
        const report& r = reports[i];
        if (r.header.body != first.header.body)
            throw incompatible_reports_error(errc::invalid_value, i,
                                             who(r, i) + " is of another body than report 0 (" + first.header.body +
                                                 "): a series is one body's reports");
        if (r.header.scope != first.header.scope)
            throw incompatible_reports_error(errc::invalid_value, i,
                                             who(r, i) + " has another scope than report 0 (" +
                                                 std::string(boost::describe::enum_to_string(first.header.scope, "?")) +
                                                 "): own and compiled reports form separate series");
    }
    std::vector<std::size_t> order(reports.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return reports[a].header.year < reports[b].header.year; });
    series_checker c;
    for (std::size_t n = 1; n < order.size(); ++n) {
        const report& prev = reports[order[n - 1]];
        const report& cur = reports[order[n]];
        if (cur.header.year == prev.header.year)
            throw incompatible_reports_error(errc::invalid_value, order[n],
                                             who(cur, order[n]) + " has the same year as " + who(prev, order[n - 1]));
        if (cur.header.year == prev.header.year + 1)
            c.pair(prev, cur);
        else
            c.gap(prev, cur);
    }
    return std::move(c.out);
}

}  // namespace xxgk
