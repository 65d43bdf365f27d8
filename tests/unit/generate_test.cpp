// The generator (include/xxgk/generate.hpp): valid reports have no finding, every injected fault
// is found with its code at its key, and the sequence is deterministic.
#include <xxgk/generate.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/validate.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace {

std::string describe(const std::vector<xxgk::finding>& findings) {
    std::string s;
    for (const auto& f : findings) s += f.code + " " + f.key + " " + f.pointer + ": " + f.message_en + "\n";
    return s;
}

}  // namespace

TEST_CASE("generated valid reports have no finding at all", "[generate]") {
    for (xxgk::format_version format : xxgk::all_formats) {
        xxgk::generate_options o;
        o.format = format;
        o.seed = 20261127;
        std::size_t blank_rows = 0;
        for (const xxgk::generated_report& g : xxgk::generate(o, 400)) {
            CHECK(g.faults.empty());
            REQUIRE(g.value.format() == format);
            const auto findings = xxgk::validate(g.value);
            INFO(xxgk::to_json(g.value));
            INFO(describe(findings));
            REQUIRE(findings.empty());
            // Round trip through canonical JSON: the generator builds nothing the codec cannot keep.
            REQUIRE(xxgk::load_json(xxgk::to_json(g.value)) == g.value);
            blank_rows += xxgk::cell_at(g.value, "requests.withheld_state_secret.total").is_blank();
        }
        CHECK(blank_rows > 0);  // some bodies leave rows of zeros blank, and they still validate
    }
}

TEST_CASE("every injected fault is found with its code at its key", "[generate]") {
    for (xxgk::format_version format : xxgk::all_formats) {
        xxgk::generate_options o;
        o.format = format;
        o.seed = 7;
        o.fault_rate = 0.3;
        std::map<std::string, std::size_t> kinds;
        for (const xxgk::generated_report& g : xxgk::generate(o, 300)) {
            const auto findings = xxgk::validate(g.value);
            for (const xxgk::injected_fault& f : g.faults) {
                ++kinds[f.kind];
                INFO(f.kind << " " << f.code << " " << f.key << " " << f.pointer << " " << f.before << " -> "
                            << f.after);
                INFO(describe(findings));
                const bool found = std::any_of(findings.begin(), findings.end(), [&](const xxgk::finding& x) {
                    return x.code == f.code && x.key == f.key && x.pointer == f.pointer && x.caused_by.empty();
                });
                CHECK(found);
                CHECK(f.before != f.after);
            }
            // A report without faults stays clean even in a faulty sequence.
            if (g.faults.empty()) CHECK(findings.empty());
        }
        // Every kind that applies to the format occurred.
        CHECK(kinds.size() == (format == xxgk::format_version::v2019 ? 12u : 11u));
        CHECK(kinds.count("published_exceeds_total") == (format == xxgk::format_version::v2019 ? 1u : 0u));
    }
}

TEST_CASE("the generated sequence is deterministic and indexable", "[generate]") {
    xxgk::generate_options o;
    o.seed = 99;
    o.fault_rate = 0.2;
    const auto ten = xxgk::generate(o, 10);
    const auto again = xxgk::generate(o, 10);
    for (std::size_t i = 0; i < 10; ++i) {
        CHECK(xxgk::to_json(ten[i].value) == xxgk::to_json(again[i].value));
        const auto one = xxgk::generate_report(o, i);
        CHECK(one.value == ten[i].value);
        CHECK(one.faults.size() == ten[i].faults.size());
    }
    // Another seed, other reports; neighbouring indexes differ.
    o.seed = 100;
    CHECK(xxgk::generate_report(o, 0).value != ten[0].value);
    CHECK(ten[0].value != ten[1].value);
    // Pinned: the same bytes on every platform (std::mt19937_64 and our own distributions).
    xxgk::generate_options pinned;
    pinned.seed = 1;
    const xxgk::report r = xxgk::generate_report(pinned, 0).value;
    CHECK(r.header.body == "安源县交通运输局");
    CHECK(xxgk::cell_at(r, "requests.received.total").value().to_string() == "812");
}

TEST_CASE("fault rates outside [0, 1] are refused", "[generate]") {
    xxgk::generate_options o;
    o.fault_rate = 1.5;
    CHECK_THROWS_AS(xxgk::generate(o, 1), xxgk::error);
    o.fault_rate = -0.1;
    CHECK_THROWS_AS(xxgk::generate_report(o, 0), xxgk::error);
}

TEST_CASE("counts above max_generate_count are refused before anything is made", "[generate]") {
    // `xxgk generate --count -1` read -1 as 2^64 - 1 and filled the disk (issue 16).
    try {
        (void)xxgk::generate({}, static_cast<std::size_t>(-1));
        FAIL("no error");
    } catch (const xxgk::error& e) {
        CHECK(e.code() == xxgk::errc::out_of_range);
        CHECK(std::string(e.what()) == "count must be in [0, 100000000], got 18446744073709551615");
    }
    CHECK_THROWS_AS(xxgk::generate({}, xxgk::max_generate_count + 1), xxgk::error);
    CHECK(xxgk::generate({}, 0).empty());
}

TEST_CASE("the fault manifest is CSV with the injected_fault columns", "[generate]") {
    xxgk::generate_options o;
    o.format = xxgk::format_version::v2019;
    o.seed = 3;
    o.fault_rate = 1.0;
    const auto reports = xxgk::generate(o, 2);
    const std::string csv = xxgk::faults_to_csv({"a.json", "b.json"}, reports);
    CHECK(csv.rfind("file,kind,code,key,pointer,before,after\n", 0) == 0);
    const auto lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
    CHECK(lines == 1 + reports[0].faults.size() + reports[1].faults.size());
    CHECK(reports[0].faults.size() >= 11);  // rate 1: every kind (a leaf fault may lack a non-zero row)
    CHECK(csv.find("\na.json,row_total,XXGK-T3-003,requests.") != std::string::npos);
    CHECK(csv.find("\nb.json,statistics_period,XXGK-H-004,,/header/statistics_period,") != std::string::npos);
}
