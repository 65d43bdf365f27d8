// xxgk import — published reports (text, HTML pages, PDF and Word files) → canonical JSON. See docs/cli.md
// and docs/import.md.
//
// Registered by add_import_command (called from main.cpp). Like render, it runs in its CLI11
// callback and ends the program by throwing CLI::RuntimeError with its exit code.
#include <xxgk/corpus.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>

#include <CLI/CLI.hpp>

#include "cli_common.hpp"
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

namespace {

constexpr int exit_ok = 0;
using xxgk_cli::exit_unusable;  // 2: unusable input or output, bad usage (docs/cli.md)
namespace fs = std::filesystem;

struct import_settings {
    std::vector<std::string> inputs;  // files or directories; "-" is standard input
    std::string from;                 // "", "text", "html", "pdf", "docx", "image"
    std::string output;
    std::string format;
    int year = 0;
    std::string log_json;
    bool no_info = false;
    bool no_ocr = false;
};

void print_log(const std::string& path, const std::vector<xxgk::import_log_entry>& log, bool no_info) {
    for (const xxgk::import_log_entry& e : log) {
        if (no_info && e.level == xxgk::severity::info) continue;
        std::cerr << path;
        if (e.where) {
            const xxgk::provenance& w = *e.where;
            if (w.page) {
                std::cerr << "[page " << *w.page;
                if (w.table) std::cerr << ", table " << *w.table;
                if (w.row) std::cerr << ", row " << *w.row;
                if (w.cell) std::cerr << ", cell " << *w.cell;
                std::cerr << ']';
            } else if (w.table) {
                std::cerr << "[table " << *w.table;
                if (w.row) std::cerr << ", row " << *w.row;
                if (w.cell) std::cerr << ", cell " << *w.cell;
                std::cerr << ']';
            } else if (w.line) {
                std::cerr << ':' << *w.line;
                if (w.column) std::cerr << ':' << *w.column;
            }
        }
        std::cerr << ": " << boost::describe::enum_to_string(e.level, "info") << '[' << e.code << ']';
        if (!e.key.empty()) std::cerr << ' ' << e.key;
        std::cerr << ": " << e.message << '\n';
        for (const std::string& c : e.candidates) std::cerr << "    reading: " << c << '\n';
    }
}

/// "FILE: 190 cells read, 6 blank seen, 4 not captured" — the last line of every import.
void print_summary(const std::string& path, const xxgk::import_counts& n) {
    std::cerr << path << ": " << n.read << " cells read, " << n.blank << " blank seen, " << n.not_captured
              << " not captured\n";
}

void write_text(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text << std::flush;
        return;
    }
    xxgk_cli::write_file(path, text);
}

/// The files `xxgk import` takes from a directory: those whose extension names a kind it reads.
bool importable(const fs::path& p) { return xxgk::source_kind_by_extension(p.filename().string()).has_value(); }

/// One input of a run: the file to read and the name of its output (relative, without extension).
struct job {
    std::string path;
    fs::path name;
};

/// The inputs as jobs: files as given, directories walked (sorted, recursively) for the
/// extensions above by the walk of `xxgk corpus` (xxgk::corpus_files), which lists what it
/// cannot read (a directory that cannot be listed as "path/") instead of leaving it out: such an
/// entry is a job that fails, saying why. Throws xxgk::error (io_error) for a directory given that
/// cannot be read.
std::vector<job> jobs_of(const std::vector<std::string>& inputs) {
    std::vector<job> jobs;
    for (const std::string& in : inputs) {
        std::error_code ec;
        if (in != "-" && fs::is_directory(in, ec)) {
            for (const std::string& file : xxgk::corpus_files(in)) {
                const bool unlisted = file.back() == '/';
                if (!unlisted && !importable(file)) continue;  // .json: canonical JSON is not imported
                jobs.push_back({(fs::path(in) / file).string(), fs::path(file).replace_extension()});
            }
        } else {
            jobs.push_back({in, fs::path(in == "-" ? "stdin" : in).filename().replace_extension()});
        }
    }
    return jobs;
}

/// Imports one input; writes its JSON (and log) to the given paths ("" = standard output).
/// Returns false when the input could not be imported (the reason printed).
bool import_one(const job& j, const import_settings& s, const std::string& json_out, const std::string& log_out) {
    xxgk::import_options options;
    if (!s.format.empty()) options.format = xxgk::parse_format_version(s.format);
    if (s.year != 0) options.year = s.year;
    options.ocr = !s.no_ocr;
    if (!s.from.empty()) {
        xxgk::source_kind k{};
        boost::describe::enum_from_string(s.from.c_str(), k);
        options.kind = k;
    } else if (auto k = xxgk::source_kind_by_extension(j.path);
               k == xxgk::source_kind::text || k == xxgk::source_kind::html) {
        options.kind = k;  // a page saved as .html is HTML, a .txt file is text, whatever their first bytes
    }
    if (j.path.back() == '/') {  // a directory the walk could not list (jobs_of)
        std::error_code ec;
        fs::directory_iterator probe(j.path, ec);
        std::cerr << j.path << ": cannot list the directory: " << (ec ? ec.message() : std::string("listing it failed"))
                  << "; its files were not imported\n";
        return false;
    }
    xxgk::import_result r;
    try {
        r = j.path == "-" ? xxgk::import_bytes(xxgk_cli::read_input("-", options.max_input_bytes), options)
                          : xxgk::import_file(j.path, options);
    } catch (const xxgk::error& e) {
        std::cerr << j.path << ": " << e.what() << '\n';
        return false;
    }
    print_log(j.path, r.log, s.no_info);
    if (!log_out.empty()) write_text(log_out, xxgk::import_log_to_json(r.log) + "\n");
    write_text(json_out, xxgk::to_json(r.value) + "\n");
    print_summary(j.path, xxgk::count_import(r.value));
    return true;
}

