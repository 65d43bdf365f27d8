// What reading, checking, writing, importing and rendering a report cost, against the floor of each:
//
//   xxgk_bench [benchmark flags] [--corpus DIR] [REPORT.json...]
//
// Without REPORT arguments, the reports of examples/data (its *.json files but the portal files).
// Benchmarks, one set per report (named by the JSON file's stem) and one set named "corpus" that
// processes every report of --corpus DIR per iteration:
//
//   floor/<name>            boost::json::parse with a reused parser and a monotonic resource over a
//                           reused buffer: what any reader of the document pays at least
//   serialize/<name>        boost::json::serialize of that DOM: the floor of encoding
//   decode/<name>           xxgk::load_json
//   decode_validate/<name>  xxgk::load_json + xxgk::validate
//   validate/<name>         xxgk::validate alone (where decode_validate spends its time)
//   encode/<name>           xxgk::to_json of the loaded report
//   render_html/<name>      xxgk::render_html of the loaded report
//   import_text/<name>      xxgk::import_text of <stem>.txt or <stem>-annual-report.txt beside the JSON
//   import_html/<name>      xxgk::import_html of <stem>.html beside the JSON or in tests/data/import
//
// bench/ratios.py runs this binary and prints the ratio table. Every input is read once, before
// any timing.
#include "inputs.hpp"

#include <xxgk/xxgk.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// The documents one benchmark set processes per iteration: the JSON reports and, where a report
/// has one, its published text and HTML page.
struct input_set {
    std::vector<std::string> json, text, html;
    static std::int64_t bytes(const std::vector<std::string>& docs) {
        std::int64_t n = 0;
        for (const std::string& d : docs) n += static_cast<std::int64_t>(d.size());
        return n;
    }
};

std::optional<fs::path> first_existing(std::initializer_list<fs::path> candidates) {
    for (const fs::path& p : candidates)
        if (fs::is_regular_file(p)) return p;
    return std::nullopt;
}

/// Adds the report at `json_path` and the published sources found beside it to `set`.
void add_report(input_set& set, const fs::path& json_path) {
    set.json.push_back(xxgk::read_file(json_path.string()));
    const fs::path dir = json_path.parent_path();
    const std::string stem = json_path.stem().string();
    if (auto t = first_existing({dir / (stem + ".txt"), dir / (stem + "-annual-report.txt")}))
        set.text.push_back(xxgk::read_file(t->string()));
    if (auto h = first_existing({dir / (stem + ".html"), fs::path(XXGK_BENCH_HTML_DATA) / (stem + ".html")}))
        set.html.push_back(xxgk::read_file(h->string()));
}

/// The floor: boost::json::parse as a reader that cares about speed calls it — one parser reused
/// across documents, and the DOM in a monotonic arena over a reused buffer (no malloc per node).
class floor_parser {
public:
    void parse(std::string_view text) {
        boost::json::monotonic_resource mr(arena_.data(), arena_.size());
        parser_.reset(&mr);
        parser_.write(text.data(), text.size());
        boost::json::value v = parser_.release();
        benchmark::DoNotOptimize(v);
    }

private:
    boost::json::parser parser_;
    std::vector<unsigned char> arena_ = std::vector<unsigned char>(std::size_t{1} << 20);
};

template <class F>
void add(const std::string& name, std::int64_t bytes, F per_iteration) {
    benchmark::RegisterBenchmark(name.c_str(), [bytes, per_iteration](benchmark::State& state) mutable {
        for (auto _ : state) per_iteration();
        state.SetBytesProcessed(state.iterations() * bytes);
    });
}

void register_set(const std::string& name, std::shared_ptr<const input_set> in) {
    const std::int64_t json_bytes = input_set::bytes(in->json);
    // Loaded once, outside every timing, for the benchmarks that start from a report or a DOM.
    auto reports = std::make_shared<std::vector<xxgk::report>>();
    auto doms = std::make_shared<std::vector<boost::json::value>>();
    for (const std::string& j : in->json) {
        reports->push_back(xxgk::load_json(j));
        doms->push_back(boost::json::parse(j));
    }

    auto floor = std::make_shared<floor_parser>();
    add("floor/" + name, json_bytes, [in, floor] {
        for (const std::string& j : in->json) floor->parse(j);
    });
    add("serialize/" + name, json_bytes, [doms] {
        for (const boost::json::value& v : *doms) benchmark::DoNotOptimize(boost::json::serialize(v));
    });
    add("decode/" + name, json_bytes, [in] {
        for (const std::string& j : in->json) benchmark::DoNotOptimize(xxgk::load_json(j));
    });
    add("decode_validate/" + name, json_bytes, [in] {
        for (const std::string& j : in->json) {
            const xxgk::report r = xxgk::load_json(j);
            benchmark::DoNotOptimize(xxgk::validate(r));
        }
    });
    add("validate/" + name, json_bytes, [reports] {
        for (const xxgk::report& r : *reports) benchmark::DoNotOptimize(xxgk::validate(r));
    });
    add("encode/" + name, json_bytes, [reports] {
        for (const xxgk::report& r : *reports) benchmark::DoNotOptimize(xxgk::to_json(r));
    });
    add("render_html/" + name, json_bytes, [reports] {
        for (const xxgk::report& r : *reports) benchmark::DoNotOptimize(xxgk::render_html(r));
    });
    if (!in->text.empty())
        add("import_text/" + name, input_set::bytes(in->text), [in] {
            for (const std::string& t : in->text) benchmark::DoNotOptimize(xxgk::import_text(t));
        });
    if (!in->html.empty())
        add("import_html/" + name, input_set::bytes(in->html), [in] {
            for (const std::string& h : in->html) benchmark::DoNotOptimize(xxgk::import_html(h));
        });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);  // removes the --benchmark_* flags it knows
    std::vector<fs::path> reports;
    std::optional<fs::path> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--corpus" && i + 1 < argc)
            corpus = argv[++i];
        else
            reports.emplace_back(arg);
    }
    try {
        if (reports.empty()) reports = xxgk_bench::report_files(XXGK_BENCH_DATA);
        for (const fs::path& path : reports) {
            auto set = std::make_shared<input_set>();
            add_report(*set, path);
            register_set(path.stem().string(), set);
        }
        if (corpus) {
            auto set = std::make_shared<input_set>();
            for (const fs::path& path : xxgk_bench::report_files(*corpus)) add_report(*set, path);
            if (set->json.empty()) throw std::runtime_error("no *.json report in " + corpus->string());
            register_set("corpus", set);
        }
    } catch (const std::exception& e) {  // an unreadable or invalid report: say which, do not run half a table
        std::cerr << "xxgk_bench: " << e.what() << '\n';
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
