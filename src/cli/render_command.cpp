// xxgk render, xxgk schema — see docs/cli.md.
//
// Registered by add_render_commands (called from main.cpp). Each subcommand runs in its CLI11
// callback and ends the program by throwing CLI::RuntimeError with its exit code, the CLI11 way
// for a callback to exit: main's own dispatch never sees these subcommands.
#include <xxgk/cells.hpp>
#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/schema.hpp>
#include <xxgk/validate.hpp>

#include <CLI/CLI.hpp>

#include "command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_unusable = 2;  // unreadable input, unwritable output, bad usage

struct render_settings {
    std::string file;
    std::string to = "html";
    std::string output;
    std::string lang = "zh";
    bool lax = false;
    bool findings = false;
};

struct schema_settings {
    std::string format = "2021";
    std::string output;
};

std::optional<xxgk::report> load(const std::string& path, bool lax) {
    std::string text;
    try {
        text = path == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>())
                           : xxgk::read_file(path);
    } catch (const xxgk::error& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
        return std::nullopt;
    }
    xxgk::decode_options options;
    options.strict = !lax;
    xxgk::decode_result r = xxgk::decode_json(text, options);
    for (const xxgk::problem& p : r.problems) {
        std::cerr << path;
        if (p.line) std::cerr << ':' << *p.line << ':' << *p.column;
        std::cerr << ": error[" << xxgk::to_string(p.code) << "]";
        if (!p.pointer.empty()) std::cerr << ' ' << p.pointer;
        std::cerr << ": " << p.message << '\n';
    }
    if (!r.ok()) return std::nullopt;
    return std::move(*r.value);
}

using xxgk::cli::write_file;

void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-")
        std::cout << text << std::flush;
    else
        write_file(path, text);
}

// csv: one file per table in the directory -o names (created if needed); without -o, every
// table on standard output, each after a line "==> NAME.csv <==" and followed by an empty line.
void write_csv_tables(const std::string& output, const std::vector<xxgk::csv_table>& tables) {
    if (output.empty() || output == "-") {
        for (const xxgk::csv_table& t : tables) std::cout << "==> " << t.name << ".csv <==\n" << t.csv << '\n';
        std::cout << std::flush;
        return;
    }
    const std::filesystem::path dir(output);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        throw xxgk::error(xxgk::errc::io_error, "'" + output + "' is not a directory (render --to csv writes one file per table)");
    for (const xxgk::csv_table& t : tables) write_file(dir / (t.name + ".csv"), t.csv);
}

int run_render(const render_settings& s) {
    auto r = load(s.file, s.lax);
    if (!r) return exit_unusable;
    if (s.to == "html" || s.to == "html-fragment") {
        xxgk::render_options options;
        options.standalone = s.to == "html";
        options.lang = s.lang;
        std::vector<xxgk::finding> findings;
        if (s.findings) {
            findings = xxgk::validate(*r);
            options.findings = &findings;
        }
        write_output(s.output, xxgk::render_html(*r, options));
    } else if (s.to == "md") {
        write_output(s.output, xxgk::render_markdown(*r));
    } else if (s.to == "csv") {
        write_csv_tables(s.output, xxgk::render_csv_tables(*r));
    } else {
        write_output(s.output, xxgk::to_cells_csv(*r));
    }
    return exit_ok;
}

int run_schema(const schema_settings& s) {
    const auto format = xxgk::parse_format_version(s.format);
    if (!format) {
        std::cerr << "xxgk: unknown format '" << s.format << "' (use 2019 or 2021)\n";
        return exit_unusable;
    }
    write_output(s.output, xxgk::json_schema(*format));
    return exit_ok;
}

}  // namespace

/// Adds `render` and `schema` to the command line.
void add_render_commands(CLI::App& app) {
    auto render = std::make_shared<render_settings>();
    auto* rc = app.add_subcommand("render", "Write a report for people: HTML, Markdown or CSV");
    rc->add_option("FILE", render->file, "report in canonical JSON (- for standard input)")->required();
    rc->add_option("--to", render->to,
                   "html (a page), html-fragment (one <article> to embed), md (Markdown), csv (one file per "
                   "official table), csv-long (one line per cell)")
        ->check(CLI::IsMember({"html", "html-fragment", "md", "csv", "csv-long"}));
    rc->add_option("-o,--output", render->output,
                   "output file; for --to csv a directory (default: standard output)");
    rc->add_option("--lang", render->lang, "language of highlighted findings and notes: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));
    rc->add_flag("--findings", render->findings, "html: validate the report and highlight the cells with findings");
    rc->add_flag("--lax", render->lax, "keep unknown JSON members instead of rejecting them");
    rc->callback([render] { xxgk::cli::finish([&] { return run_render(*render); }); });

    auto schema = std::make_shared<schema_settings>();
    auto* sc = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the canonical JSON of a format");
    sc->add_option("--format", schema->format, "2019 or 2021")->check(CLI::IsMember({"2019", "2021"}));
    sc->add_option("-o,--output", schema->output, "output file (default: standard output)");
    sc->callback([schema] { xxgk::cli::finish([&] { return run_schema(*schema); }); });
}
