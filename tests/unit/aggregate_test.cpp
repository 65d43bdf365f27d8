// Tests of 汇总 aggregation and the reverse check (include/xxgk/aggregate.hpp, docs/multi.md).
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <string>
#include <vector>

namespace {

using xxgk::cell;
using xxgk::decimal;
using xxgk::format_version;
using xxgk::money_unit;
using xxgk::report;

report part(format_version f, const std::string& body, int year) {
    report r = report::make(f);
    r.header.body = body;
    r.header.year = year;
    return r;
}

void put(report& r, const std::string& key, std::int64_t v) { xxgk::set_cell(r, key, cell::number(decimal(v))); }

xxgk::report_header county(int year = 0) {
    xxgk::report_header h;
    h.body = "测试县人民政府";
    h.scope = xxgk::report_scope::compiled;
    h.year = year;
    return h;
}

const xxgk::cell_sources& sources_of(const xxgk::aggregation& a, const std::string& key) {
    return a.sources.at(xxgk::find_cell_key(a.report.format(), key)->index);
}

}  // namespace

TEST_CASE("aggregate sums every cell and keeps blanks blank", "[aggregate]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020),
           c = part(format_version::v2019, "丙街道", 2020);
    put(a, "requests.granted.natural_person", 3);
    put(b, "requests.granted.natural_person", 4);  // c blank
    put(a, "requests.received.total", 0);          // explicit 0 is a number
    xxgk::set_cell(c, "review_litigation.review.total", cell::text("九"));
    put(b, "review_litigation.review.total", 2);
    const xxgk::aggregation agg = xxgk::aggregate({a, b, c}, county());

    CHECK(agg.report.header.year == 2020);  // taken from the parts
    CHECK(agg.report.header.body == "测试县人民政府");
    CHECK(agg.report.format() == format_version::v2019);
    REQUIRE(agg.sources.size() == xxgk::cell_keys(format_version::v2019).size());

    const cell& granted = xxgk::cell_at(agg.report, "requests.granted.natural_person");
    REQUIRE(granted.is_number());
    CHECK(granted.value() == decimal(7));
    const auto& s = sources_of(agg, "requests.granted.natural_person");
    CHECK(s.key == "requests.granted.natural_person");
    CHECK(s.summed == std::vector<std::size_t>{0, 1});
    CHECK(s.blank == std::vector<std::size_t>{2});
    CHECK(s.unknown.empty());

    // all blank → blank, never 0
    CHECK(xxgk::cell_at(agg.report, "requests.granted.enterprise").is_blank());
    CHECK(sources_of(agg, "requests.granted.enterprise").blank == std::vector<std::size_t>{0, 1, 2});
    // an explicit 0 with blanks → 0
    CHECK(xxgk::cell_at(agg.report, "requests.received.total").is_number());
    CHECK(xxgk::cell_at(agg.report, "requests.received.total").value() == decimal(0));
    // unreadable text is listed as unknown; the sum is a lower bound
    CHECK(xxgk::cell_at(agg.report, "review_litigation.review.total").value() == decimal(2));
    CHECK(sources_of(agg, "review_litigation.review.total").unknown == std::vector<std::size_t>{2});
    CHECK(sources_of(agg, "review_litigation.review.total").blank == std::vector<std::size_t>{0});
}

TEST_CASE("aggregate keeps not applicable when every part printed it", "[aggregate]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    xxgk::set_cell(a, "proactive.penalties.decisions", cell::not_applicable("-"));
    xxgk::set_cell(b, "proactive.penalties.decisions", cell::not_applicable("/"));
    xxgk::set_cell(a, "proactive.licensing.decisions", cell::not_applicable("-"));
    const auto agg = xxgk::aggregate({a, b}, county());
    CHECK(xxgk::cell_at(agg.report, "proactive.penalties.decisions").state() == xxgk::cell_state::not_applicable);
    CHECK(xxgk::cell_at(agg.report, "proactive.licensing.decisions").is_blank());
}

