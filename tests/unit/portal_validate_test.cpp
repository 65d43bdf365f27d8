// validate(portal): every XXGK-P code has a failing and a passing fixture; the example portal.
#include "portal_fixtures.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using namespace xxgk;
using portal_fixtures::base;

namespace {

struct fixture {
    const char* code;
    const char* pointer;
    std::function<void(portal&)> fail;
    std::function<void(portal&)> pass;  ///< the defect removed, or a near miss the rule accepts
};

catalog& county(portal& p) { return p.catalogs[0]; }
catalog& town(portal& p) { return p.catalogs[1]; }
catalog_section& town_section(portal& p) { return p.catalogs[1].sections[0]; }

const std::vector<fixture>& fixtures() {
    static const std::vector<fixture> all = {
        {"XXGK-P-001", "/catalogs/0/sections", [](portal& p) { county(p).sections.pop_back(); },
         [](portal& p) {
             county(p).sections.pop_back();
             county(p).not_applicable =
                 not_applicable_note{"本县无市政服务事项", {disclosure_domain::municipal_services}};
         }},
        {"XXGK-P-002", "/catalogs/1/sections", [](portal& p) { town(p).not_applicable->domains.pop_back(); },
         [](portal& p) {
             town(p).not_applicable->domains.pop_back();
             catalog_section s;
             s.label = "市政服务";
             s.domain = disclosure_domain::municipal_services;
             s.entries = {portal_fixtures::complete_entry("2", "市政服务", "供水")};
             town(p).sections.push_back(s);
         }},
        {"XXGK-P-003", "/departments/2",
         [](portal& p) {
             p.departments.push_back({"d3", "县民政局", {}, {}, 3u});
         },
         [](portal& p) {
             p.departments.push_back({"d3", "县民政局", {}, std::string("https://example.org/d2"), 3u});
         }},
        {"XXGK-P-004", "/departments/2/id",
         [](portal& p) {
             p.departments.push_back({"d1", "县档案局", {}, {}, 3u});
         },
         [](portal& p) {
             p.departments.push_back({"d3", "县档案局", {}, {}, 3u});
         }},
        {"XXGK-P-005", "/catalogs/1/sections/0/entries/1",
         [](portal& p) { town_section(p).entries.push_back(town_section(p).entries[0]); },
         [](portal& p) {
             town_section(p).entries.push_back(town_section(p).entries[0]);
             town_section(p).entries[1].item_level2 = "乡村建设规划许可证变更";
         }},
        {"XXGK-P-006", "/items/1/index_number", [](portal& p) { p.items[1].index_number = p.items[0].index_number; },
         [](portal& p) { p.items[1].index_number = "000014349/2018-00224"; }},
        {"XXGK-P-007", "/items/0/published_at", [](portal& p) { p.items[0].published_at->raw = "2021-02-30"; },
         [](portal& p) { p.items[0].published_at = portal_fixtures::day("2021年9月29日"); }},
        {"XXGK-P-008", "/items/0/written_date",
         [](portal& p) { p.items[0].written_date = portal_fixtures::day("2021-10-01"); },
         [](portal& p) { p.items[0].written_date = portal_fixtures::day("2021-09-29"); }},
        {"XXGK-P-009", "/catalogs/1/sections/0/entries/0/basis",
         [](portal& p) { town_section(p).entries[0].basis.clear(); },
         [](portal& p) { town_section(p).entries[0].basis = "《条例》"; }},
        {"XXGK-P-010", "/catalogs/1/sections/0/label",
         [](portal& p) {
             town_section(p).label = "食品安全监管";
             town_section(p).domain.reset();
         },
         [](portal& p) {
             town_section(p).label = "城乡规划领域";
             town_section(p).domain.reset();
         }},
        {"XXGK-P-011", "/catalogs/1/sections/0/label", [](portal& p) { town_section(p).label = "国土空间规划"; },
         [](portal& p) { town_section(p).label = "城乡规划领域"; }},
        {"XXGK-P-012", "/catalogs/1/sections/0/domain", [](portal& p) { town_section(p).label = "扶贫领域"; },
         [](portal& p) { town_section(p).label = "城乡规划"; }},
        {"XXGK-P-013", "/power_lists/0/items/0/type_label",
         [](portal& p) { p.power_lists[0].items[0].type_label = "行政备案"; },
         [](portal& p) {
             p.power_lists[0].items[0].type_label = "非行政许可审批";  // legacy, still valid
             p.power_lists[0].items[0].type = power_type::non_licensing_approval;
         }},
        {"XXGK-P-014", "/power_lists/0/items/0/type",
         [](portal& p) { p.power_lists[0].items[0].type = power_type::penalty; },
         [](portal& p) {
             p.power_lists[0].items[0].type = power_type::penalty;
             p.power_lists[0].items[0].type_label = "行政处罚";
         }},
        {"XXGK-P-015", "/power_lists/0/department", [](portal& p) { p.power_lists[0].department = "d9"; },
         [](portal& p) { p.power_lists[0].department = "d2"; }},
        {"XXGK-P-016", "/listings/0/entries/0/title",
         [](portal& p) { p.listings[0].entries[0].title = "关于印发别的办法..."; },
         [](portal& p) { p.listings[0].entries[0].title = p.items[0].title; }},
        {"XXGK-P-017", "/catalogs/0/level", [](portal& p) { county(p).level = admin_level::unknown; },
         [](portal& p) {
             county(p).sections_state = capture_state::not_captured;
             county(p).level = admin_level::unknown;
         }},
    };
    return all;
}

std::vector<finding> with_code(const std::vector<finding>& fs, std::string_view code) {
    std::vector<finding> out;
    for (const finding& f : fs)
        if (f.code == code) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("portal validate: the base fixture draws no finding", "[portal][validate]") {
    const std::vector<finding> found = validate(base());
    INFO(findings_to_json(found));
    CHECK(found.empty());
}

TEST_CASE("portal validate: every XXGK-P code has a failing and a passing fixture", "[portal][validate]") {
    std::set<std::string> covered;
    for (const fixture& f : fixtures()) covered.insert(f.code);
    for (const rule_info& r : rule_catalog()) {
        if (r.code.substr(0, 7) != "XXGK-P-") continue;
        INFO(r.code);
        CHECK(covered.count(std::string(r.code)) == 1);
        CHECK(r.rule == "portal");
    }
    CHECK(covered.size() == 17);
}

TEST_CASE("portal validate: each fixture draws its finding, and not once the defect is removed", "[portal][validate]") {
    for (const fixture& fx : fixtures()) {
        DYNAMIC_SECTION(fx.code) {
            portal bad = base();
            fx.fail(bad);
            const std::vector<finding> found = with_code(validate(bad), fx.code);
            REQUIRE(found.size() == 1);
            CHECK(found[0].pointer == fx.pointer);
            CHECK(found[0].severity == find_rule(fx.code)->severity);
            CHECK_FALSE(found[0].message_zh.empty());
            CHECK(found[0].message_zh.find('{') == std::string::npos);
            CHECK(found[0].message_en.find('{') == std::string::npos);
            portal good = base();
            fx.pass(good);
            const std::vector<finding> clean = validate(good);
            INFO(findings_to_json(clean));
            CHECK(with_code(clean, fx.code).empty());
        }
    }
}

TEST_CASE("portal validate: values of findings", "[portal][validate]") {
    SECTION("an unknown domain label names the closest domain") {
        portal p = base();
        town_section(p).label = "食品安全监管";
        town_section(p).domain.reset();
        const finding f = with_code(validate(p), "XXGK-P-010").at(0);
        CHECK(f.actual == "食品安全监管");
        CHECK(f.expected == "食品药品监管");
        CHECK(f.message_en.find("similarity 0.40") != std::string::npos);
    }
    SECTION("a county catalog silent on one domain names it") {
        portal p = base();
        county(p).sections.pop_back();
        const finding f = with_code(validate(p), "XXGK-P-001").at(0);
        CHECK(f.key == "county");
        CHECK(f.expected == "0");
        CHECK(f.actual == "1");
        CHECK(f.message_zh.find("市政服务") != std::string::npos);
        CHECK(f.message_en.find("municipal_services") != std::string::npos);
    }
    SECTION("written after published: expected is the publication day") {
        portal p = base();
        p.items[0].written_date = portal_fixtures::day("2021-10-01");
        const finding f = with_code(validate(p), "XXGK-P-008").at(0);
        CHECK(f.expected == "2021-09-29");
        CHECK(f.actual == "2021-10-01");
        CHECK(f.severity == severity::error);
    }
    SECTION("a duplicate index number is keyed by the number as displayed") {
        portal p = base();
        p.items[1].index_number = p.items[0].index_number;
        const finding f = with_code(validate(p), "XXGK-P-006").at(0);
        CHECK(f.key == "000014349/2018-00222");
        CHECK(f.message_en.find("i1, i2") != std::string::npos);
    }
    SECTION("an invalid time of day") {
        portal p = base();
        p.items[0].published_at->time = "24:61";
        p.items[0].published_at->raw.reset();
        CHECK(with_code(validate(p), "XXGK-P-007").size() == 1);
    }
    SECTION("a phase without channels names the column") {
        portal p = base();
        town_section(p).entries[0].phases[0].channels.clear();
        const finding f = with_code(validate(p), "XXGK-P-009").at(0);
        CHECK(f.pointer == "/catalogs/1/sections/0/entries/0/phases/0/channels");
        CHECK(f.message_zh.find("公开渠道和载体") != std::string::npos);
    }
    SECTION("interpretations and list entries must point at items") {
        portal p = base();
        p.items[1].interpretation->explains = {"i9"};
        p.listings[0].entries[0].item = "i8";
        const auto links = with_code(validate(p), "XXGK-P-015");
        REQUIRE(links.size() == 2);
        CHECK(links[0].pointer == "/items/1/interpretation/explains/0");
        CHECK(links[1].pointer == "/listings/0/entries/0/item");
    }
    SECTION("max_findings and include_info apply as for reports") {
        portal p = base();
        town_section(p).label = "国土空间规划";  // one info finding
        validate_options o;
        o.include_info = false;
        CHECK(validate(p, o).empty());
        p.departments.push_back({"d1", "县民政局", {}, {}, 3u});  // P-003 and P-004
        o.max_findings = 1;
        const auto cut = validate(p, o);
        REQUIRE(cut.size() == 2);
        CHECK(cut[1].code == "XXGK-L-001");
    }
}

TEST_CASE("portal validate: the example portal", "[portal][validate]") {
    const std::vector<finding> found = validate(portal_fixtures::example());
    INFO(findings_to_json(found));
    // The seed lists 县民政局 twice (spec/portal.md §6.1), and nothing else is wrong.
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "XXGK-P-003");
    CHECK(found[0].pointer == "/departments/20");
    CHECK(found[0].actual == "县民政局");
    CHECK(count_errors(found) == 0);
}
