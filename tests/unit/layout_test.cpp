// Tests of include/xxgk/layout.hpp: the layout and the identities are read off the keys and the
// row roles, and every consumer — the validator, the importer's solver, the generator — works from
// them: a cell broken in a generated report is found by exactly the identities that hold it, with
// their codes at their subjects, and the solver's score sees the same identities break.
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include "../../src/import/solver.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace {

using xxgk::format_version;

std::vector<std::string> strings(const std::vector<std::string_view>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("the layout of each format is read off its keys and row roles", "[layout]") {
    for (format_version f : {format_version::v2019, format_version::v2021}) {
        const xxgk::table_layout& l = xxgk::layout(f);
        CHECK(l.format == f);
        CHECK(strings(l.inflow_rows) == std::vector<std::string>{"received", "carried_over"});
        CHECK(l.outcome_total_row == "total");
        CHECK(l.outflow_row == "carried_forward");
        CHECK(strings(l.applicant_columns) == std::vector<std::string>{"natural_person", "enterprise",
                                                                       "research_institute", "nonprofit",
                                                                       "legal_service", "other_org"});
        CHECK(l.request_columns.size() == 7);
        CHECK(l.request_columns.back() == "total");
        CHECK(strings(l.case_outcome_columns) == std::vector<std::string>{"upheld", "corrected", "other", "pending"});
        CHECK(l.case_columns.back() == "total");
        CHECK(l.case_groups.size() == 3);
        CHECK(l.outcome_leaf_rows.front() == "granted");
        // Every row of 三 is an inflow, a leaf, the total or the outflow: the roles cover the table.
        CHECK(l.request_rows.size() == l.inflow_rows.size() + l.outcome_leaf_rows.size() + 2);
        // Rows and columns multiply out to the keys of each section.
        std::size_t requests = 0, cases = 0, proactive = 0;
        for (const xxgk::cell_key& k : xxgk::cell_keys(f)) {
            requests += k.section == "requests";
            cases += k.section == "review_litigation";
            proactive += k.section == "proactive";
        }
        CHECK(requests == l.request_rows.size() * l.request_columns.size());
        CHECK(cases == l.case_groups.size() * l.case_columns.size());
        CHECK(proactive > 0);
    }
    CHECK(xxgk::layout(format_version::v2019).outcome_leaf_rows.size() == 19);  // … （六）其他处理
    CHECK(xxgk::layout(format_version::v2021).outcome_leaf_rows.size() == 21);  // … 1./2./3. of （六）
    CHECK(xxgk::layout(format_version::v2019).proactive_columns.size() == 8);
    CHECK(xxgk::layout(format_version::v2021).proactive_columns.size() == 5);
}

TEST_CASE("the identities: R1 and R3 per column, R2 per row, R5 per group", "[layout]") {
    for (format_version f : {format_version::v2019, format_version::v2021}) {
        const xxgk::table_layout& l = xxgk::layout(f);
        const auto& ids = xxgk::identities(f);
        std::size_t r1 = 0, r2 = 0, r3 = 0, r5 = 0;
        for (const xxgk::table_identity& id : ids) {
            r1 += id.rule == "R1";
            r2 += id.rule == "R2";
            r3 += id.rule == "R3";
            r5 += id.rule == "R5";
            CHECK(id.total_rule == (id.rule != "R1"));
            const xxgk::cell_key& subject = xxgk::cell_keys(f)[id.subject];
            if (id.total_rule) {
                REQUIRE(id.lhs.size() == 1);
                CHECK(id.subject == id.lhs.front());
                CHECK_FALSE(id.blank_total_code.empty());
            }
            if (id.rule == "R2" || id.rule == "R5") CHECK(subject.column == "total");
            if (id.rule == "R1" || id.rule == "R3") CHECK(subject.row == l.outcome_total_row);
        }
        CHECK(r1 == 7);
        CHECK(r2 == l.request_rows.size());
        CHECK(r3 == 7);
        CHECK(r5 == 3);
        CHECK(ids.size() == r1 + r2 + r3 + r5);
        const xxgk::table_identity& first = ids.front();
        CHECK(xxgk::cell_keys(f)[first.lhs[0]].key == "requests.received.natural_person");
        CHECK(xxgk::cell_keys(f)[first.rhs[1]].key == "requests.carried_forward.natural_person");
        CHECK(first.mismatch_code == "XXGK-T3-001");
    }
}

TEST_CASE("validator, solver and generator work from the same identities", "[layout]") {
    for (format_version f : {format_version::v2019, format_version::v2021}) {
        xxgk::generate_options o;
        o.format = f;
        o.seed = 11;
        xxgk::report valid = xxgk::generate_report(o, 0).value;
        // Every cell a number (a blank reads as 0): each broken identity is then a plain mismatch.
        for (std::size_t i = 0; i < xxgk::cell_keys(f).size(); ++i)
            if (!xxgk::cell_at(valid, i).is_number()) xxgk::cell_at(valid, i) = xxgk::cell::number(xxgk::decimal(0));
        const auto& ids = xxgk::identities(f);
        const auto& scorer = xxgk::import_detail::identity_scorer::of(f);
        // The generator satisfies every identity, the validator finds nothing, the solver scores 0.
        REQUIRE(xxgk::validate(valid).empty());
        std::vector<std::size_t> all(xxgk::cell_keys(f).size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        CHECK(scorer.score(valid, all) == 0);
        // Raise one cell of each section by one: exactly the identities holding it report it.
        for (const char* key : {"requests.withheld_state_secret.enterprise",
                                "review_litigation.litigation_direct.pending", "requests.carried_over.total"}) {
            const xxgk::cell_key* k = xxgk::find_cell_key(f, key);
            REQUIRE(k != nullptr);
            xxgk::report broken = valid;
            xxgk::cell& c = xxgk::cell_at(broken, k->index);
            c = xxgk::cell::number(xxgk::decimal(*c.value().to_integer() + 1));
            std::set<std::pair<std::string, std::string>> expected;  // code, key
            for (const xxgk::table_identity& id : ids) {
                const bool holds_cell = std::count(id.lhs.begin(), id.lhs.end(), k->index) +
                                        std::count(id.rhs.begin(), id.rhs.end(), k->index);
                if (holds_cell) expected.insert({std::string(id.mismatch_code), xxgk::cell_keys(f)[id.subject].key});
            }
            REQUIRE_FALSE(expected.empty());
            std::set<std::pair<std::string, std::string>> found;
            for (const xxgk::finding& x : xxgk::validate(broken)) found.insert({x.code, x.key});
            CHECK(found == expected);
            CHECK(scorer.score(broken, {k->index}) == 3 * static_cast<int>(expected.size()));
        }
    }
}
