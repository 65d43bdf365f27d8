// Internal to the xxgk command: input, output, printing and the exit of subcommands, shared by
// every subcommand (main.cpp and the *_command.cpp files), so that each one reads, writes and
// reports the same way.
#ifndef XXGK_SRC_CLI_COMMON_HPP
#define XXGK_SRC_CLI_COMMON_HPP

#include <xxgk/error.hpp>
#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace xxgk_cli {

/// Exit code 2: unusable input, unwritable output, bad usage (docs/cli.md).
inline constexpr int exit_unusable = 2;

/// Runs a subcommand that lives in its own file (in its CLI11 callback) and ends the program with
/// its exit code by throwing CLI::RuntimeError, the CLI11 way for a callback to exit; an exception
/// is printed and ends it with exit_unusable.
template <class F>
[[noreturn]] void finish(F&& run) {
    int code = exit_unusable;
    try {
        code = run();
    } catch (const std::exception& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
    }
    throw CLI::RuntimeError(code);
}

/// The text of FILE, read by xxgk::read_file: regular files only (a directory, a device such as
/// /dev/zero or a FIFO is refused before anything is read), at most `max_bytes` (default: the
/// decoder's input limit; a larger file is refused with its size, before it is read). "-" is
/// standard input, of which at most `max_bytes` + 1 bytes are read; it is read once and kept, so
/// that every reader of "-" in one run sees the same text. Throws xxgk::error (io_error,
/// limit_exceeded).
inline std::string read_input(const std::string& path, std::size_t max_bytes = xxgk::decode_options{}.max_input_bytes) {
    if (path != "-") return xxgk::read_file(path, max_bytes);
    static std::optional<std::string> stdin_text;
    if (!stdin_text) {
        std::string text;
        char buffer[65536];
        while (text.size() <= max_bytes && std::cin.read(buffer, sizeof buffer).gcount() > 0)
            text.append(buffer, static_cast<std::size_t>(std::min<std::streamsize>(
                                    std::cin.gcount(), static_cast<std::streamsize>(max_bytes - text.size() + 1))));
        if (std::cin.bad()) throw xxgk::error(xxgk::errc::io_error, "cannot read standard input");
        stdin_text.emplace(std::move(text));
    }
    if (stdin_text->size() > max_bytes)
        throw xxgk::error(xxgk::errc::limit_exceeded,
                          "standard input is more than the limit of " + std::to_string(max_bytes) + " bytes");
    return *stdin_text;
}

/// The text of FILE (read_input), or nothing after printing why it cannot be read.
inline std::optional<std::string> read_input_or_say(const std::string& path) {
    try {
        return read_input(path);
    } catch (const xxgk::error& e) {
        std::cerr << "xxgk: " << e.what() << '\n';
        return std::nullopt;
    }
}

/// Writes a whole file with xxgk::write_file: atomically (a temporary file beside it, renamed over
/// it), so that a failed write leaves the old file. Throws xxgk::file_error naming the path.
inline void write_file(const std::filesystem::path& path, const std::string& text) {
    xxgk::write_file(path.string(), text);
}

/// Writes to the file `path` (write_file), or to standard output when it is "" or "-".
inline void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-")
        std::cout << text << std::flush;
    else
        write_file(path, text);
}

/// csv: one file per table in the directory `output` names (created if needed); without it,
/// every table on standard output, each after a line "==> NAME.csv <==" and followed by an empty line.
inline void write_csv_tables(const std::string& output, const std::vector<xxgk::csv_table>& tables) {
    if (output.empty() || output == "-") {
        for (const xxgk::csv_table& t : tables) std::cout << "==> " << t.name << ".csv <==\n" << t.csv << '\n';
        std::cout << std::flush;
        return;
    }
    const std::filesystem::path dir(output);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        throw xxgk::error(xxgk::errc::io_error,
                          "'" + output + "' is not a directory (render --to csv writes one file per table)");
    for (const xxgk::csv_table& t : tables) write_file(dir / (t.name + ".csv"), t.csv);
}

/// "FILE:LINE:COLUMN: error[code] POINTER: message", one line per problem, on standard error.
inline void print_problems(const std::string& path, const std::vector<xxgk::problem>& problems) {
    for (const xxgk::problem& p : problems) {
        std::cerr << path;
        if (p.line) std::cerr << ':' << *p.line << ':' << *p.column;
        std::cerr << ": error[" << xxgk::to_string(p.code) << "]";
        if (!p.pointer.empty()) std::cerr << ' ' << p.pointer;
        std::cerr << ": " << p.message << '\n';
    }
}

/// The report in `text` (read from FILE `path`), or nothing after printing every problem.
inline std::optional<xxgk::report> decode_report(const std::string& path, const std::string& text, bool lax) {
    xxgk::decode_options options;
    options.strict = !lax;
    xxgk::decode_result r = xxgk::decode_json(text, options);
    print_problems(path, r.problems);
    if (!r.ok()) return std::nullopt;
    return std::move(*r.value);
}

inline const char* severity_name(xxgk::severity s, bool zh) {
    switch (s) {
        case xxgk::severity::error: return zh ? "错误" : "error";
        case xxgk::severity::warning: return zh ? "警告" : "warning";
        case xxgk::severity::info: return zh ? "提示" : "info";
    }
    return "";
}

/// The findings as `xxgk validate` prints them (severity, code, where, message) and the totals.
/// `where`: the key when there is one (reports: cell keys), else the JSON Pointer; portal files
/// always show the pointer (`by_pointer`).
inline void print_findings(const std::vector<xxgk::finding>& findings, bool zh, bool by_pointer = false) {
    std::size_t counts[3] = {0, 0, 0};
    for (const xxgk::finding& f : findings) {
        ++counts[static_cast<int>(f.severity)];
        std::cout << "  " << severity_name(f.severity, zh) << ' ' << f.code;
        if (!by_pointer && !f.key.empty())
            std::cout << ' ' << f.key;
        else if (!f.pointer.empty())
            std::cout << ' ' << f.pointer;
        std::cout << "\n      " << (zh ? f.message_zh : f.message_en) << '\n';
    }
    if (zh)
        std::cout << "共 " << counts[2] << " 个错误，" << counts[1] << " 个警告，" << counts[0] << " 个提示。\n";
    else
        std::cout << counts[2] << " errors, " << counts[1] << " warnings, " << counts[0] << " infos.\n";
}

}  // namespace xxgk_cli

#endif