TEST_CASE("aggregate sums signed counts and money exactly, reconciling 元 and 万元", "[aggregate]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    put(a, "proactive.penalties.change", -58);
    put(b, "proactive.penalties.change", 20);
    SECTION("same unit: kept") {
        xxgk::set_cell(a, "proactive.procurement.amount", cell::number(decimal(1742488, 2), money_unit::wan_yuan));
        xxgk::set_cell(b, "proactive.procurement.amount", cell::number(decimal(1, 1), money_unit::wan_yuan));
        const auto agg = xxgk::aggregate({a, b}, county(2020));
        const cell& amount = xxgk::cell_at(agg.report, "proactive.procurement.amount");
        CHECK(amount.value().to_string() == "17424.98");
        CHECK(amount.unit() == money_unit::wan_yuan);
        CHECK(xxgk::cell_at(agg.report, "proactive.penalties.change").value() == decimal(-38));
    }
    SECTION("元 and 万元: summed in 万元, exactly") {
        xxgk::set_cell(a, "proactive.procurement.amount", cell::number(decimal(1742488, 2), money_unit::wan_yuan));
        xxgk::set_cell(b, "proactive.procurement.amount",
                       cell::number(decimal(1234567, 2), money_unit::yuan));  // 12345.67 元
        const auto agg = xxgk::aggregate({a, b}, county());
        const cell& amount = xxgk::cell_at(agg.report, "proactive.procurement.amount");
        CHECK(amount.unit() == money_unit::wan_yuan);
        CHECK(amount.value().to_string() == "17426.114567");  // 17424.88 + 1.234567
        CHECK(sources_of(agg, "proactive.procurement.amount").summed == std::vector<std::size_t>{0, 1});
    }
    SECTION("an amount without a unit beside amounts with one is not added") {
        xxgk::set_cell(a, "proactive.procurement.amount", cell::number(decimal(10), money_unit::yuan));
        xxgk::set_cell(b, "proactive.procurement.amount", cell::number(decimal(5)));
        const auto agg = xxgk::aggregate({a, b}, county());
        CHECK(xxgk::cell_at(agg.report, "proactive.procurement.amount").value() == decimal(10));
        CHECK(xxgk::cell_at(agg.report, "proactive.procurement.amount").unit() == money_unit::yuan);
        CHECK(sources_of(agg, "proactive.procurement.amount").unknown == std::vector<std::size_t>{1});
    }
}

TEST_CASE("aggregate 2021: 本年收费金额 is in 万元 by its column", "[aggregate]") {
    report a = part(format_version::v2021, "甲局", 2022), b = part(format_version::v2021, "乙镇", 2022);
    xxgk::set_cell(a, "proactive.fees.amount",
                   cell::number(decimal(36482571, 6)));  // 36.482571 (万元, no unit written)
    xxgk::set_cell(b, "proactive.fees.amount", cell::number(decimal(5000), money_unit::yuan));
    const auto agg = xxgk::aggregate({a, b}, county());
    const cell& fees = xxgk::cell_at(agg.report, "proactive.fees.amount");
    CHECK(fees.value().to_string() == "36.982571");
    CHECK(fees.unit() == money_unit::wan_yuan);
    CHECK(agg.report.format() == format_version::v2021);
    CHECK(agg.sources.size() == 200);
}

TEST_CASE("aggregate refuses reports of different formats or years", "[aggregate][errors]") {
    const report a = part(format_version::v2019, "甲局", 2020);
    const report b = part(format_version::v2021, "乙镇", 2021);
    const report c = part(format_version::v2019, "丙镇", 2019);
    try {
        (void)xxgk::aggregate({a, b}, county());
        FAIL("no exception");
    } catch (const xxgk::incompatible_reports_error& e) {
        CHECK(e.code() == xxgk::errc::wrong_format);
        CHECK(e.index() == 1);
        CHECK(std::string(e.what()).find("乙镇") != std::string::npos);
    }
    try {
        (void)xxgk::aggregate({a, c}, county());
        FAIL("no exception");
    } catch (const xxgk::incompatible_reports_error& e) {
        CHECK(e.code() == xxgk::errc::invalid_value);
        CHECK(e.index() == 1);
        CHECK(std::string(e.what()).find("different years") != std::string::npos);
    }
    CHECK_THROWS_AS(xxgk::aggregate({}, county()), xxgk::incompatible_reports_error);
    CHECK_THROWS_AS(xxgk::aggregate({a}, county(2021)), xxgk::incompatible_reports_error);
    CHECK_THROWS_AS(xxgk::check_aggregate(b, {a}), xxgk::incompatible_reports_error);
}

TEST_CASE("the aggregate of reports passes validation when the parts do", "[aggregate]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    for (report* r : {&a, &b}) {
        put(*r, "requests.received.natural_person", 5);
        put(*r, "requests.received.total", 5);
        put(*r, "requests.granted.natural_person", 5);
        put(*r, "requests.granted.total", 5);
        put(*r, "requests.total.natural_person", 5);
        put(*r, "requests.total.total", 5);
    }
    const auto agg = xxgk::aggregate({a, b}, county());
    for (const auto& f : xxgk::validate(agg.report)) CHECK(f.rule.rfind("R", 0) != 0);  // no arithmetic finding
    CHECK(xxgk::check_aggregate(agg.report, {a, b}).empty());
}

