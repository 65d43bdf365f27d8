// The hostile-input corpus (tests/data/hostile/, written by make_cases.py; docs/security.md):
// every case asserts the exact outcome — each decoding problem's code and JSON Pointer (and the
// byte offset where the parser stopped), or the exact list of findings — and that nothing a
// decoded or imported report yields can become markup. Also: the decoder's limits at their
// edges, and decoding and validating from many threads at once (run under TSan by
// scripts/run-sanitizers).
#include <catch2/catch.hpp>

#include <xxgk/import.hpp>
#include <xxgk/render.hpp>
#include <xxgk/xxgk.hpp>

#include "../fuzz/fuzz_check.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace json = boost::json;

const std::string hostile_dir = std::string(XXGK_TEST_DATA) + "/hostile/";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const json::array& cases() {
    static const json::value all = json::parse(read_bytes(hostile_dir + "cases.json"));
    return all.as_array();
}

std::string str(const json::value& v) { return std::string(v.as_string().data(), v.as_string().size()); }

/// The input of a case: its file, or generated from prefix + repeat × count + suffix.
std::string input_of(const json::object& c) {
    if (const auto* g = c.if_contains("generate")) {
        const json::object& o = g->as_object();
        std::string s = str(o.at("prefix"));
        const std::string unit = str(o.at("repeat"));
        const auto n = static_cast<std::size_t>(o.at("count").as_int64());
        s.reserve(s.size() + unit.size() * n + 64);
        for (std::size_t i = 0; i < n; ++i) s += unit;
        return s + str(o.at("suffix"));
    }
    return read_bytes(hostile_dir + str(c.at("input")));
}

xxgk::decode_options options_of(const json::object& c) {
    xxgk::decode_options o;
    if (const auto* opts = c.if_contains("options")) {
        for (const auto& kv : opts->as_object()) {
            const auto n = [&] { return static_cast<std::size_t>(kv.value().as_int64()); };
            if (kv.key() == "strict")
                o.strict = kv.value().as_bool();
            else if (kv.key() == "max_input_bytes")
                o.max_input_bytes = n();
            else if (kv.key() == "max_depth")
                o.max_depth = n();
            else if (kv.key() == "max_string_bytes")
                o.max_string_bytes = n();
            else if (kv.key() == "max_problems")
                o.max_problems = n();
            else
                FAIL("unknown option " << kv.key());
        }
    }
    return o;
}

std::string describe(const std::vector<xxgk::problem>& ps) {
    std::string s;
    for (const xxgk::problem& p : ps)
        s += std::string("\n  ") + xxgk::to_string(p.code) + " '" + p.pointer + "' @" +
             (p.offset ? std::to_string(*p.offset) : "-") + ": " + p.message.substr(0, 200);
    return s;
}

std::string describe(const std::vector<xxgk::finding>& fs) {
    std::string s;
    for (const xxgk::finding& f : fs) s += "\n  " + f.code + " '" + f.pointer + "' actual '" + f.actual + "'";
    return s;
}

/// What holds for every report that decodes or imports: it survives JSON, and rendering it
/// yields no markup from its text.
void check_report(const xxgk::report& r, const std::vector<xxgk::finding>& findings) {
    const std::string once = xxgk::to_json(r);
    xxgk::decode_options back;
    back.strict = r.unknown_members.empty();
    back.max_depth = back.max_string_bytes = std::numeric_limits<std::size_t>::max();
    const xxgk::decode_result again = xxgk::decode_json(once, back);
    INFO(describe(again.problems));
    REQUIRE(again.ok());
    CHECK(*again.value == r);  // nothing lost, unknown members kept in lax mode included
    CHECK(xxgk::to_json(*again.value) == once);
    xxgk::render_options ro;
    ro.findings = &findings;
    xxgk_fuzz::check_inert_html(xxgk::render_html(r, ro));
    ro.standalone = false;
    xxgk_fuzz::check_inert_html(xxgk::render_html(r, ro));
}

