// xxgk validate|convert|render on portal files (docs/cli.md § Portal files, docs/portal.md).
//
// A portal file is recognised from its content (`xxgk::is_portal_json`: a top-level
// "kind": "portal"); main.cpp and render_command.cpp hand such files here and keep reports.
#include "cli_common.hpp"

#include <xxgk/portal.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
using xxgk_cli::exit_unusable;  // 2: unusable input or output, bad usage (docs/cli.md)

// The portal in `text` (read from FILE), or why not: nothing when it is not a portal file (the
// report path then says what is wrong); exit_unusable, after printing every problem, when it does
// not decode.
struct loaded {
    std::optional<xxgk::portal> portal;
    bool is_portal = false;
};

loaded load_portal(const std::string& path, const std::string& text, bool lax) {
    xxgk::decode_options options;
    options.strict = !lax;
    if (!xxgk::is_portal_json(text, options)) return {};
    xxgk::portal_decode_result r = xxgk::decode_portal_json(text, options);
    xxgk_cli::print_problems(path, r.problems);
    return {std::move(r.value), true};
}

int validate_portal(const std::string& path, const xxgk::portal& p, bool json, const std::string& lang, bool no_info) {
    xxgk::validate_options options;
    options.include_info = !no_info;
    const std::vector<xxgk::finding> findings = xxgk::validate(p, options);
    if (json) {
        std::cout << xxgk::findings_to_json(findings) << '\n';
    } else {
        const bool zh = lang == "zh";
        std::cout << path << ": " << (zh ? "网站公开数据" : "portal data");
        if (p.name) std::cout << ' ' << *p.name;
        std::cout << '\n';
        xxgk_cli::print_findings(findings, zh, true);
    }
    return xxgk::count_errors(findings) > 0 ? exit_findings : exit_ok;
}

}  // namespace

/// `xxgk validate` / `xxgk convert` on a portal file (`text`, read from FILE); nothing when it is not one.
std::optional<int> run_portal_command(const std::string& command, const std::string& file, const std::string& text,
                                      const std::string& output, bool json, const std::string& lang, bool lax,
                                      bool no_info) {
    loaded l = load_portal(file, text, lax);
    if (!l.is_portal) return std::nullopt;
    if (!l.portal) return exit_unusable;
    if (command == "validate") return validate_portal(file, *l.portal, json, lang, no_info);
    xxgk_cli::write_output(output, xxgk::to_json(*l.portal) + "\n");
    return exit_ok;
}

/// `xxgk render` on a portal file: html, html-fragment or csv (one file per table in the
/// directory -o names); nothing when FILE is not one.
std::optional<int> run_portal_render(const std::string& file, const std::string& text, const std::string& to,
                                     const std::string& output, const std::string& lang, bool lax, bool with_findings) {
    loaded l = load_portal(file, text, lax);
    if (!l.is_portal) return std::nullopt;
    if (!l.portal) return exit_unusable;
    if (to == "html" || to == "html-fragment") {
        xxgk::render_options options;
        options.standalone = to == "html";
        options.lang = lang;
        std::vector<xxgk::finding> findings;
        if (with_findings) {
            findings = xxgk::validate(*l.portal);
            options.findings = &findings;
        }
        xxgk_cli::write_output(output, xxgk::render_html(*l.portal, options));
        return exit_ok;
    }
    if (to != "csv") {
        std::cerr << "xxgk: a portal file renders as html, html-fragment or csv, not " << to << '\n';
        return exit_unusable;
    }
    xxgk_cli::write_csv_tables(output, xxgk::render_csv_tables(*l.portal));
    return exit_ok;
}
