// xxgk validate|convert|render on portal files (docs/cli.md § Portal files, docs/portal.md).
//
// A portal file is recognised from its content (`xxgk::is_portal_json`: a top-level
// "kind": "portal"); main.cpp and render_command.cpp hand such files here and keep reports.
#include <xxgk/portal.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_unusable = 2;

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw xxgk::error(xxgk::errc::io_error, "cannot write '" + path.string() + "'");
}

void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-")
        std::cout << text << std::flush;
    else
        write_file(path, text);
}

// Decodes a portal file, printing every problem as main.cpp prints a report's.
std::optional<xxgk::portal> load_portal(const std::string& path, const std::string& text, bool lax) {
    xxgk::decode_options options;
    options.strict = !lax;
    xxgk::portal_decode_result r = xxgk::decode_portal_json(text, options);
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

const char* severity_name(xxgk::severity s, bool zh) {
    switch (s) {
        case xxgk::severity::error: return zh ? "错误" : "error";
        case xxgk::severity::warning: return zh ? "警告" : "warning";
        case xxgk::severity::info: return zh ? "提示" : "info";
    }
    return "";
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
        std::size_t counts[3] = {0, 0, 0};
        for (const xxgk::finding& f : findings) {
            ++counts[static_cast<int>(f.severity)];
            std::cout << "  " << severity_name(f.severity, zh) << ' ' << f.code;
            if (!f.pointer.empty()) std::cout << ' ' << f.pointer;
            std::cout << "\n      " << (zh ? f.message_zh : f.message_en) << '\n';
        }
        if (zh)
            std::cout << "共 " << counts[2] << " 个错误，" << counts[1] << " 个警告，" << counts[0] << " 个提示。\n";
        else
            std::cout << counts[2] << " errors, " << counts[1] << " warnings, " << counts[0] << " infos.\n";
    }
    return xxgk::count_errors(findings) > 0 ? exit_findings : exit_ok;
}

}  // namespace

/// The text of FILE ("-": standard input, read once and kept, so that recognising a portal file
/// and then loading it as a report both see the same text).
std::string read_cli_input(const std::string& path) {
    if (path != "-") return xxgk::read_file(path);
    static std::optional<std::string> stdin_text;
    if (!stdin_text) stdin_text.emplace(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return *stdin_text;
}

/// `xxgk validate` / `xxgk convert` on a portal file; nothing when FILE is not one (or cannot be
/// read: the report path then says why).
std::optional<int> run_portal_command(const std::string& command, const std::string& file, const std::string& output,
                                      bool json, const std::string& lang, bool lax, bool no_info) {
    std::string text;
    try {
        text = read_cli_input(file);
    } catch (const xxgk::error&) {
        return std::nullopt;
    }
    if (!xxgk::is_portal_json(text)) return std::nullopt;
    auto p = load_portal(file, text, lax);
    if (!p) return exit_unusable;
    if (command == "validate") return validate_portal(file, *p, json, lang, no_info);
    write_output(output, xxgk::to_json(*p) + "\n");
    return exit_ok;
}

/// `xxgk render` on a portal file: html, html-fragment or csv (one file per table in the
/// directory -o names); nothing when FILE is not one.
std::optional<int> run_portal_render(const std::string& file, const std::string& to, const std::string& output,
                                     const std::string& lang, bool lax, bool with_findings) {
    std::string text;
    try {
        text = read_cli_input(file);
    } catch (const xxgk::error&) {
        return std::nullopt;
    }
    if (!xxgk::is_portal_json(text)) return std::nullopt;
    auto p = load_portal(file, text, lax);
    if (!p) return exit_unusable;
    if (to == "html" || to == "html-fragment") {
        xxgk::render_options options;
        options.standalone = to == "html";
        options.lang = lang;
        std::vector<xxgk::finding> findings;
        if (with_findings) {
            findings = xxgk::validate(*p);
            options.findings = &findings;
        }
        write_output(output, xxgk::render_html(*p, options));
        return exit_ok;
    }
    if (to != "csv") {
        std::cerr << "xxgk: a portal file renders as html, html-fragment or csv, not " << to << '\n';
        return exit_unusable;
    }
    const std::vector<xxgk::csv_table> tables = xxgk::render_csv_tables(*p);
    if (output.empty() || output == "-") {
        for (const xxgk::csv_table& t : tables) std::cout << "==> " << t.name << ".csv <==\n" << t.csv << '\n';
        std::cout << std::flush;
        return exit_ok;
    }
    const std::filesystem::path dir(output);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        throw xxgk::error(xxgk::errc::io_error, "'" + output + "' is not a directory (render --to csv writes one file per table)");
    for (const xxgk::csv_table& t : tables) write_file(dir / (t.name + ".csv"), t.csv);
    return exit_ok;
}