void run_json_case(const json::object& c) {
    const std::string input = input_of(c);
    const xxgk::decode_options options = options_of(c);
    const xxgk::decode_result r = xxgk::decode_json(input, options);
    if (const char* dump = std::getenv("XXGK_HOSTILE_DUMP")) {  // for make_cases.py's author: what happened
        std::ofstream out(dump, std::ios::app);
        out << str(c.at("name")) << ":";
        if (!r.ok())
            out << describe(r.problems) << "\n";
        else
            out << describe(xxgk::validate(*r.value)) << "\n";
    }
    const json::object& expect = c.at("expect").as_object();
    if (const auto* want = expect.if_contains("problems")) {
        INFO("problems found:" << describe(r.problems));
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.problems.size() == want->as_array().size());
        for (std::size_t i = 0; i < r.problems.size(); ++i) {
            const json::object& w = want->as_array()[i].as_object();
            const xxgk::problem& p = r.problems[i];
            INFO("problem " << i);
            CHECK(xxgk::to_string(p.code) == str(w.at("code")));
            CHECK(p.pointer == str(w.at("pointer")));
            if (const auto* off = w.if_contains("offset")) {
                REQUIRE(p.offset.has_value());
                CHECK(*p.offset == static_cast<std::size_t>(off->as_int64()));
                CHECK(p.line.has_value());
                CHECK(p.column.has_value());
            }
            CHECK_FALSE(p.message.empty());
        }
        return;
    }
    INFO("problems found:" << describe(r.problems));
    REQUIRE(r.ok());
    const std::vector<xxgk::finding> found = xxgk::validate(*r.value);
    const json::array& want = expect.at("findings").as_array();
    INFO("findings:" << describe(found));
    REQUIRE(found.size() == want.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const json::object& w = want[i].as_object();
        INFO("finding " << i);
        CHECK(found[i].code == str(w.at("code")));
        CHECK(found[i].pointer == str(w.at("pointer")));
        if (const auto* actual = w.if_contains("actual")) CHECK(found[i].actual == str(*actual));
    }
    check_report(*r.value, found);
}

xxgk::import_result import_as(const std::string& kind, const std::string& input) {
    if (kind == "docx") return xxgk::import_docx(input);
    if (kind == "pdf") return xxgk::import_pdf(input);
    return kind == "html" ? xxgk::import_html(input) : xxgk::import_text(input);
}

void run_import_case(const json::object& c) {
    const std::string kind = str(c.at("kind"));
    const std::string input = input_of(c);
    const json::object& expect = c.at("expect").as_object();
    const std::string note = expect.contains("note") ? str(expect.at("note")) : std::string();
    INFO("note: " << note);
    std::optional<xxgk::import_result> r;
    std::optional<xxgk::errc> thrown;
    try {
        r = import_as(kind, input);
    } catch (const xxgk::error& e) {
        thrown = e.code();
    }
    if (const auto* t = expect.if_contains("throws")) {
        REQUIRE(thrown.has_value());
        CHECK(xxgk::to_string(*thrown) == str(*t));
        return;
    }
    INFO("threw " << (thrown ? xxgk::to_string(*thrown) : "nothing"));
    REQUIRE(r.has_value());
    if (const auto* same = expect.if_contains("same_as")) {
        // The hostile part changed nothing: the same report as the clean source.
        const xxgk::import_result clean = import_as(kind, read_bytes(std::string(XXGK_TEST_DATA) + "/" + str(*same)));
        CHECK(xxgk::to_json(r->value) == xxgk::to_json(clean.value));
    }
    if (const auto* want = expect.if_contains("imports")) {
        const json::object& w = want->as_object();
        CHECK(xxgk::to_string(r->value.format()) == str(w.at("format")));
        std::int64_t numbers = 0, not_captured = 0;
        for (const xxgk::cell_key& k : xxgk::cell_keys(r->value.format())) {
            const xxgk::cell& cell = xxgk::cell_at(r->value, k.index);
            numbers += cell.is_number();
            not_captured += cell.state() == xxgk::cell_state::not_captured;
        }
        CHECK(numbers == w.at("numbers").as_int64());
        CHECK(not_captured == w.at("not_captured").as_int64());
        const std::string log = xxgk::import_log_to_json(r->log);
        for (const json::value& code : w.at("log").as_array()) {
            INFO("the log must hold " << str(code));
            CHECK(log.find("\"" + str(code) + "\"") != std::string::npos);
        }
    }
    const std::string everything = xxgk::to_json(r->value) + xxgk::import_log_to_json(r->log);
    xxgk_fuzz::check_utf8(everything, "an imported report or its log is not UTF-8");
    if (const auto* absent = expect.if_contains("absent"))
        for (const json::value& a : absent->as_array()) {
            INFO("must not be imported: " << str(a));
            CHECK(everything.find(str(a)) == std::string::npos);
        }
    check_report(r->value, xxgk::validate(r->value));
}

}  // namespace

