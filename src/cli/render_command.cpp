// xxgk render, xxgk schema — see docs/cli.md.
//
// Registered by add_render_commands (called from main.cpp). Each subcommand runs in its CLI11
// callback and ends the program by throwing CLI::RuntimeError with its exit code, the CLI11 way
// for a callback to exit: main's own dispatch never sees these subcommands.
#include "cli_common.hpp"

#include <xxgk/cells.hpp>
#include <xxgk/json.hpp>
#include <xxgk/portal.hpp>
#include <xxgk/render.hpp>
#include <xxgk/schema.hpp>
#include <xxgk/validate.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

// portal_command.cpp: render of portal files (recognised from their content)
std::optional<int> run_portal_render(const std::string& file, const std::string& text, const std::string& to,
                                     const std::string& output, const std::string& lang, bool lax, bool with_findings);

namespace {

constexpr int exit_ok = 0;
using xxgk_cli::exit_unusable;  // 2: unusable input or output, bad usage (docs/cli.md)

struct render_settings {
    std::string file;
    bool css = false;  ///< write the stylesheet (render_css) instead of rendering a report
    std::string to = "html";
    std::string output;
    std::string lang = "zh";
    bool lax = false;
    bool findings = false;
};

struct schema_settings {
    std::string format = "2021";
    std::string output;
    bool portal = false;  ///< the schema of portal files instead (docs/portal.md)
};

using xxgk_cli::write_csv_tables;
using xxgk_cli::write_output;

struct new_settings {
    std::string format = "2021";
    std::string output;
};

int run_render(const render_settings& s) {
    if (s.css) {
        if (!s.file.empty()) {
            std::cerr << "xxgk: render --css writes the stylesheet alone; it takes no FILE\n";
            return exit_unusable;
        }
        write_output(s.output, std::string(xxgk::render_css()));
        return exit_ok;
    }
    if (s.file.empty()) {
        std::cerr << "xxgk: render needs a FILE (or --css for the stylesheet)\n";
        return exit_unusable;
    }
    const std::optional<std::string> text = xxgk_cli::read_input_or_say(s.file);  // read once, within the limit
    if (!text) return exit_unusable;
    if (auto code = run_portal_render(s.file, *text, s.to, s.output, s.lang, s.lax, s.findings)) return *code;
    auto r = xxgk_cli::decode_report(s.file, *text, s.lax);
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

/// `xxgk new`: an empty report of a format — every cell blank, header empty — to fill in.
int run_new(const new_settings& s) {
    const auto format = xxgk::parse_format_version(s.format);
    if (!format) {
        std::cerr << "xxgk: unknown format '" << s.format << "' (use 2019 or 2021)\n";
        return exit_unusable;
    }
    write_output(s.output, xxgk::to_json(xxgk::report::make(*format)) + "\n");
    return exit_ok;
}

int run_schema(const schema_settings& s) {
    if (s.portal) {
        write_output(s.output, xxgk::portal_json_schema());
        return exit_ok;
    }
    const auto format = xxgk::parse_format_version(s.format);
    if (!format) {
        std::cerr << "xxgk: unknown format '" << s.format << "' (use 2019 or 2021)\n";
        return exit_unusable;
    }
    write_output(s.output, xxgk::json_schema(*format));
    return exit_ok;
}

}  // namespace

/// Adds `render`, `schema` and `new` to the command line.
void add_render_commands(CLI::App& app) {
    auto render = std::make_shared<render_settings>();
    auto* rc = app.add_subcommand("render", "Write a report for people: HTML, Markdown or CSV");
    rc->add_option("FILE", render->file, "report in canonical JSON (- for standard input)");
    rc->add_flag("--css", render->css,
                 "write the stylesheet that makes --to html-fragment look like the national form (no FILE)");
    rc->add_option("--to", render->to,
                   "html (a page), html-fragment (one <article> to embed), md (Markdown), csv (one file per "
                   "official table), csv-long (one line per cell)")
        ->check(CLI::IsMember({"html", "html-fragment", "md", "csv", "csv-long"}));
    rc->add_option("-o,--output", render->output, "output file; for --to csv a directory (default: standard output)");
    rc->add_option("--lang", render->lang, "language of highlighted findings and notes: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));
    rc->add_flag("--findings", render->findings, "html: validate the report and highlight the cells with findings");
    rc->add_flag("--lax", render->lax, "keep unknown JSON members instead of rejecting them");
    rc->callback([render] { xxgk_cli::finish([&] { return run_render(*render); }); });

    auto schema = std::make_shared<schema_settings>();
    auto* sc = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the canonical JSON of a format");
    sc->add_option("--format", schema->format, "2019 or 2021")->check(CLI::IsMember({"2019", "2021"}));
    sc->add_option("-o,--output", schema->output, "output file (default: standard output)");
    sc->add_flag("--portal", schema->portal, "the schema of portal files (docs/portal.md) instead of a report format");
    sc->callback([schema] { xxgk_cli::finish([&] { return run_schema(*schema); }); });

    auto created = std::make_shared<new_settings>();
    auto* nc = app.add_subcommand("new", "Write an empty report of a format (every cell blank) to fill in");
    nc->add_option("--format", created->format, "2019 or 2021 (default 2021)")->check(CLI::IsMember({"2019", "2021"}));
    nc->add_option("-o,--output", created->output, "output file (default: standard output)");
    nc->callback([created] { xxgk_cli::finish([&] { return run_new(*created); }); });
}
