// Tests of include/xxgk/pointer.hpp: JSON Pointers into a report, read and written on the model.
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <stdexcept>
#include <string>

namespace {

using xxgk::format_version;
using xxgk::member_kind;

xxgk::report seed() { return xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json"); }

/// The problems of a throwing call, or a failed check when it does not throw.
template <class F>
std::vector<xxgk::problem> problems_of(F&& f) {
    try {
        f();
    } catch (const xxgk::decode_error& e) {
        return e.problems();
    }
    FAIL("no decode_error");
    return {};
}

}  // namespace

TEST_CASE("pointers are parsed and made as RFC 6901 says", "[pointer]") {
    CHECK(xxgk::parse_pointer("").empty());
    CHECK(xxgk::parse_pointer("/a~1b/c~0d/") == std::vector<std::string>{"a/b", "c~d", ""});
    CHECK(xxgk::make_pointer({"a/b", "c~d"}) == "/a~1b/c~0d");
    CHECK_THROWS_AS(xxgk::parse_pointer("header"), std::invalid_argument);
    CHECK_THROWS_AS(xxgk::parse_pointer("/a~2"), std::invalid_argument);
}

TEST_CASE("member_at names what the model holds at a pointer", "[pointer]") {
    const xxgk::report r = seed();
    CHECK(xxgk::member_at(r, "") == member_kind::object);
    CHECK_THROWS_AS(xxgk::member_at(r, "/format"), xxgk::decode_error);  // the tables decide it: no member
    CHECK(xxgk::member_at(r, "/header/year") == member_kind::integer);
    CHECK(xxgk::member_at(r, "/header/body") == member_kind::string);
    CHECK(xxgk::member_at(r, "/header/legal_bases") == member_kind::array);
    CHECK(xxgk::member_at(r, "/header/legal_bases/5") == member_kind::string);
    CHECK(xxgk::member_at(r, "/requests/granted/natural_person") == member_kind::cell);
    CHECK(xxgk::member_at(r, "/overview/subsections/0/title") == member_kind::string);
    auto p = problems_of([&] { xxgk::member_at(r, "/header/nope"); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].code == xxgk::errc::unknown_key);
    CHECK(p[0].pointer == "/header/nope");
    p = problems_of([&] { xxgk::member_at(r, "/requests/granted/total/value"); });
    CHECK(p[0].code == xxgk::errc::unknown_key);
    CHECK(p[0].message.find("address the cell itself") != std::string::npos);
    p = problems_of([&] { xxgk::member_at(r, "/requests/other_misc/total"); });  // a 2021 row in a 2019 report
    CHECK(p[0].code == xxgk::errc::wrong_format);
    CHECK(p[0].pointer == "/requests/other_misc/total");
}

TEST_CASE("get_json encodes only the part at the pointer, as the whole report shows it", "[pointer]") {
    const xxgk::report r = seed();
    CHECK(xxgk::get_json(r, "") == xxgk::to_json(r));
    CHECK(xxgk::get_json(r, "/format") == "\"2019\"");
    CHECK(xxgk::get_json(r, "/header/year") == "2020");
    CHECK(xxgk::get_json(r, "/header/body") == "\"" + r.header.body + "\"");
    const std::string whole = xxgk::to_json(r);
    for (const char* part : {"/header", "/requests", "/review_litigation", "/overview"}) {
        INFO(part);
        const std::string got = xxgk::get_json(r, part);
        CHECK(whole.find(got) != std::string::npos);  // the same bytes as inside the whole report
        CHECK(got.size() > 20);
    }
    // Left out by the report: null, like the canonical JSON's absence.
    xxgk::report bare = xxgk::report::make(format_version::v2021);
    CHECK(xxgk::get_json(bare, "/header/contact") == "null");
    CHECK(xxgk::get_json(bare, "/header/legal_bases") == "null");
    CHECK(xxgk::get_json(bare, "/header/legal_bases/3") == "null");
    CHECK(xxgk::get_json(bare, "/requests/granted/total") == "null");  // a blank cell
}

TEST_CASE("set_json decodes the new value alone, with every check, and changes nothing on error", "[pointer]") {
    xxgk::report r = seed();
    const std::string before = xxgk::to_json(r);
    xxgk::set_json(r, "/header/body", "\"某县人民政府办公室\"");
    CHECK(r.header.body == "某县人民政府办公室");
    xxgk::set_json(r, "/requests/granted/natural_person", "17");
    CHECK(xxgk::cell_at(r, "requests.granted.natural_person").value() == xxgk::decimal(17));
    // Lists grow at their end; enclosing members left out are made.
    const std::size_t bases = r.header.legal_bases.size();
    xxgk::set_json(r, "/header/legal_bases/-", "\"《条例》\"");
    CHECK(r.header.legal_bases.size() == bases + 1);
    CHECK_THROWS_AS(xxgk::set_json(r, "/header/legal_bases/99", "\"x\""), std::out_of_range);
    xxgk::report bare = xxgk::report::make(format_version::v2021);
    xxgk::set_json(bare, "/overview/subsections/0/title", "\"概述\"");
    REQUIRE(bare.overview);
    REQUIRE(bare.overview->subsections.size() == 1);
    CHECK(bare.overview->subsections[0].title == "概述");
    // The value's problems: pointers into the report, positions into the caller's text.
    xxgk::report kept = r;
    auto p = problems_of([&] { xxgk::set_json(r, "/header/year", "\"2020\""); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].code == xxgk::errc::wrong_type);
    CHECK(p[0].pointer == "/header/year");
    p = problems_of([&] { xxgk::set_json(r, "/header", "{\"body\": 1,\n \"year\": 2020, \"nope\": 2}"); });
    REQUIRE(p.size() >= 2);
    CHECK(p[0].pointer == "/header/body");
    CHECK(p.back().code == xxgk::errc::unknown_member);
    CHECK(p.back().pointer == "/header/nope");
    p = problems_of([&] { xxgk::set_json(r, "/header/body", "\"x\" x"); });
    CHECK(p[0].code == xxgk::errc::invalid_json);
    CHECK(p[0].pointer.empty());  // about the text passed: "" is the whole input
    REQUIRE(p[0].line);
    CHECK(*p[0].line == 1);
    CHECK(*p[0].column == 5);
    p = problems_of([&] { xxgk::set_json(bare, "/overview/subsections/0/paragraphs", "[1]"); });
    CHECK(p[0].pointer == "/overview/subsections/0/paragraphs/0");
    p = problems_of([&] { xxgk::set_json(bare, "/problems/subsections/0/title", "1"); });  // made, then refused
    CHECK(p[0].pointer == "/problems/subsections/0/title");
    CHECK_FALSE(bare.problems);
    p = problems_of([&] { xxgk::set_json(r, "/format", "\"2021\""); });
    CHECK(p[0].code == xxgk::errc::invalid_value);
    CHECK(xxgk::to_json(r) == xxgk::to_json(kept));
    // Replacing the whole report.
    xxgk::set_json(r, "", before);
    CHECK(xxgk::to_json(r) == before);
}

TEST_CASE("members kept by a lax decode are read through and replaced with their part", "[pointer]") {
    std::string text = xxgk::to_json(seed());
    text.insert(text.find("\"header\":{") + 10, "\"x_extra\":{\"a\":[1,2]},");
    xxgk::decode_options lax;
    lax.strict = false;
    xxgk::report r = xxgk::load_json(text, lax);
    REQUIRE(r.unknown_members.size() == 1);
    CHECK(xxgk::get_json(r, "/header/x_extra") == "{\"a\":[1,2]}");
    CHECK(xxgk::get_json(r, "/header/x_extra/a/1") == "2");
    CHECK(xxgk::get_json(r, "/header").find("\"x_extra\":{\"a\":[1,2]}") != std::string::npos);
    const std::string header = xxgk::get_json(r, "/header");
    xxgk::set_json(r, "/header/body", "\"甲\"");
    CHECK(r.unknown_members.size() == 1);  // not under /header/body
    std::string plain_header = header;
    const std::string extra = ",\"x_extra\":{\"a\":[1,2]}";  // written after the described members
    REQUIRE(plain_header.find(extra) != std::string::npos);
    plain_header.erase(plain_header.find(extra), extra.size());
    xxgk::set_json(r, "/header", plain_header);
    CHECK(r.unknown_members.empty());  // replaced with the header
}