TEST_CASE("check_aggregate: a finding for every cell that differs from the sum", "[aggregate][check]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    put(a, "requests.granted.natural_person", 3);
    put(b, "requests.granted.natural_person", 4);
    put(a, "review_litigation.review.total", 2);
    put(a, "requests.received.total", 6);
    put(b, "requests.received.total", 1);
    report published = xxgk::aggregate({a, b}, county()).report;
    REQUIRE(xxgk::check_aggregate(published, {a, b}).empty());

    put(published, "requests.granted.natural_person", 8);                        // mismatch: 7 + 1
    xxgk::set_cell(published, "review_litigation.review.total", cell::blank());  // blank with parts 2
    put(published, "requests.carried_over.total", 3);                            // parts both blank: must hide 3
    const auto found = xxgk::check_aggregate(published, {a, b});
    REQUIRE(found.size() == 3);

    const xxgk::finding* mismatch = nullptr;
    const xxgk::finding* blank_total = nullptr;
    const xxgk::finding* hidden = nullptr;
    for (const auto& f : found) {
        if (f.code == "XXGK-A-001") mismatch = &f;
        if (f.code == "XXGK-A-002") blank_total = &f;
        if (f.code == "XXGK-A-003") hidden = &f;
    }
    REQUIRE(mismatch);
    CHECK(mismatch->severity == xxgk::severity::error);
    CHECK(mismatch->rule == "aggregate");
    CHECK(mismatch->key == "requests.granted.natural_person");
    CHECK(mismatch->pointer == "/requests/granted/natural_person");
    CHECK(mismatch->expected == "7");
    CHECK(mismatch->actual == "8");
    CHECK(mismatch->cells == std::vector<std::string>{"requests.granted.natural_person",
                                                      "requests.granted.natural_person@parts/0",
                                                      "requests.granted.natural_person@parts/1"});
    CHECK(mismatch->message_zh.find("甲局 3、乙镇 4") != std::string::npos);
    CHECK(mismatch->message_en.find("difference 1") != std::string::npos);

    REQUIRE(blank_total);
    CHECK(blank_total->key == "review_litigation.review.total");
    CHECK(blank_total->expected == "2");
    CHECK(blank_total->actual == "blank");
    CHECK(blank_total->message_zh.find("乙镇 空白") != std::string::npos);

    REQUIRE(hidden);
    CHECK(hidden->severity == xxgk::severity::warning);
    CHECK(hidden->key == "requests.carried_over.total");
    CHECK(hidden->expected == "0");
    CHECK(hidden->actual == "3");
}

TEST_CASE("check_aggregate: money compared across units", "[aggregate][check]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    xxgk::set_cell(a, "proactive.procurement.amount", cell::number(decimal(1), money_unit::wan_yuan));
    xxgk::set_cell(b, "proactive.procurement.amount", cell::number(decimal(5000), money_unit::yuan));
    report published = part(format_version::v2019, "测试县人民政府", 2020);
    xxgk::set_cell(published, "proactive.procurement.amount", cell::number(decimal(15000), money_unit::yuan));
    for (const auto& f : xxgk::check_aggregate(published, {a, b})) CHECK(f.key != "proactive.procurement.amount");
    xxgk::set_cell(published, "proactive.procurement.amount", cell::number(decimal(15001), money_unit::yuan));
    bool found = false;
    for (const auto& f : xxgk::check_aggregate(published, {a, b}))
        if (f.key == "proactive.procurement.amount") {
            found = true;
            CHECK(f.code == "XXGK-A-001");
            CHECK(f.expected == "1.5000");
            CHECK(f.actual == "1.5001");
        }
    CHECK(found);
}

TEST_CASE("check_aggregate: a published 万元 amount against parts in 元", "[aggregate][check]") {
    report a = part(format_version::v2019, "甲局", 2020), b = part(format_version::v2019, "乙镇", 2020);
    xxgk::set_cell(a, "proactive.procurement.amount", cell::number(decimal(5000), money_unit::yuan));
    xxgk::set_cell(b, "proactive.procurement.amount", cell::number(decimal(10000), money_unit::yuan));
    report published = part(format_version::v2019, "测试县人民政府", 2020);
    xxgk::set_cell(published, "proactive.procurement.amount", cell::number(decimal(15, 1), money_unit::wan_yuan));
    CHECK(xxgk::check_aggregate(published, {a, b}).empty());
    xxgk::set_cell(published, "proactive.procurement.amount", cell::number(decimal(16, 1), money_unit::wan_yuan));
    const auto found = xxgk::check_aggregate(published, {a, b});
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "XXGK-A-001");
    CHECK(found[0].expected == "1.5000");
    CHECK(found[0].actual == "1.6");
    // without a unit the published amount cannot be compared: not a mismatch, a cell to look at
    xxgk::set_cell(published, "proactive.procurement.amount", cell::number(decimal(15000)));
    const auto unitless = xxgk::check_aggregate(published, {a, b});
    REQUIRE(unitless.size() == 1);
    CHECK(unitless[0].code == "XXGK-A-003");
    CHECK(unitless[0].actual == "15000");
}
