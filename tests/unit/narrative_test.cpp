// Tests of the narrative figures check (include/xxgk/narrative.hpp, docs/formats.md §9.2, §13.4).
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using xxgk::cell;
using xxgk::decimal;
using xxgk::narrative_measure;
using xxgk::report;

report example(const std::string& name) {
    return xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
}

const xxgk::stated_figure* figure(const std::vector<xxgk::stated_figure>& fs, narrative_measure m) {
    const auto it = std::find_if(fs.begin(), fs.end(), [&](const xxgk::stated_figure& f) { return f.measure == m; });
    return it == fs.end() ? nullptr : &*it;
}

report with_overview(xxgk::format_version f, std::vector<std::string> paragraphs) {
    report r = report::make(f);
    r.header.body = "测试局";
    r.header.year = f == xxgk::format_version::v2019 ? 2020 : 2021;
    xxgk::narrative_section s;
    s.paragraphs = std::move(paragraphs);
    r.overview = s;
    return r;
}

void put(report& r, const std::string& key, std::int64_t v) { xxgk::set_cell(r, key, cell::number(decimal(v))); }

}  // namespace

TEST_CASE("the seed's figures are read from its sentence with parts (§13.4)", "[narrative][seed]") {
    const report seed = example("cangnan-2020.json");
    const auto figures = xxgk::extract_figures(seed);

    const auto* lawsuits = figure(figures, narrative_measure::lawsuits);
    REQUIRE(lawsuits);
    CHECK(lawsuits->value == decimal(38));  // 2 (县本级) + 36 (下属单位)
    CHECK(lawsuits->parts == std::vector<std::string>{"涉及诉讼2件", "涉及诉讼36件"});
    CHECK(lawsuits->complete);
    CHECK(lawsuits->pointer == "/overview/subsections/2/paragraphs/0");
    CHECK(lawsuits->sentence.rfind("2020年，全县依申请公开办理234件，其中，县本级受理46件", 0) == 0);

    const auto* received = figure(figures, narrative_measure::requests_received);
    REQUIRE(received);
    CHECK(received->value == decimal(234));  // 46 + 188
    const auto* handled = figure(figures, narrative_measure::requests_handled);
    REQUIRE(handled);
    CHECK(handled->value == decimal(234));
    const auto* reviews = figure(figures, narrative_measure::reviews);
    REQUIRE(reviews);
    CHECK(reviews->value == decimal(9));
    CHECK_FALSE(reviews->complete);  // stated for 下属单位 only
    const auto* lawsuits_corrected = figure(figures, narrative_measure::lawsuits_corrected);
    REQUIRE(lawsuits_corrected);
    CHECK(lawsuits_corrected->value == decimal(5));  // 纠错1件 + 纠错4件, after 涉及诉讼
    const auto* reviews_corrected = figure(figures, narrative_measure::reviews_corrected);
    REQUIRE(reviews_corrected);
    CHECK(reviews_corrected->value == decimal(2));
    const auto* documents = figure(figures, narrative_measure::normative_documents);
    REQUIRE(documents);
    CHECK(documents->value == decimal(226));  // not "参与规范性文件解读28件", not "清理废止、失效规范性文件 84 个"
    CHECK(std::count_if(figures.begin(), figures.end(),
                        [](const auto& f) { return f.measure == narrative_measure::normative_documents; }) == 1);
}

TEST_CASE("the seed's 涉及诉讼 38 against 41 + 4 is a warning, and the only one", "[narrative][seed]") {
    const report seed = example("cangnan-2020.json");
    const auto found = xxgk::check_narrative_figures(seed);
    REQUIRE(found.size() == 1);
    const xxgk::finding& f = found.front();
    CHECK(f.code == "XXGK-N-006");
    CHECK(f.severity == xxgk::severity::warning);
    CHECK(f.rule == "narrative");
    CHECK(f.key.empty());
    CHECK(f.pointer == "/overview/subsections/2/paragraphs/0");
    CHECK(f.expected == "45");
    CHECK(f.actual == "38");
    CHECK(f.cells == std::vector<std::string>{"review_litigation.litigation_direct.total",
                                              "review_litigation.litigation_after_review.total"});
    CHECK(f.message_zh.find("涉及诉讼2件 + 涉及诉讼36件") != std::string::npos);
    CHECK(f.message_zh.find("下属单位共受理188件") != std::string::npos);  // the sentence is quoted
    CHECK(f.message_zh.find("未经复议直接起诉") != std::string::npos);
    CHECK(f.message_en.find(
              "review_litigation.litigation_direct.total + review_litigation.litigation_after_review.total = 45") !=
          std::string::npos);

    // Through validate: only with the option.
    auto codes = [](const std::vector<xxgk::finding>& fs) {
        return std::count_if(fs.begin(), fs.end(), [](const auto& x) { return x.code == "XXGK-N-006"; });
    };
    CHECK(codes(xxgk::validate(seed)) == 0);
    xxgk::validate_options o;
    o.narrative_figures = true;
    CHECK(codes(xxgk::validate(seed, o)) == 1);
}

