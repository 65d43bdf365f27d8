// xxgk generate — synthetic reports for tests and benchmarks (include/xxgk/generate.hpp). See
// docs/cli.md.
//
// Registered by add_generate_command (called from main.cpp). Like render and import, it runs in
// its CLI11 callback and ends the program by throwing CLI::RuntimeError with its exit code.
#include <xxgk/error.hpp>
#include <xxgk/generate.hpp>
#include <xxgk/json.hpp>

#include <CLI/CLI.hpp>

#include "cli_common.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <string>

namespace {

constexpr int exit_ok = 0;

struct generate_settings {
    std::string format = "2021";
    std::int64_t count = 1;  // signed, so that -1 is refused rather than read as 2^64 - 1
    std::int64_t seed = 0;
    double faults = 0.0;
    std::string output = ".";
};

using xxgk_cli::write_file;

int run_generate(const generate_settings& s) {
    xxgk::generate_options options;
    options.format = *xxgk::parse_format_version(s.format);
    options.seed = static_cast<std::uint64_t>(s.seed);
    options.fault_rate = s.faults;
    const std::filesystem::path dir(s.output);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw xxgk::error(xxgk::errc::io_error, "cannot create '" + dir.string() + "': " + ec.message());
    std::vector<std::string> names;
    std::vector<xxgk::generated_report> faulty;  // the manifest lists only reports with faults
    std::vector<std::string> faulty_names;
    for (std::size_t i = 0; i < static_cast<std::size_t>(s.count); ++i) {
        xxgk::generated_report g = xxgk::generate_report(options, i);
        char name[64];
        std::snprintf(name, sizeof name, "report-%s-%06zu.json", s.format.c_str(), i);
        write_file(dir / name, xxgk::to_json(g.value) + "\n");
        if (!g.faults.empty()) {
            faulty_names.emplace_back(name);
            faulty.push_back(std::move(g));
        }
    }
    write_file(dir / "faults.csv", xxgk::faults_to_csv(faulty_names, faulty));
    return exit_ok;
}

}  // namespace

/// Adds `generate` to the command line.
void add_generate_command(CLI::App& app) {
    auto settings = std::make_shared<generate_settings>();
    auto* gc = app.add_subcommand("generate",
                                  "Write synthetic reports (valid, or with injected faults) for tests and benchmarks");
    gc->add_option("--format", settings->format, "2019 or 2021")->check(CLI::IsMember({"2019", "2021"}))->required();
    // The ranges of xxgk::generate and of Python's xxgk.generate.
    gc->add_option("--count", settings->count, "how many reports")
        ->required()
        ->check(CLI::Range(std::int64_t{0}, static_cast<std::int64_t>(xxgk::max_generate_count)));
    gc->add_option("--seed", settings->seed, "seed of the sequence: same seed, same reports")
        ->required()
        ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
    gc->add_option("--faults", settings->faults, "probability of each fault kind per report (0 to 1; default 0)")
        ->check(CLI::Range(0.0, 1.0));
    gc->add_option("-o,--output", settings->output, "directory for the reports and faults.csv (default: .)");
    gc->callback([settings] { xxgk_cli::finish([&] { return run_generate(*settings); }); });
}
