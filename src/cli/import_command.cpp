// xxgk import — a published report (plain text or an HTML page) → canonical JSON. See docs/cli.md
// and docs/import.md.
//
// Registered by add_import_command (called from main.cpp). Like render, it runs in its CLI11
// callback and ends the program by throwing CLI::RuntimeError with its exit code.
#include <xxgk/corpus.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>

#include <CLI/CLI.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_unusable = 2;  // not a report, unreadable input, unwritable output, bad usage

struct import_settings {
    std::string file;
    std::string from;  // "", "text", "html"
    std::string output;
    std::string format;
    int year = 0;
    std::string log_json;
    bool no_info = false;
};

void print_log(const std::string& path, const std::vector<xxgk::import_log_entry>& log, bool no_info) {
    for (const xxgk::import_log_entry& e : log) {
        if (no_info && e.level == xxgk::severity::info) continue;
        std::cerr << path;
        if (e.where) {
            const xxgk::provenance& w = *e.where;
            if (w.table) {
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

void write_text(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text << std::flush;
        return;
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw xxgk::error(xxgk::errc::io_error, "cannot write '" + path + "'");
}

int run_import(const import_settings& s) {
    std::string content;
    try {
        content = s.file == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>())
                                : xxgk::read_file(s.file);
    } catch (const xxgk::error& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
        return exit_unusable;
    }
    xxgk::import_options options;
    if (!s.format.empty()) options.format = xxgk::parse_format_version(s.format);
    if (s.year != 0) options.year = s.year;
    // detect_input_kind's json reading is for corpus runs; import reads everything else as text.
    const std::string kind = !s.from.empty()                                                   ? s.from
                             : xxgk::detect_input_kind(s.file, content) == xxgk::input_kind::html ? "html"
                                                                                              : "text";
    xxgk::import_result r;
    try {
        r = kind == "html" ? xxgk::import_html(content, options) : xxgk::import_text(content, options);
    } catch (const xxgk::error& e) {
        std::cerr << s.file << ": " << e.what() << '\n';
        return exit_unusable;
    }
    print_log(s.file, r.log, s.no_info);
    if (!s.log_json.empty()) write_text(s.log_json, xxgk::import_log_to_json(r.log) + "\n");
    write_text(s.output, xxgk::to_json(r.value) + "\n");
    return exit_ok;
}

}  // namespace

/// Adds `import` to the command line.
void add_import_command(CLI::App& app) {
    auto settings = std::make_shared<import_settings>();
    auto* ic = app.add_subcommand("import", "Import a published report (plain text or an HTML page) into canonical JSON");
    ic->add_option("FILE", settings->file, "the report as text or HTML (- for standard input)")->required();
    ic->add_option("--from", settings->from, "text or html (default: by extension, else by content)")
        ->check(CLI::IsMember({"text", "html"}));
    ic->add_option("-o,--output", settings->output, "output file for the JSON (default: standard output)");
    ic->add_option("--format", settings->format, "force the format version: 2019 or 2021")
        ->check(CLI::IsMember({"2019", "2021"}));
    ic->add_option("--year", settings->year, "force the report year");
    ic->add_option("--log-json", settings->log_json, "also write the import log as a JSON array to this file");
    ic->add_flag("--no-info", settings->no_info, "leave out log entries of severity info");
    ic->callback([settings] {
        int code = exit_unusable;
        try {
            code = run_import(*settings);
        } catch (const std::exception& e) {
            std::cerr << "xxgk: " << e.what() << '\n';
        }
        throw CLI::RuntimeError(code);
    });
}