TEST_CASE("the 2021 sample states consistent figures: no finding", "[narrative][false-positives]") {
    const report sample = example("sample-2021.json");
    const auto figures = xxgk::extract_figures(sample);
    CHECK(figure(figures, narrative_measure::requests_received)->value == decimal(78));  // not the 26 in the aside
    CHECK(figure(figures, narrative_measure::requests_carried_over)->value == decimal(4));
    CHECK(figure(figures, narrative_measure::requests_concluded)->value == decimal(76));
    CHECK(figure(figures, narrative_measure::requests_carried_forward)->value == decimal(6));
    CHECK(figure(figures, narrative_measure::reviews)->value == decimal(4));
    CHECK(figure(figures, narrative_measure::lawsuits)->value == decimal(3));
    CHECK(figure(figures, narrative_measure::reviews_corrected)->value == decimal(1));
    CHECK(figure(figures, narrative_measure::normative_documents)->value == decimal(3));
    CHECK(xxgk::check_narrative_figures(sample).empty());

    SECTION("and each figure is checked: change a cell, get a warning") {
        report changed = sample;
        put(changed, "requests.carried_forward.total", 7);
        const auto found = xxgk::check_narrative_figures(changed);
        REQUIRE(found.size() == 1);
        CHECK(found[0].cells == std::vector<std::string>{"requests.carried_forward.total"});
        CHECK(found[0].expected == "7");
        CHECK(found[0].actual == "6");
        CHECK(found[0].pointer == "/overview/subsections/1/paragraphs/0");
    }
}

TEST_CASE("ambiguous phrasings yield nothing", "[narrative][false-positives]") {
    using xxgk::format_version;
    auto figures = [](std::vector<std::string> text) {
        return xxgk::extract_figures(with_overview(format_version::v2021, std::move(text)));
    };
    // two measures in one clause, or one count for a list of two
    CHECK(figures({"全年行政复议和行政诉讼案件共5件。"}).empty());
    CHECK(figures({"全年涉及行政复议、行政诉讼案件共5件。"}).empty());
    // one measure twice in a sentence without a split into parts
    CHECK(figures({"全年收到申请10件，收到申请12件。"}).empty());
    // outcome counts are not totals
    CHECK(figures({"驳回诉讼请求1件。"}).empty());
    CHECK(figures({"行政复议维持3件。"}).empty());
    // approximate and non-count numbers
    CHECK(figures({"全年受理申请100余件。"}).empty());
    CHECK(figures({"指导60余次，涉及 26 个试点领域。"}).empty());
    // 纠错 with no case topic before it
    CHECK(figures({"纠错2件。"}).empty());
    // normative documents: interpretation, clean-up, 规章 together
    CHECK(figures({"参与规范性文件解读28件。"}).empty());
    CHECK(figures({"清理规范性文件30件。"}).empty());
    CHECK(figures({"公开规章和规范性文件12件。"}).empty());
    // received only in a sentence about applications
    CHECK(figures({"全年受理投诉15件。"}).empty());
}

TEST_CASE("figures against blank cells are not compared; partial parts are a lower bound", "[narrative]") {
    using xxgk::format_version;
    report r =
        with_overview(format_version::v2019,
                      {"全年共受理政府信息公开申请20件，其中，本级受理5件，涉及行政复议2件；下属单位受理15件。"});
    // requests.received.total blank → nothing to compare
    CHECK(xxgk::check_narrative_figures(r).empty());
    put(r, "requests.received.total", 20);
    put(r, "review_litigation.review.total", 3);  // 本级 2, 下属单位 not stated: at least 2
    CHECK(xxgk::check_narrative_figures(r).empty());
    put(r, "review_litigation.review.total", 1);  // fewer than the stated part
    const auto found = xxgk::check_narrative_figures(r);
    REQUIRE(found.size() == 1);
    CHECK(found[0].actual == "≥ 2");
    CHECK(found[0].expected == "1");
    put(r, "requests.received.total", 21);
    CHECK(xxgk::check_narrative_figures(r).size() == 2);  // 20 stated before 其中
}

TEST_CASE("narrative: generated reports state their figures in prose, and none differs", "[narrative][generate]") {
    // The generator writes the table figures into sections 一 and 五 in the sample's wording: the
    // extractor must read them, and a report whose prose agrees must give no finding.
    std::size_t figures = 0;
    for (const xxgk::format_version f : {xxgk::format_version::v2019, xxgk::format_version::v2021}) {
        xxgk::generate_options o;
        o.format = f;
        o.seed = 7;
        for (std::size_t i = 0; i < 100; ++i) {
            const xxgk::report r = xxgk::generate_report(o, i).value;
            INFO(xxgk::to_string(f) << " report " << i);
            figures += xxgk::extract_figures(r).size();
            CHECK(xxgk::check_narrative_figures(r).empty());
        }
    }
    CHECK(figures >= 200 * 5);  // received, concluded, carried over/forward, reviews, … in every report
}
