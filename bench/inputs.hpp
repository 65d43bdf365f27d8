// The report files a bench tool reads: shared by xxgk_bench, xxgk_memory and xxgk_scaling.
#ifndef XXGK_BENCH_INPUTS_HPP
#define XXGK_BENCH_INPUTS_HPP

#include <xxgk/json.hpp>
#include <xxgk/portal.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace xxgk_bench {

/// The report files of `dir`: its *.json files that are not portal files (examples/data holds
/// both), sorted by name. Throws xxgk::error (errc::io_error) for a file that cannot be read.
inline std::vector<std::filesystem::path> report_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json" && !xxgk::is_portal_json(xxgk::read_file(entry.path().string())))
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// The texts of the given files, a directory standing for its report files (`report_files`).
/// Throws xxgk::error (errc::io_error) for a file that cannot be read.
inline std::vector<std::string> read_texts(const std::vector<std::filesystem::path>& inputs) {
    std::vector<std::string> texts;
    for (const auto& in : inputs) {
        if (std::filesystem::is_directory(in)) {
            for (const auto& f : report_files(in)) texts.push_back(xxgk::read_file(f.string()));
        } else {
            texts.push_back(xxgk::read_file(in.string()));
        }
    }
    return texts;
}

}  // namespace xxgk_bench

#endif
