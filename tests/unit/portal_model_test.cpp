// The vocabularies of include/xxgk/portal.hpp: domains and aliases, closest domain, power types,
// channels, interpretation forms, 索引号 variants, printed dates, coverage.
#include "portal_fixtures.hpp"

#include <boost/describe/enum_to_string.hpp>
#include <catch2/catch.hpp>

#include <set>

using namespace xxgk;

TEST_CASE("portal model: the 26 domains have distinct canonical labels", "[portal][model]") {
    std::set<std::string_view> labels;
    for (std::size_t d = 0; d < domain_count; ++d) labels.insert(domain_label(static_cast<disclosure_domain>(d)));
    CHECK(labels.size() == 26);
    CHECK(domain_label(disclosure_domain::urban_rural_planning) == "城乡规划");
    CHECK(domain_label(disclosure_domain::state_land_housing_expropriation) == "国有土地上房屋征收与补偿");
    CHECK(domain_label(disclosure_domain::municipal_services) == "市政服务");
    for (std::size_t d = 0; d < domain_count; ++d) {
        const auto r = resolve_domain(domain_label(static_cast<disclosure_domain>(d)));
        CHECK(r.match == domain_match::exact);
        CHECK(r.domain == static_cast<disclosure_domain>(d));
    }
}

TEST_CASE("portal model: matching printed domain labels", "[portal][model]") {
    struct want {
        const char* label;
        disclosure_domain domain;
        domain_match match;
    };
    const want cases[] = {
        {"就业领域", disclosure_domain::employment, domain_match::suffix_removed},
        {"扶贫领域", disclosure_domain::poverty_alleviation, domain_match::suffix_removed},
        {"救灾生产", disclosure_domain::disaster_relief, domain_match::alias},
        {"救灾生产领域", disclosure_domain::disaster_relief, domain_match::alias},
        {"综合执法", disclosure_domain::urban_comprehensive_enforcement, domain_match::alias},
        {"国有土地房屋征收与补偿", disclosure_domain::state_land_housing_expropriation, domain_match::alias},
        {"乡村振兴", disclosure_domain::poverty_alleviation, domain_match::alias},
        {"重大项目建设", disclosure_domain::major_construction_projects, domain_match::alias},
        {"财政预算决算", disclosure_domain::fiscal_budgets_accounts, domain_match::alias},
        {"医疗卫生", disclosure_domain::health, domain_match::alias},
        {" 社会救助　", disclosure_domain::social_assistance, domain_match::exact},
        {"自然资源", disclosure_domain::ecology_environment, domain_match::low_confidence},
        {"国土空间规划", disclosure_domain::urban_rural_planning, domain_match::low_confidence},
    };
    for (const want& w : cases) {
        INFO(w.label);
        const domain_resolution r = resolve_domain(w.label);
        CHECK(r.match == w.match);
        REQUIRE(r.domain);
        CHECK(*r.domain == w.domain);
    }
    CHECK(domain_aliases().size() == 13);
}

TEST_CASE("portal model: the seed's 26 labels resolve, 21 exactly", "[portal][model]") {
    const portal p = portal_fixtures::example();
    const catalog& c = p.catalogs.at(0);
    REQUIRE(c.sections.size() == 26);
    std::size_t exact = 0;
    std::set<disclosure_domain> domains;
    for (const catalog_section& s : c.sections) {
        const domain_resolution r = resolve_domain(s.label);
        REQUIRE(r.domain);
        CHECK(r.domain == s.domain);
        exact += r.match == domain_match::exact;
        domains.insert(*r.domain);
    }
    CHECK(exact == 21);
    CHECK(domains.size() == 26);
    for (domain_coverage cov : coverage(c)) CHECK(cov == domain_coverage::covered);
}

TEST_CASE("portal model: an unknown label stays unresolved with the closest domain", "[portal][model]") {
    domain_resolution r = resolve_domain("食品安全监管");
    CHECK(r.match == domain_match::unresolved);
    CHECK_FALSE(r.domain);
    REQUIRE(r.closest);
    CHECK(*r.closest == disclosure_domain::food_drug_supervision);
    CHECK(r.similarity == Approx(0.4));
    r = resolve_domain("义务教育阶段");  // a longer label
    CHECK(r.closest == disclosure_domain::compulsory_education);
    r = resolve_domain("xyz");
    CHECK_FALSE(r.closest);
    CHECK(r.similarity == 0);
    CHECK_FALSE(resolve_domain("").domain);
}

TEST_CASE("portal model: coverage of a township catalog", "[portal][model]") {
    const portal p = portal_fixtures::base();
    const auto cov = coverage(p.catalogs[1]);
    CHECK(cov[0] == domain_coverage::covered);
    for (std::size_t d = 1; d < domain_count; ++d) CHECK(cov[d] == domain_coverage::not_applicable);
    catalog empty;
    for (domain_coverage c : coverage(empty)) CHECK(c == domain_coverage::silent);
}

