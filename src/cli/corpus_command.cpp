// xxgk corpus — validate every report of a directory on all cores (include/xxgk/corpus.hpp). See
// docs/cli.md and docs/scale.md.
//
// Registered by add_corpus_command (called from main.cpp). Like render and import, it runs in its
// CLI11 callback and ends the program by throwing CLI::RuntimeError with its exit code.
#include <xxgk/corpus.hpp>
#include <xxgk/error.hpp>

#include <CLI/CLI.hpp>

#include "cli_common.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>

namespace {

constexpr int exit_ok = 0;

struct corpus_settings {
    std::string dir;
    unsigned jobs = 0;
    std::string output = "xxgk-corpus";
    std::string lang = "zh";
    bool lax = false;
    bool no_info = false;
};

/// "[#########.........]  451/1000" on one line of a terminal, redrawn in place.
void draw_progress(std::size_t done, std::size_t total) {
    // Redraw about 500 times per run at most: a terminal is slower than the validation.
    if (done != total && done % (total / 500 + 1) != 0) return;
    constexpr int width = 40;
    const int filled = total ? static_cast<int>(done * width / total) : width;
    std::fprintf(stderr, "\r[%.*s%.*s] %zu/%zu", filled, "########################################", width - filled,
                 "........................................", done, total);
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

int run_corpus_command(const corpus_settings& s) {
    const bool zh = s.lang == "zh";
    const std::vector<std::string> files = xxgk::corpus_files(s.dir, s.output);  // not the output of a run before
    xxgk::corpus_options options;
    options.jobs = s.jobs;
    options.decoding.strict = !s.lax;
    options.validation.include_info = !s.no_info;
    // Only a person at a terminal wants a bar; logs and pipes get the summary alone.
    if (isatty(fileno(stderr)) && !files.empty()) options.progress = draw_progress;
    xxgk::corpus_writer writer(s.output, zh ? xxgk::corpus_language::zh : xxgk::corpus_language::en);
    const xxgk::corpus_summary summary = xxgk::run_corpus(s.dir, files, options, writer);
    writer.finish(summary);
    const std::size_t errors = summary.by_severity.count("error") ? summary.by_severity.at("error") : 0;
    const std::size_t warnings = summary.by_severity.count("warning") ? summary.by_severity.at("warning") : 0;
    const std::size_t infos = summary.by_severity.count("info") ? summary.by_severity.at("info") : 0;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
    if (zh) {
        std::cout << "共 " << summary.files << " 个文件：" << summary.reports << " 份报告已校验（其中 "
                  << summary.with_errors << " 份有错误），" << summary.unusable
                  << " 个文件无法使用（见 errors.csv）。\n"
                  << "发现 " << errors << " 个错误，" << warnings << " 个警告，" << infos << " 个提示；用时 " << seconds
                  << " 秒，" << summary.jobs << " 个线程。\n";
    } else {
        std::cout << summary.files << " files: " << summary.reports << " reports validated (" << summary.with_errors
                  << " with errors), " << summary.unusable << " unusable (see errors.csv).\n"
                  << errors << " errors, " << warnings << " warnings, " << infos << " infos; " << seconds << " s on "
                  << summary.jobs << " threads.\n";
    }
    for (const auto& [code, n] : summary.by_code) std::cout << "  " << code << '\t' << n << '\n';
    std::cout << (zh ? "输出目录：" : "Output: ") << s.output
              << " (summary.json, findings.csv, cells.csv, errors.csv)\n";
    if (summary.unreadable) {  // the run did not see the whole corpus: not a success
        std::cerr << "xxgk: " << summary.unreadable << " files or directories below " << s.dir
                  << " could not be read (see errors.csv)\n";
        return xxgk_cli::exit_unusable;
    }
    return exit_ok;
}

}  // namespace

/// Adds `corpus` to the command line.
void add_corpus_command(CLI::App& app) {
    auto settings = std::make_shared<corpus_settings>();
    auto* cc =
        app.add_subcommand("corpus", "Validate every report of a directory (JSON, text, HTML, PDF, Word) on all cores");
    cc->add_option("DIR", settings->dir, "directory of reports, searched recursively")->required();
    cc->add_option("-j,--jobs", settings->jobs, "threads (default: every core)")->check(CLI::Range(1u, 4096u));
    cc->add_option("-o,--output", settings->output,
                   "directory for summary.json, findings.csv, cells.csv, errors.csv (default: xxgk-corpus)");
    cc->add_option("--lang", settings->lang, "language of messages: zh or en")->check(CLI::IsMember({"zh", "en"}));
    cc->add_flag("--lax", settings->lax, "keep unknown JSON members instead of rejecting the file");
    cc->add_flag("--no-info", settings->no_info, "leave out findings of severity info");
    cc->callback([settings] { xxgk_cli::finish([&] { return run_corpus_command(*settings); }); });
}