/// True when the JSON output and the log (--log-json) go to one place: one would overwrite the
/// other. Both on standard output, the same path, or two names of one file.
bool same_destination(const std::string& output, const std::string& log_json) {
    if (log_json.empty()) return false;
    const bool output_stdout = output.empty() || output == "-";
    if (output_stdout || log_json == "-") return output_stdout && log_json == "-";
    std::error_code ec1, ec2;
    const fs::path a = fs::weakly_canonical(output, ec1), b = fs::weakly_canonical(log_json, ec2);
    return ec1 || ec2 ? fs::path(output).lexically_normal() == fs::path(log_json).lexically_normal() : a == b;
}

int run_import(const import_settings& s) {
    std::vector<job> jobs;
    try {
        jobs = jobs_of(s.inputs);
    } catch (const xxgk::error& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
        return exit_unusable;
    }
    std::error_code ec;
    const bool many = s.inputs.size() > 1 || (s.inputs.front() != "-" && fs::is_directory(s.inputs.front(), ec));
    if (!many) {
        // (With several inputs -o and --log-json are directories, of NAME.json and NAME.log.json.)
        if (same_destination(s.output, s.log_json)) {
            std::cerr << "xxgk: -o and --log-json name the same "
                      << (s.log_json == "-" ? "output (standard output)" : "file '" + s.log_json + "'")
                      << ": give them different paths\n";
            return exit_unusable;
        }
        return import_one(jobs.front(), s, s.output, s.log_json) ? exit_ok : exit_unusable;
    }
    // Several inputs: one JSON per input in the directory -o names, NAME.json (and NAME.log.json).
    if (s.output.empty() || s.output == "-") {
        std::cerr << "xxgk: several inputs need -o DIR (one JSON file per input is written there)\n";
        return exit_unusable;
    }
    if (jobs.empty()) {
        std::cerr << "xxgk: no file to import (.txt, .md, .html, .htm, .pdf, .docx, …) in the inputs\n";
        return exit_unusable;
    }
    std::size_t failed = 0;
    for (const job& j : jobs) {
        const fs::path out = fs::path(s.output) / j.name;
        fs::create_directories(out.parent_path(), ec);
        const fs::path log = s.log_json.empty() ? fs::path() : fs::path(s.log_json) / j.name;
        if (!log.empty()) fs::create_directories(log.parent_path(), ec);
        failed += !import_one(j, s, out.string() + ".json", log.empty() ? std::string() : log.string() + ".log.json");
    }
    std::cerr << "xxgk: " << jobs.size() - failed << " of " << jobs.size() << " files imported into " << s.output
              << '\n';
    return failed ? exit_unusable : exit_ok;
}

}  // namespace

/// Adds `import` to the command line.
void add_import_command(CLI::App& app) {
    auto settings = std::make_shared<import_settings>();
    auto* ic = app.add_subcommand(
        "import", "Import a published report (text, HTML page, PDF, Word file or scanned image) into canonical JSON");
    ic->add_option("FILE", settings->inputs,
                   "the report as text, HTML, PDF, Word (.docx) or a scanned image (PNG, JPEG, TIFF: OCR); several "
                   "files or a directory with -o DIR; - for standard input")
        ->required();
    ic->add_option("--from", settings->from, "text, html, pdf, docx or image (default: detected from the bytes)")
        ->check(CLI::IsMember({"text", "html", "pdf", "docx", "image"}));
    ic->add_option(
        "-o,--output", settings->output,
        "output file for the JSON (default: standard output); with several inputs, a directory for NAME.json");
    ic->add_option("--format", settings->format, "force the format version: 2019 or 2021")
        ->check(CLI::IsMember({"2019", "2021"}));
    ic->add_option("--year", settings->year, "force the report year");
    ic->add_option(
        "--log-json", settings->log_json,
        "also write the import log as a JSON array to this file; with several inputs, a directory for NAME.log.json");
    ic->add_flag("--no-info", settings->no_info, "leave out log entries of severity info");
    ic->add_flag("--no-ocr", settings->no_ocr,
                 "do not read scanned pages by OCR: a scanned PDF is refused (no text layer), an image too");
    ic->callback([settings] { xxgk_cli::finish([&] { return run_import(*settings); }); });
}
