// Tests of the cross-year rules R8, R9, R10 (include/xxgk/series.hpp, docs/multi.md).
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using xxgk::cell;
using xxgk::decimal;
using xxgk::finding;
using xxgk::format_version;
using xxgk::report;

report year(int y) {
    report r = report::make(*xxgk::format_for_year(y));
    r.header.body = "测试县人民政府";
    r.header.scope = xxgk::report_scope::compiled;
    r.header.year = y;
    return r;
}

void put(report& r, const std::string& key, std::int64_t v) { xxgk::set_cell(r, key, cell::number(decimal(v))); }

std::vector<const finding*> with_code(const std::vector<finding>& fs, const std::string& code) {
    std::vector<const finding*> out;
    for (const finding& f : fs)
        if (f.code == code) out.push_back(&f);
    return out;
}

}  // namespace

TEST_CASE("R8: 上年结转 of N = 结转下年度继续办理 of N−1, per column", "[series][R8]") {
    report y2019 = year(2019), y2020 = year(2020);
    put(y2019, "requests.carried_forward.natural_person", 12);
    put(y2019, "requests.carried_forward.total", 12);
    put(y2020, "requests.carried_over.natural_person", 12);
    put(y2020, "requests.carried_over.total", 12);
    SECTION("holds") { CHECK(xxgk::validate_series({y2019, y2020}).empty()); }
    SECTION("fails, naming both years' cells") {
        put(y2020, "requests.carried_over.total", 6);
        const auto found = xxgk::validate_series({y2020, y2019});  // any order
        REQUIRE(found.size() == 1);
        const finding& f = found.front();
        CHECK(f.code == "XXGK-Y-001");
        CHECK(f.rule == "R8");
        CHECK(f.severity == xxgk::severity::warning);
        CHECK(f.key == "requests.carried_over.total");
        CHECK(f.pointer == "/requests/carried_over/total");
        CHECK(f.expected == "12");
        CHECK(f.actual == "6");
        CHECK(f.cells ==
              std::vector<std::string>{"requests.carried_over.total@2020", "requests.carried_forward.total@2019"});
        CHECK(f.message_zh.find("2020年") != std::string::npos);
        CHECK(f.message_zh.find("2019年") != std::string::npos);
        CHECK(f.message_en.find("requests.carried_forward.total (2019) 12") != std::string::npos);
        CHECK(f.message_en.find("difference -6") != std::string::npos);
    }
    SECTION("a blank term: nothing reported (§9.1)") {
        xxgk::set_cell(y2020, "requests.carried_over.total", cell::blank());
        CHECK(xxgk::validate_series({y2019, y2020}).empty());
    }
}

TEST_CASE("R8 bridges the 2020→2021 format switch; R9 and R10 do not", "[series][R8][R9][R10]") {
    report y2020 = year(2020), y2021 = year(2021);
    REQUIRE(y2020.format() == format_version::v2019);
    REQUIRE(y2021.format() == format_version::v2021);
    put(y2020, "requests.carried_forward.enterprise", 2);
    put(y2021, "requests.carried_over.enterprise", 3);
    put(y2020, "proactive.normative_documents.total_published", 100);
    put(y2021, "proactive.normative_documents.in_force", 5);  // R10 would need a 2021 year N−1
    put(y2021, "proactive.normative_documents.issued", 1);
    put(y2021, "proactive.normative_documents.repealed", 0);
    const auto found = xxgk::validate_series({y2020, y2021});
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "XXGK-Y-001");
    CHECK(found[0].key == "requests.carried_over.enterprise");
    CHECK(found[0].expected == "2");
    CHECK(found[0].actual == "3");
}

TEST_CASE("R9: item counts and documents published (2019 format)", "[series][R9]") {
    report y2019 = year(2019), y2020 = year(2020);
    put(y2019, "proactive.penalties.prior_items", 2370);
    put(y2019, "proactive.penalties.change", -58);
    put(y2020, "proactive.penalties.prior_items", 2312);
    put(y2019, "proactive.normative_documents.total_published", 198);
    put(y2020, "proactive.normative_documents.new_published", 28);
    put(y2020, "proactive.normative_documents.total_published", 226);
    SECTION("holds") { CHECK(xxgk::validate_series({y2019, y2020}).empty()); }
    SECTION("item counts: warning") {
        put(y2020, "proactive.penalties.prior_items", 2370);
        const auto found = xxgk::validate_series({y2019, y2020});
        REQUIRE(found.size() == 1);
        CHECK(found[0].code == "XXGK-Y-002");
        CHECK(found[0].rule == "R9");
        CHECK(found[0].severity == xxgk::severity::warning);
        CHECK(found[0].key == "proactive.penalties.prior_items");
        CHECK(found[0].expected == "2312");
        CHECK(found[0].actual == "2370");
        CHECK(found[0].cells == std::vector<std::string>{"proactive.penalties.prior_items@2020",
                                                         "proactive.penalties.prior_items@2019",
                                                         "proactive.penalties.change@2019"});
    }
    SECTION("documents published: info (withdrawals break it)") {
        put(y2020, "proactive.normative_documents.total_published", 220);
        const auto found = xxgk::validate_series({y2019, y2020});
        REQUIRE(found.size() == 1);
        CHECK(found[0].code == "XXGK-Y-003");
        CHECK(found[0].severity == xxgk::severity::info);
        CHECK(found[0].expected == "226");
        CHECK(found[0].actual == "220");
        CHECK(found[0].cells == std::vector<std::string>{"proactive.normative_documents.total_published@2020",
                                                         "proactive.normative_documents.total_published@2019",
                                                         "proactive.normative_documents.new_published@2020"});
    }
}