TEST_CASE("hostile: the corpus has at least 100 cases, each with an outcome", "[hostile]") {
    std::size_t json_cases = 0;
    for (const json::value& v : cases()) {
        const json::object& c = v.as_object();
        CHECK(c.contains("expect"));
        json_cases += str(c.at("kind")) == "json";
    }
    CHECK(json_cases >= 100);
}

TEST_CASE("hostile: JSON inputs give exactly the expected problems or findings", "[hostile]") {
    for (const json::value& v : cases()) {
        const json::object& c = v.as_object();
        if (str(c.at("kind")) != "json") continue;
        DYNAMIC_SECTION(str(c.at("name"))) { run_json_case(c); }
    }
}

TEST_CASE("hostile: text and HTML inputs never crash the importer nor smuggle markup", "[hostile][import]") {
    for (const json::value& v : cases()) {
        const json::object& c = v.as_object();
        if (str(c.at("kind")) == "json") continue;
        DYNAMIC_SECTION(str(c.at("kind")) << "/" << str(c.at("name"))) { run_import_case(c); }
    }
}

// ---- the limits at their edges -------------------------------------------------------------

TEST_CASE("hostile: every limit is a clear limit_exceeded, never more", "[hostile][limits]") {
    const std::string minimal = read_bytes(std::string(XXGK_TEST_DATA) + "/json/valid/minimal-2019.json");
    SECTION("max_input_bytes: refused before parsing, whatever the text") {
        xxgk::decode_options o;
        o.max_input_bytes = 3;
        const auto r = xxgk::decode_json("\xff\xff\xff\xff", o);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == xxgk::errc::limit_exceeded);
        CHECK(r.problems[0].pointer.empty());
        CHECK(r.problems[0].message == "input of 4 bytes exceeds the limit of 3 bytes");
    }
    SECTION("max_string_bytes: the message names the limit, the offset is inside the string") {
        xxgk::decode_options o;
        o.max_string_bytes = 6;  // "format" fits, "2019-2021" does not
        const std::string text = R"({"format":"2019-2021"})";
        const auto r = xxgk::decode_json(text, o);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == xxgk::errc::limit_exceeded);
        CHECK(r.problems[0].pointer == "/format");
        CHECK(r.problems[0].message.rfind("string longer than 6 bytes at line 1, column ", 0) == 0);
        REQUIRE(r.problems[0].offset.has_value());
        CHECK(*r.problems[0].offset > text.find("2019"));
        CHECK(*r.problems[0].offset <= text.size());
        o.max_string_bytes = 0;  // only empty strings
        CHECK(xxgk::decode_json(R"("")", o).problems.at(0).code == xxgk::errc::wrong_type);
        CHECK(xxgk::decode_json(R"({"":1})", o).problems.at(0).code == xxgk::errc::unknown_member);
    }
    SECTION("max_problems: the kept problems come first, then one limit_exceeded") {
        xxgk::decode_options o;
        o.max_problems = 0;
        const auto r = xxgk::decode_json("{}", o);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == xxgk::errc::limit_exceeded);
        CHECK(r.problems[0].message == "more than 0 problems: only the first are reported (max_problems)");
        CHECK(xxgk::decode_json(minimal, o).ok());  // no problem: no limit to report
    }
    SECTION("max_depth: as deep as allowed decodes") {
        xxgk::decode_options o;
        o.strict = false;
        o.max_depth = 40;
        std::string deep = minimal.substr(0, minimal.rfind('}')) + ",\"x\":";
        for (int i = 0; i < 39; ++i) deep += '[';
        for (int i = 0; i < 39; ++i) deep += ']';
        deep += '}';
        const auto r = xxgk::decode_json(deep, o);
        INFO(describe(r.problems));
        CHECK(r.ok());
        o.max_depth = 39;
        CHECK(xxgk::decode_json(deep, o).problems.at(0).code == xxgk::errc::limit_exceeded);
    }
}