TEST_CASE("portal model: power types, channels and interpretation forms", "[portal][model]") {
    CHECK(parse_power_type("行政许可") == power_type::licensing);
    CHECK(parse_power_type("行政检查") == power_type::inspection);
    CHECK(parse_power_type("非行政许可审批") == power_type::non_licensing_approval);
    CHECK(parse_power_type("行政监督") == power_type::supervision);
    CHECK(parse_power_type("其他行政权力") == power_type::other);
    CHECK_FALSE(parse_power_type("行政备案"));
    CHECK(power_type_label(power_type::adjudication) == "行政裁决");

    CHECK(parse_channel("政府网站").kind == channel_kind::government_website);
    CHECK(parse_channel("村（居）公示栏").kind == channel_kind::bulletin_board);
    const channel free = parse_channel("征地信息公开平台");
    CHECK(free.kind == channel_kind::other);
    CHECK(free.raw == "征地信息公开平台");

    CHECK(parse_interpretation_form("文字解读") == interpretation_form::text);
    CHECK(parse_interpretation_form("图表图解") == interpretation_form::graphic);
    CHECK(parse_interpretation_form("简明问答") == interpretation_form::qa);
    CHECK(parse_interpretation_form("音频视频") == interpretation_form::audio_video);
    CHECK(parse_interpretation_form("图片新闻") == interpretation_form::picture_news);
    CHECK(parse_interpretation_form("在线访谈") == interpretation_form::interview);
    CHECK(parse_interpretation_form("一图读懂") == interpretation_form::other);
}

TEST_CASE("portal model: 索引号 variants (spec/portal.md §5.3)", "[portal][model]") {
    struct want {
        const char* text;
        const char* front;
        index_front_kind kind;
        std::optional<int> year, month;
        const char* serial;
        index_parse_status status;
    };
    const want cases[] = {
        {"000014349/2018-00222",
         "000014349",
         index_front_kind::organization_code,
         2018,
         {},
         "00222",
         index_parse_status::full},
        {"01424668-5/2021-00063",
         "01424668-5",
         index_front_kind::hyphenated_code,
         2021,
         {},
         "00063",
         index_parse_status::partial},
        {"0142768-8/2022-00185",
         "0142768-8",
         index_front_kind::hyphenated_code,
         2022,
         {},
         "00185",
         index_parse_status::partial},
        {"113307277559109857/2025-60384",
         "113307277559109857",
         index_front_kind::credit_code,
         2025,
         {},
         "60384",
         index_parse_status::full},
        {"11341702486344515H/202110-00013", "11341702486344515H", index_front_kind::credit_code, 2021, 10, "00013",
         index_parse_status::partial},
        {"hedongquhd0108/2021-0000202",
         "hedongquhd0108",
         index_front_kind::other,
         2021,
         {},
         "0000202",
         index_parse_status::partial},
        {"/2021-None", "", index_front_kind::empty, 2021, {}, "None", index_parse_status::failed},
        {"11/2020-27943", "11", index_front_kind::other, 2020, {}, "27943", index_parse_status::partial},
        {"no index", "", index_front_kind::empty, {}, {}, "", index_parse_status::failed},
    };
    for (const want& w : cases) {
        INFO(w.text);
        const index_number_parts p = parse_index_number(w.text);
        CHECK(p.front == w.front);
        CHECK(p.front_kind == w.kind);
        CHECK(p.year == w.year);
        CHECK(p.month == w.month);
        CHECK(p.serial == w.serial);
        CHECK(p.status == w.status);
    }
}

TEST_CASE("portal model: printed dates", "[portal][model]") {
    auto t = parse_portal_time("2020-12-22 20:36:13");
    REQUIRE(t);
    CHECK(t->date == calendar_date{2020, 12, 22});
    CHECK(t->time == "20:36:13");
    CHECK(t->raw == "2020-12-22 20:36:13");
    t = parse_portal_time("2021年1月29日");
    REQUIRE(t);
    CHECK(t->date == calendar_date{2021, 1, 29});
    CHECK_FALSE(t->time);
    CHECK(parse_portal_time(" 2021-09-26 ")->date == calendar_date{2021, 9, 26});
    CHECK(parse_portal_time("2021-09-26 08:30")->time == "08:30");
    for (const char* bad : {"2021-02-30", "2021-09-26 24:00", "2021-09-26 10:61:00", "2021年13月1日", "2021年1月",
                            "明天", "", "2021-09-26T10:00"})
        CHECK_FALSE(parse_portal_time(bad));
}

TEST_CASE("portal model: equality follows the canonical JSON", "[portal][model]") {
    portal a = portal_fixtures::base();
    portal b = a;
    CHECK(a == b);
    b.items[0].title += "（修订）";
    CHECK(a != b);
}
