// Helpers shared by the subcommands that live in their own files (render, import, generate,
// corpus): each runs in its CLI11 callback and ends the program by throwing CLI::RuntimeError with
// its exit code, the CLI11 way for a callback to exit.
#ifndef XXGK_CLI_COMMAND_HPP
#define XXGK_CLI_COMMAND_HPP

#include <xxgk/error.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace xxgk::cli {

/// Exit code 2: unusable input, unwritable output, bad usage (docs/cli.md).
inline constexpr int exit_unusable = 2;

/// Runs a subcommand and ends the program with its exit code; an exception is printed and ends
/// it with exit_unusable.
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

/// Writes a whole file. Throws xxgk::error (errc::io_error) naming the path.
inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw xxgk::error(xxgk::errc::io_error, "cannot write '" + path.string() + "'");
}

}  // namespace xxgk::cli

#endif