TEST_CASE("R10: 现行有效件数 chain (2021 format), a warning", "[series][R10]") {
    report y2021 = year(2021), y2022 = year(2022);
    put(y2021, "proactive.normative_documents.in_force", 15);
    put(y2022, "proactive.normative_documents.issued", 3);
    put(y2022, "proactive.normative_documents.repealed", 1);
    put(y2022, "proactive.normative_documents.in_force", 17);
    SECTION("holds") { CHECK(xxgk::validate_series({y2021, y2022}).empty()); }
    SECTION("fails") {
        put(y2022, "proactive.normative_documents.repealed", 4);
        const auto found = xxgk::validate_series({y2021, y2022});
        REQUIRE(found.size() == 1);
        CHECK(found[0].code == "XXGK-Y-004");
        CHECK(found[0].rule == "R10");
        CHECK(found[0].severity == xxgk::severity::warning);
        CHECK(found[0].key == "proactive.normative_documents.in_force");
        CHECK(found[0].expected == "14");
        CHECK(found[0].actual == "17");
        CHECK(found[0].cells == std::vector<std::string>{"proactive.normative_documents.in_force@2022",
                                                         "proactive.normative_documents.in_force@2021",
                                                         "proactive.normative_documents.issued@2022",
                                                         "proactive.normative_documents.repealed@2022"});
        CHECK(found[0].message_en.find("− proactive.normative_documents.repealed (2022) 4") != std::string::npos);
    }
}

TEST_CASE("a gap in the series is reported and not bridged", "[series]") {
    report y2019 = year(2019), y2021 = year(2021), y2022 = year(2022);
    put(y2019, "requests.carried_forward.total", 5);
    put(y2021, "requests.carried_over.total", 1);  // not compared with 2019
    put(y2021, "requests.carried_forward.total", 2);
    put(y2022, "requests.carried_over.total", 2);
    const auto found = xxgk::validate_series({y2022, y2019, y2021});
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "XXGK-Y-005");
    CHECK(found[0].severity == xxgk::severity::info);
    CHECK(found[0].pointer == "/header/year");
    CHECK(found[0].expected == "2020");
    CHECK(found[0].actual == "2021");
}

TEST_CASE("a series is one body and scope, one report a year", "[series][errors]") {
    report a = year(2020), b = year(2021);
    b.header.body = "另一县人民政府";
    try {
        (void)xxgk::validate_series({a, b});
        FAIL("no exception");
    } catch (const xxgk::incompatible_reports_error& e) {
        CHECK(e.code() == xxgk::errc::invalid_value);
        CHECK(e.index() == 1);
        CHECK(std::string(e.what()).find("另一县人民政府") != std::string::npos);
    }
    b.header.body = a.header.body;
    b.header.scope = xxgk::report_scope::own;
    CHECK_THROWS_AS(xxgk::validate_series({a, b}), xxgk::incompatible_reports_error);
    CHECK_THROWS_AS(xxgk::validate_series({a, a}), xxgk::incompatible_reports_error);
    CHECK_THROWS_AS(xxgk::validate_series({}), xxgk::incompatible_reports_error);
    CHECK(xxgk::validate_series({a}).empty());
}

TEST_CASE("the seed's series with a following year", "[series][seed]") {
    const report seed = xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json");
    report next = year(2021);
    next.header.body = seed.header.body;
    put(next, "requests.carried_over.natural_person", 12);
    put(next, "requests.carried_over.total", 12);
    CHECK(xxgk::validate_series({seed, next}).empty());  // the seed's 四 is 12 / blank … / 12
    put(next, "requests.carried_over.total", 10);
    const auto all = xxgk::validate_series({seed, next});
    const auto found = with_code(all, "XXGK-Y-001");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->expected == "12");
}
