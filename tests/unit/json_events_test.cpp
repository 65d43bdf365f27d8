// The one-pass reader of src/json_events.hpp against the DOM decoder it stands in for: on every
// JSON document of the tests, on generated reports and on thousands of mutations of them, the
// reader either gives up or decodes exactly the report the DOM decoder decodes — and it does not
// give up on canonical documents (else the fast path would never be taken).
#include <catch2/catch.hpp>

#include "../../src/json_codec.hpp"

#include <xxgk/generate.hpp>
#include <xxgk/json.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using xxgk::decode_options;
using xxgk::decode_result;
using xxgk::report;

struct outcome {
    bool fast = false;  ///< the reader decoded the text
    decode_result dom;  ///< what the DOM decoder made of it
};

// Runs both decoders; fails the test when the reader accepts what the DOM decoder does not, or
// decodes it differently.
outcome compare(const std::string& text, const decode_options& options = {}) {
    outcome o;
    report fast;
    o.fast = xxgk::detail::events::decode_report(text, options, fast);
    o.dom = xxgk::detail::decode_json_with_dom(text, options);
    if (o.fast) {
        INFO(text.substr(0, 300));
        REQUIRE(o.dom.ok());
        REQUIRE(fast == *o.dom.value);
        REQUIRE(xxgk::to_json(fast) == xxgk::to_json(*o.dom.value));
        REQUIRE(fast.unknown_members.empty());
    }
    // decode_json is the two together: the same outcome as the DOM decoder.
    const decode_result both = xxgk::decode_json(text, options);
    REQUIRE(both.ok() == o.dom.ok());
    REQUIRE(both.problems.size() == o.dom.problems.size());
    if (both.ok()) REQUIRE(*both.value == *o.dom.value);
    return o;
}

std::vector<std::string> json_documents() {
    std::vector<std::string> texts;
    for (const fs::path& dir :
         {fs::path(XXGK_SOURCE_DIR) / "examples/data", fs::path(XXGK_TEST_DATA) / "json",
          fs::path(XXGK_TEST_DATA) / "hostile/json", fs::path(XXGK_SOURCE_DIR) / "tests/fuzz/regressions/json"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file() && e.path().extension() == ".json")
                texts.push_back(xxgk::read_file(e.path().string()));
    }
    return texts;
}

std::vector<std::string> generated(std::size_t per_format) {
    std::vector<std::string> texts;
    for (const auto format : {xxgk::format_version::v2019, xxgk::format_version::v2021}) {
        xxgk::generate_options g;
        g.format = format;
        g.seed = 7;
        g.fault_rate = 0.2;
        for (const auto& r : xxgk::generate(g, per_format)) texts.push_back(xxgk::to_json(r.value));
    }
    return texts;
}

}  // namespace

TEST_CASE("the one-pass reader decodes canonical reports exactly as the DOM decoder", "[json][fast]") {
    std::size_t canonical = 0;
    for (const std::string& text : generated(40)) {
        const outcome o = compare(text);
        REQUIRE(o.dom.ok());
        REQUIRE(o.fast);  // canonical: the fast path is taken
        ++canonical;
    }
    for (const char* name : {"cangnan-2020.json", "sample-2021.json"}) {
        const std::string text = xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
        REQUIRE(compare(text).fast);
        // Its canonical re-encoding too (escapes, numbers as written by the encoder).
        REQUIRE(compare(xxgk::to_json(xxgk::load_json(text))).fast);
        ++canonical;
    }
    CHECK(canonical == 82);
}

TEST_CASE("the one-pass reader agrees with the DOM decoder on every test document", "[json][fast]") {
    const std::vector<std::string> texts = json_documents();
    REQUIRE(texts.size() > 100);
    std::size_t fast = 0, problems = 0;
    for (const std::string& text : texts) {
        const outcome o = compare(text);
        fast += o.fast;
        problems += !o.dom.ok();
        // Under other options as well: lax, small limits.
        decode_options lax;
        lax.strict = false;
        compare(text, lax);
        decode_options small;
        small.max_depth = 4;
        small.max_string_bytes = 16;
        compare(text, small);
    }
    CHECK(fast > 0);
    CHECK(problems > 100);  // the hostile corpus: the reader gave up on each, the DOM decoder reported
}

