// Canonical JSON and JSON Schema of portal files: round trips, recognition, every problem with
// its JSON Pointer, lax mode, the schema derived from the descriptions.
#include "portal_fixtures.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace xxgk;
using portal_fixtures::slurp;

namespace {
std::vector<problem> problems_of(const std::string& json, bool strict = true) {
    decode_options o;
    o.strict = strict;
    return decode_portal_json(json, o).problems;
}
}  // namespace

TEST_CASE("portal json: the example round-trips losslessly", "[portal][json]") {
    const std::string text = slurp(portal_fixtures::example_path());
    const portal p = load_portal_json(text);
    CHECK(p.departments.size() == 32);
    CHECK(p.departments[20].name == "县民政局");
    CHECK(p.responsibility_lists.at(0).duties.size() == 3);
    CHECK(p.responsibility_lists[0].duties[0].year == 2017);
    CHECK(p.catalogs.size() == 2);
    CHECK(p.listings.at(0).entries.size() == 12);
    CHECK(p.items.at(0).index_number == "11/2020-27943");
    CHECK(p.items[0].published_at->time == "20:36:13");
    const std::string once = to_json(p);
    // Every member of the file is in the model: the canonical form is the same JSON value.
    CHECK(boost::json::parse(once) == boost::json::parse(text));
    const portal again = load_portal_json(once);
    CHECK(again == p);
    CHECK(to_json(again) == once);
    CHECK(once.rfind("{\"kind\":\"portal\",", 0) == 0);
}

TEST_CASE("portal json: the base fixture round-trips", "[portal][json]") {
    const portal p = portal_fixtures::base();
    const std::string once = to_json(p);
    const portal back = load_portal_json(once);
    CHECK(back == p);
    CHECK(to_json(back) == once);
    CHECK(back.items[1].interpretation->explains == std::vector<std::string>{"i1"});
    CHECK(back.catalogs[1].sections[0].entries[0].phases[0].channels[1].kind == channel_kind::bulletin_board);
}

TEST_CASE("portal json: recognised from the content", "[portal][json]") {
    CHECK(is_portal_json(R"({"kind":"portal"})"));
    CHECK(is_portal_json(slurp(portal_fixtures::example_path())));
    CHECK_FALSE(is_portal_json(slurp(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json")));
    CHECK_FALSE(is_portal_json(R"({"kind":"report"})"));
    CHECK_FALSE(is_portal_json(R"(["portal"])"));
    CHECK_FALSE(is_portal_json(""));
    CHECK_FALSE(is_portal_json(R"({"name":"x"})"));           // no kind
    CHECK_FALSE(is_portal_json(R"({"kind":{"portal":1}})"));  // a kind that is not a string
    CHECK_FALSE(is_portal_json(R"({"kind":"portals"})"));
    CHECK_FALSE(is_portal_json(R"({"kind":"report","kind":"portal"})"));     // the first kind decides
    CHECK(is_portal_json(R"({"name":{"kind":"report"},"kind":"portal"})"));  // nested kinds do not count
    CHECK(is_portal_json("\xEF\xBB\xBF{\"kind\":\"port\\u0061l\"}"));        // a byte order mark; escapes
}

TEST_CASE("portal json: the kind is decided from the first members, within the limits", "[portal][json]") {
    // What follows the kind is not looked at: decoding reports it (issue 16: a 300 MB text was
    // parsed whole, 36.8 s and 7.2 GB, before the size limit was checked).
    CHECK(is_portal_json(R"({"kind":"portal")"));
    CHECK(is_portal_json("{\"kind\":\"portal\", \x01" + std::string(1 << 20, '[')));
    CHECK_FALSE(is_portal_json("[" + std::string(1 << 20, '[')));   // not an object: decided at once
    CHECK_FALSE(is_portal_json(R"({"a":[1,}, "kind":"portal"})"));  // a syntax error before the kind
    // The size limit is checked first, the depth limit applies before the kind.
    xxgk::decode_options small;
    small.max_input_bytes = 17;
    CHECK(is_portal_json(R"({"kind":"portal"})", small));  // 17 bytes
    small.max_input_bytes = 16;
    CHECK_FALSE(is_portal_json(R"({"kind":"portal"})", small));
    const std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + ",\"kind\":\"portal\"}";
    CHECK_FALSE(is_portal_json(deep));  // deeper than max_depth 32 before the kind
    xxgk::decode_options deeper;
    deeper.max_depth = 64;
    CHECK(is_portal_json(deep, deeper));
    const portal empty = load_portal_json(R"({"kind":"portal"})");
    CHECK(empty.departments.empty());
    CHECK(to_json(empty) == R"({"kind":"portal"})");
}

TEST_CASE("portal json: every problem with its pointer", "[portal][json]") {
    SECTION("kind missing, wrong, of the wrong type") {
        auto ps = problems_of(R"({"departments":[]})");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].code == errc::missing_member);
        CHECK(ps[0].pointer == "/kind");
        ps = problems_of(R"({"kind":"report"})");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].code == errc::invalid_value);
        ps = problems_of(R"({"kind":7})");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].code == errc::wrong_type);
        CHECK(problems_of("[1]").at(0).code == errc::wrong_type);
    }
    SECTION("several problems, in document order") {
        const auto ps = problems_of(R"({"kind":"portal","departments":[{"name":"县府办"},{"id":"d2","name":3}],
            "items":[{"id":"i1","title":"t","view_count":-1,"published_at":{"date":"2021-02-30"}}],
            "catalogs":[{"id":"c","owner":"o","level":"city"}]})");
        REQUIRE(ps.size() == 5);
        CHECK(ps[0].pointer == "/departments/0/id");
        CHECK(ps[0].code == errc::missing_member);
        CHECK(ps[1].pointer == "/departments/1/name");
        CHECK(ps[1].code == errc::wrong_type);
        CHECK(ps[2].pointer == "/items/0/view_count");
        CHECK(ps[2].code == errc::out_of_range);
        CHECK(ps[3].pointer == "/items/0/published_at/date");
        CHECK(ps[3].code == errc::invalid_value);
        CHECK(ps[4].pointer == "/catalogs/0/level");
        CHECK(ps[4].message.find("\"county\"") != std::string::npos);
    }
    SECTION("a syntax error has a line and column") {
        const auto ps = problems_of("{\"kind\":\"portal\",\n \"name\": }");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].code == errc::invalid_json);
        CHECK(ps[0].line == 2u);
    }
    SECTION("repeated member names are reported") {
        const auto ps = problems_of(R"({"kind":"portal","name":"a","name":"b"})");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].code == errc::duplicate_member);
    }
    SECTION("load_portal_json throws every problem") {
        try {
            load_portal_json(R"({"kind":"portal","items":[{}]})");
            FAIL("no exception");
        } catch (const decode_error& e) {
            REQUIRE(e.problems().size() == 2);  // id and title
            CHECK(e.problems()[0].pointer == "/items/0/id");
            CHECK(e.problems()[1].pointer == "/items/0/title");
        }
        CHECK_THROWS_AS(load_portal_json_file(std::string(XXGK_TEST_DATA) + "/portal/missing.json"), decode_error);
    }
}

