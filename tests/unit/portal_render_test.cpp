// render_csv_tables(portal), render_html(portal): tables derived from the descriptions, every
// text escaped, CSV fields neutralised against formula injection (shared with the report's CSV).
#include "portal_fixtures.hpp"

#include <xxgk/cells.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>

#include <catch2/catch.hpp>

using namespace xxgk;

namespace {
const csv_table& table(const std::vector<csv_table>& ts, const std::string& name) {
    for (const csv_table& t : ts)
        if (t.name == name) return t;
    FAIL("no table " << name);
    throw;
}
std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }
}  // namespace

TEST_CASE("portal render: CSV tables of the example", "[portal][render]") {
    const std::vector<csv_table> ts = render_csv_tables(portal_fixtures::example());
    std::vector<std::string> names;
    for (const csv_table& t : ts) names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"departments", "responsibility_lists", "duties", "catalogs",
                                            "catalog_sections", "items", "listing_entries"});
    const std::string& d = table(ts, "departments").csv;
    CHECK(first_line(d) == "id,name,full_name,link,position");
    CHECK(d.find("\nd21,县民政局,,,21\n") != std::string::npos);
    const std::string& items = table(ts, "items").csv;
    CHECK(first_line(items).find("published_at.date,published_at.time,published_at.raw") != std::string::npos);
    CHECK(items.find("2020-12-22,20:36:13,2020-12-22 20:36:13") != std::string::npos);
    CHECK(first_line(table(ts, "catalog_sections").csv) == "catalog,label,domain,low_confidence,link,entries_state");
    CHECK(table(ts, "catalog_sections").csv.find("\ncounty,扶贫领域,poverty_alleviation,,,not_captured\n") !=
          std::string::npos);
    CHECK(table(ts, "listing_entries")
              .csv.find("政策及解读,苍南县人民政府办公室关于印发苍南县最低生活保障实施办法的通知,2020-09-16") !=
          std::string::npos);
}

TEST_CASE("portal render: nested lists are kept as canonical JSON", "[portal][render]") {
    const std::vector<csv_table> ts = render_csv_tables(portal_fixtures::base());
    const std::string& entries = table(ts, "catalog_entries").csv;
    CHECK(first_line(entries) == "catalog,section,seq,item_level1,item_level1_inherited,item_level2,content_elements,"
                                 "basis,publisher,phases,levels,"
                                 "levels_raw");
    CHECK(
        entries.find(
            R"("[{""time_limit"":""信息形成或变更之日起20个工作日内"",""channels"":[{""kind"":""government_website"")") !=
        std::string::npos);
    CHECK(table(ts, "boundaries").csv.find(R"(""department"":""县信访局"",""duty"":""受理"")") != std::string::npos);
    CHECK(table(ts, "power_items").csv.find("d1,某事项许可,licensing,行政许可,330327-XK-001") != std::string::npos);
}

TEST_CASE("portal render: CSV neutralises formulas but keeps negative numbers", "[portal][render][security]") {
    portal p;
    p.departments = {{"=HYPERLINK(\"http://x\")", "+1+2", {}, std::string("@SUM(A1)"), {}},
                     {"-3", "-", {}, std::string("-2.5"), {}},
                     {"\tx", "-cmd|' /C calc'!A0", {}, {}, {}}};
    const std::string csv = render_csv_tables(p).at(0).csv;
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+2,,'@SUM(A1),\n") != std::string::npos);
    CHECK(csv.find("\n-3,-,,-2.5,\n") != std::string::npos);
    CHECK(csv.find("\n'\tx,'-cmd|' /C calc'!A0,,,\n") != std::string::npos);
}

TEST_CASE("report CSV: the same neutralisation (cells and official tables)", "[render][security]") {
    report r = load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/sample-2021.json");
    cell c = cell::text("=1+2");
    r.header.body = "x";
    cell_at(r, "requests.received.total") = c;
    const std::string long_csv = to_cells_csv(r);
    CHECK(long_csv.find(",'=1+2\n") != std::string::npos);
    CHECK(long_csv.find(",=1+2") == std::string::npos);
    bool found = false;
    for (const csv_table& t : render_csv_tables(r)) found = found || t.csv.find(",'=1+2") != std::string::npos;
    CHECK(found);
}

TEST_CASE("portal render: HTML escapes every text and labels the columns", "[portal][render]") {
    portal p = portal_fixtures::base();
    p.departments[0].name = "<script>alert('x')</script>";
    const std::string html = render_html(p);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("data-table=\"catalog_entries\"") != std::string::npos);
    CHECK(html.find(">一级事项</th>") != std::string::npos);
    CHECK(html.find(">成文日期 › 日期</th>") != std::string::npos);
    CHECK(html.find("<h2>责任清单</h2>") != std::string::npos);

    render_options o;
    o.standalone = false;
    o.lang = "en";
    p.items[1].index_number = p.items[0].index_number;
    const std::vector<finding> fs = validate(p);
    o.findings = &fs;
    const std::string fragment = render_html(p, o);
    CHECK(fragment.rfind("<article class=\"xxgk-report xxgk-portal\"", 0) == 0);
    CHECK(fragment.find("data-code=\"XXGK-P-006\" data-pointer=\"/items/1/index_number\"") != std::string::npos);
    o.lang = "fr";
    CHECK_THROWS_AS(render_html(p, o), error);
}