TEST_CASE("hostile: problems of an object with many unknown members are found in linear time", "[hostile][limits]") {
    // Each unknown member is one problem; sorting them in document order must not walk the object
    // once per problem (200000 members: quadratic would take minutes).
    // No timing assertion (machines are noisy): a quadratic walk would run into ctest's timeout.
    std::string text = R"({"format":"2019")";
    for (int i = 0; i < 200000; ++i) text += ",\"u" + std::to_string(i) + "\":0";
    text += '}';
    xxgk::decode_options o;
    o.max_problems = std::numeric_limits<std::size_t>::max();
    const auto r = xxgk::decode_json(text, o);
    CHECK(r.problems.size() == 200000 + 4);  // + header, proactive, requests, review_litigation missing
}

TEST_CASE("hostile: a lax report with many kept members and many objects encodes in linear time", "[hostile][limits]") {
    // Each object written looks up the members kept under it: an index, not a scan of all of them
    // per object (100000 subsections × 100000 kept members: quadratic would take many minutes).
    // No timing assertion (machines are noisy): a quadratic walk would run into ctest's timeout.
    std::string text = read_bytes(std::string(XXGK_SOURCE_DIR) + "/examples/data/sample-2021.json");
    const std::size_t subsections = text.find("\"subsections\": [") + 17;
    REQUIRE(subsections > 17);
    std::string many;
    for (int i = 0; i < 100000; ++i) many += "{\"title\":\"\"},";
    text.insert(subsections, many);
    std::string kept;
    for (int i = 0; i < 100000; ++i) kept += ",\"u" + std::to_string(i) + "\":0";
    text.insert(text.rfind('}'), kept);
    xxgk::decode_options o;
    o.strict = false;
    const auto r = xxgk::decode_json(text, o);
    INFO(describe(r.problems));
    REQUIRE(r.ok());
    REQUIRE(r.value->unknown_members.size() == 100000);
    const std::string once = xxgk::to_json(*r.value);
    CHECK(once.find(",\"u99999\":0}") != std::string::npos);
}

// ---- threads (TSan) ------------------------------------------------------------------------

TEST_CASE("hostile: decoding and validating the corpus from many threads at once", "[hostile][threads]") {
    // The library has no global mutable state: four threads working on the same inputs get the
    // same results as one, and ThreadSanitizer sees no race (scripts/run-sanitizers).
    std::vector<std::string> inputs;
    for (const json::value& v : cases()) {
        const json::object& c = v.as_object();
        if (str(c.at("kind")) == "json" && c.contains("input")) inputs.push_back(input_of(c));
    }
    auto run = [&inputs] {
        std::string digest;
        for (const std::string& in : inputs) {
            const xxgk::decode_result r = xxgk::decode_json(in);
            digest += std::to_string(r.problems.size());
            if (r.ok()) {
                digest += xxgk::findings_to_json(xxgk::validate(*r.value));
                digest += std::to_string(xxgk::render_html(*r.value).size());
            }
        }
        return digest;
    };
    const std::string expected = run();
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < got.size(); ++i) threads.emplace_back([&, i] { got[i] = run(); });
    for (std::thread& t : threads) t.join();
    for (const std::string& g : got) CHECK(g == expected);
}