TEST_CASE("portal json: unknown members are errors when strict and kept when lax", "[portal][json]") {
    const std::string text =
        R"({"kind":"portal","departments":[{"id":"d1","name":"县府办","phone":"123"}],"extra":[1,2]})";
    const auto strict = problems_of(text);
    REQUIRE(strict.size() == 2);
    CHECK(strict[0].code == errc::unknown_member);
    CHECK(strict[0].pointer == "/departments/0/phone");
    CHECK(strict[1].pointer == "/extra");
    decode_options lax;
    lax.strict = false;
    const portal p = load_portal_json(text, lax);
    REQUIRE(p.unknown_members.size() == 2);
    const std::string out = to_json(p);
    CHECK(boost::json::parse(out) == boost::json::parse(text));
}

TEST_CASE("portal json: the JSON Schema is derived from the model", "[portal][json][schema]") {
    const std::string text = portal_json_schema();
    CHECK(text == portal_json_schema());
    const boost::json::value s = boost::json::parse(text);
    CHECK(s.at("$id") == "urn:xxgk:schema:portal");
    CHECK(s.at("properties").at("kind").at("const") == "portal");
    CHECK(s.at("required").as_array() == boost::json::array{"kind"});
    CHECK(s.at("additionalProperties") == false);
    const auto& catalog = s.at("properties").at("catalogs").at("items");
    CHECK(catalog.at("required").as_array() == boost::json::array{"id", "owner"});
    const auto& section = catalog.at("properties").at("sections").at("items");
    const auto& domain = section.at("properties").at("domain").at("anyOf").at(0);
    CHECK(domain.at("enum").as_array().size() == 26);
    const auto& entry = section.at("properties").at("entries").at("items");
    CHECK(entry.at("properties").at("item_level1").at("title") == "一级事项");
    CHECK(entry.at("additionalProperties") == false);
    const auto& item = s.at("properties").at("items").at("items");
    CHECK(item.at("properties").at("written_date").at("title") == "成文日期");
    const auto& written = item.at("properties").at("written_date");
    CHECK(written.at("type").as_array() == boost::json::array{"object", "null"});
    CHECK(written.at("properties").at("date").at("anyOf").at(0).at("$ref") == "#/$defs/date");
    CHECK(s.at("$defs").at("date").at("type") == "string");
}
