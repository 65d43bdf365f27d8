// xxgk — command-line tool. See docs/cli.md.
//
// Exit codes: 0 success (validate: no error findings), 1 validate found errors,
// 2 unreadable input or bad usage.
#include "cli_common.hpp"

#include <xxgk/xxgk.hpp>

#include <CLI/CLI.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

namespace {

using xxgk_cli::severity_name;
using xxgk_cli::write_output;

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
using xxgk_cli::exit_unusable;  // 2: unreadable input, bad usage (docs/cli.md)

int run_validate(const std::string& path, const std::string& text, bool json, const std::string& lang, bool lax,
                 bool no_info, bool narrative) {
    auto r = xxgk_cli::decode_report(path, text, lax);
    if (!r) return exit_unusable;
    xxgk::validate_options options;
    options.include_info = !no_info;
    options.narrative_figures = narrative;
    const std::vector<xxgk::finding> findings = xxgk::validate(*r, options);
    if (json) {
        std::cout << xxgk::findings_to_json(findings) << '\n';
    } else {
        const bool zh = lang == "zh";
        std::cout << path << ": " << r->header.body << ' ' << r->header.year << (zh ? "年度报告（" : " report (")
                  << xxgk::to_string(r->format()) << (zh ? "年版格式）\n" : " format)\n");
        xxgk_cli::print_findings(findings, zh);
    }
    return xxgk::count_errors(findings) > 0 ? exit_findings : exit_ok;
}

int run_keys(const std::string& format_name) {
    const auto format = xxgk::parse_format_version(format_name);
    if (!format) {
        std::cerr << "xxgk: unknown format '" << format_name << "' (use 2019 or 2021)\n";
        return exit_unusable;
    }
    std::string out = "key\tvalue_kind\tlabel\n";
    for (const xxgk::cell_key& k : xxgk::cell_keys(*format)) {
        out += k.key;
        out += '\t';
        out += boost::describe::enum_to_string(k.kind, "");
        out += '\t';
        out += k.label_path(*format);
        out += '\n';
    }
    std::cout << out;
    return exit_ok;
}

int run_rules() {
    for (const xxgk::rule_info& r : xxgk::rule_catalog())
        std::cout << r.code << '\t' << r.rule << '\t' << severity_name(r.severity, false) << '\t' << r.title_zh << '\t'
                  << r.title_en << '\n';
    return exit_ok;
}

}  // namespace

void add_render_commands(CLI::App& app);  // render_command.cpp: render, schema
void add_import_command(CLI::App& app);   // import_command.cpp: import
// portal_command.cpp: validate and convert of portal files (recognised from their content)
std::optional<int> run_portal_command(const std::string& command, const std::string& file, const std::string& text,
                                      const std::string& output, bool json, const std::string& lang, bool lax,
                                      bool no_info);
void add_generate_command(CLI::App& app);  // generate_command.cpp: generate
void add_corpus_command(CLI::App& app);    // corpus_command.cpp: corpus
void add_serve_command(CLI::App& app);     // serve_command.cpp: serve (src/serve, docs/serve.md)

int main(int argc, char** argv) {
    // A write beyond the file-size limit (ulimit -f) then fails with EFBIG instead of killing the
    // process: the output writer removes its temporary file and the old output stays (docs/cli.md).
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"xxgk — 政府信息公开工作年度报告: validate, convert and inspect reports"};
    app.set_version_flag("--version", std::string("xxgk ") + xxgk::version());
    app.require_subcommand(1);

    std::string file, output, lang = "zh", format_name = "2021";
    bool json = false, lax = false, no_info = false, narrative = false;

    auto* validate = app.add_subcommand("validate", "Check a report against every rule of its format");
    validate->add_option("FILE", file, "report in canonical JSON (- for standard input)")->required();
    validate->add_flag("--json", json, "print the findings as a JSON array");
    validate->add_option("--lang", lang, "language of messages: zh or en")->check(CLI::IsMember({"zh", "en"}));
    validate->add_flag("--lax", lax, "keep unknown JSON members instead of rejecting them");
    validate->add_flag("--no-info", no_info, "leave out findings of severity info");
    validate->add_flag("--narrative", narrative,
                       "also compare the figures stated in sections 一 and 五 with the tables (XXGK-N-006)");

    auto* convert = app.add_subcommand("convert", "Write a report as normalised canonical JSON");
    convert->add_option("FILE", file, "report in canonical JSON (- for standard input)")->required();
    convert->add_option("-o,--output", output, "output file (default: standard output)");
    convert->add_flag("--lax", lax, "keep unknown JSON members (they are written back)");

    auto* cells = app.add_subcommand("cells", "Write every cell as CSV (long format)");
    cells->add_option("FILE", file, "report in canonical JSON (- for standard input)")->required();
    cells->add_option("-o,--output", output, "output file (default: standard output)");
    cells->add_flag("--lax", lax, "keep unknown JSON members");

    auto* keys = app.add_subcommand("keys", "List the cell keys of a format with their labels");
    keys->add_option("--format", format_name, "2019 or 2021")->check(CLI::IsMember({"2019", "2021"}));

    app.add_subcommand("rules", "List every finding code");
    add_render_commands(app);
    add_import_command(app);
    add_generate_command(app);
    add_corpus_command(app);
    add_serve_command(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_unusable;
    }
    try {
        if (*keys) return run_keys(format_name);
        if (app.got_subcommand("rules")) return run_rules();
        // validate, convert, cells: the file is read once, within the decoder's limit.
        const std::optional<std::string> text = xxgk_cli::read_input_or_say(file);
        if (!text) return exit_unusable;
        if (*validate || *convert)
            if (auto code = run_portal_command(*validate ? "validate" : "convert", file, *text, output, json, lang, lax,
                                               no_info))
                return *code;
        if (*validate) return run_validate(file, *text, json, lang, lax, no_info, narrative);
        auto r = xxgk_cli::decode_report(file, *text, lax);
        if (!r) return exit_unusable;
        if (*convert) write_output(output, xxgk::to_json(*r) + "\n");
        if (*cells) write_output(output, xxgk::to_cells_csv(*r));
        return exit_ok;
    } catch (const std::exception& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
        return exit_unusable;
    }
}
