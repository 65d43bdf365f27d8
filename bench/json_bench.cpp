// Cost of reading, validating and writing a report, against the floor: a bare boost::json::parse
// of the same bytes (what any reader of the document pays at least).
//
//   xxgk_bench [benchmark flags] [REPORT.json...]    (default: every examples/data/*.json)
//
// For each report: parse/<name> (floor), load/<name> (xxgk::load_json), load_validate/<name>
// (load_json + validate) and to_json/<name> (encoding a loaded report). bench/ratios.py turns
// the results into ratios to the floor; validate/<name> (validate alone) shows where the time goes.
#include <xxgk/xxgk.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

void register_report(const std::filesystem::path& path) {
    // Shared by the four benchmarks of this report; read once, outside every timing.
    auto text = std::make_shared<const std::string>(xxgk::read_file(path.string()));
    const std::string name = path.stem().string();
    const auto bytes = static_cast<std::int64_t>(text->size());

    benchmark::RegisterBenchmark(("parse/" + name).c_str(), [text, bytes](benchmark::State& state) {
        for (auto _ : state) {
            boost::json::value v = boost::json::parse(*text);
            benchmark::DoNotOptimize(v);
        }
        state.SetBytesProcessed(state.iterations() * bytes);
    });
    benchmark::RegisterBenchmark(("load/" + name).c_str(), [text, bytes](benchmark::State& state) {
        for (auto _ : state) {
            xxgk::report r = xxgk::load_json(*text);
            benchmark::DoNotOptimize(r);
        }
        state.SetBytesProcessed(state.iterations() * bytes);
    });
    benchmark::RegisterBenchmark(("load_validate/" + name).c_str(), [text, bytes](benchmark::State& state) {
        for (auto _ : state) {
            xxgk::report r = xxgk::load_json(*text);
            std::vector<xxgk::finding> findings = xxgk::validate(r);
            benchmark::DoNotOptimize(findings);
        }
        state.SetBytesProcessed(state.iterations() * bytes);
    });
    // Not one of the four above: validate alone, to see where load+validate spends its time.
    benchmark::RegisterBenchmark(("validate/" + name).c_str(), [text, bytes](benchmark::State& state) {
        const xxgk::report r = xxgk::load_json(*text);
        for (auto _ : state) {
            std::vector<xxgk::finding> findings = xxgk::validate(r);
            benchmark::DoNotOptimize(findings);
        }
        state.SetBytesProcessed(state.iterations() * bytes);
    });
    benchmark::RegisterBenchmark(("to_json/" + name).c_str(), [text, bytes](benchmark::State& state) {
        const xxgk::report r = xxgk::load_json(*text);
        for (auto _ : state) {
            std::string json = xxgk::to_json(r);
            benchmark::DoNotOptimize(json);
        }
        state.SetBytesProcessed(state.iterations() * bytes);
    });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);  // removes the --benchmark_* flags it knows
    std::vector<std::filesystem::path> reports(argv + 1, argv + argc);
    if (reports.empty()) {
        for (const auto& entry : std::filesystem::directory_iterator(XXGK_BENCH_DATA))
            if (entry.path().extension() == ".json") reports.push_back(entry.path());
        std::sort(reports.begin(), reports.end());
    }
    try {
        for (const auto& path : reports) register_report(path);
    } catch (const std::exception& e) {  // an unreadable report: say which, do not run half a table
        std::cerr << "xxgk_bench: " << e.what() << '\n';
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