TEST_CASE("the one-pass reader gives up on what the DOM decoder reports", "[json][fast]") {
    const std::string base = xxgk::to_json(
        xxgk::load_json(xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/sample-2021.json")));
    REQUIRE(compare(base).fast);
    const auto edited = [&](const std::string& from, const std::string& to) {
        std::string t = base;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
        return t;
    };
    struct variant {
        const char* what;
        std::string text;
        bool dom_ok;  // what the DOM decoder says
    };
    const std::vector<variant> variants = {
        {"format not first", "{" + base.substr(17, base.size() - 18) + ",\"format\":\"2021\"}", true},
        {"unknown member", edited("\"header\":{", "\"header\":{\"x\":1,"), false},
        {"member named tables", edited("\"header\":{", "\"tables\":{},\"header\":{"), false},
        {"repeated member", edited("\"header\":{\"body\":", "\"header\":{\"body\":\"a\",\"body\":"), false},
        {"missing required member", edited("\"year\":2022,", ""), false},
        {"integer beyond 64 bits", edited("\"year\":2022", "\"year\":99999999999999999999"), false},
        {"fraction", edited("\"year\":2022", "\"year\":2022.5"), false},
        {"enum with a NUL", edited("\"scope\":\"own\"", "\"scope\":\"own\\u0000x\""), false},
        {"escaped text", edited("\"body\":\"", "\"body\":\"\\u4e2d\\n"), true},
        {"cell of state number without a value",
         edited("\"review\":{\"upheld\":2", "\"review\":{\"upheld\":{\"state\":\"number\"}"), false},
        {"cell of state not_applicable",
         edited("\"review\":{\"upheld\":2", "\"review\":{\"upheld\":{\"raw\":\"-\",\"state\":\"not_applicable\"}"),
         true},
        {"cell with unit but no value",
         edited("\"review\":{\"upheld\":2", "\"review\":{\"upheld\":{\"state\":\"blank\",\"unit\":\"yuan\"}"), false},
        {"cell with unit none and no value",
         edited("\"review\":{\"upheld\":2", "\"review\":{\"upheld\":{\"state\":\"blank\",\"unit\":\"none\"}"), true},
        {"cell with a decimal value",
         edited("\"review\":{\"upheld\":2", "\"review\":{\"upheld\":{\"unit\":\"yuan\",\"value\":\"2.50\"}"), true},
        {"processing_fees in 2019", edited("{\"format\":\"2021\"", "{\"format\":\"2019\""), false},
        {"invalid UTF-8", edited("\"body\":\"", "\"body\":\"\xC3\x28"), false},
        {"trailing data", base + "x", false},
    };
    for (const variant& v : variants) {
        INFO(v.what);
        const outcome o = compare(v.text);
        CHECK(o.dom.ok() == v.dom_ok);
        if (!v.dom_ok) CHECK_FALSE(o.fast);
    }
}

TEST_CASE("the one-pass reader agrees with the DOM decoder on mutated reports", "[json][fast]") {
    std::vector<std::string> seeds = generated(4);
    seeds.push_back(xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json"));
    std::mt19937_64 rng(20261128);
    const std::string pieces[] = {"null",
                                  "1",
                                  "-1",
                                  "\"-\"",
                                  "{}",
                                  "[]",
                                  "\"x\"",
                                  "true",
                                  "1.5",
                                  "\"\\u00e9\"",
                                  "{\"state\":\"text\",\"raw\":\"a\"}",
                                  "{\"value\":\"1.50\",\"unit\":\"yuan\"}",
                                  ","};
    std::size_t fast = 0, rejected = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string t = seeds[rng() % seeds.size()];
        const std::size_t at = rng() % t.size();
        switch (rng() % 4) {
            case 0: t.erase(at, 1 + rng() % 3); break;
            case 1: t.insert(at, pieces[rng() % std::size(pieces)]); break;
            case 2: t[at] = static_cast<char>(rng() % 256); break;
            default: {  // replace a value after a colon
                const std::size_t colon = t.find(':', at);
                if (colon == std::string::npos) break;
                const std::size_t end = t.find_first_of(",}", colon);
                if (end == std::string::npos) break;
                t.replace(colon + 1, end - colon - 1, pieces[rng() % std::size(pieces)]);
            }
        }
        const outcome o = compare(t);
        fast += o.fast;
        rejected += !o.dom.ok();
    }
    CHECK(fast > 100);
    CHECK(rejected > 100);
}
