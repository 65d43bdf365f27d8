// Resident memory of loaded reports, per report, against the size of its canonical JSON.
//
//   xxgk_memory [--count N] [--json] REPORT.json|DIR...     (default: 10000 reports, examples/data)
//
// Method: every input is read and decoded once first (so that the library's one-time tables —
// keys, labels, rule packs — and the input texts are already resident), then the heap is trimmed
// and two figures are taken: the process's resident set (/proc/self/statm, pages × page size) and
// glibc's count of bytes in use (mallinfo2().uordblks + hblkhd). Then N reports are decoded,
// cycling through the inputs, and kept alive in one vector (reserved beforehand, so its own growth
// is not counted — its N × sizeof(report) bytes are counted: they are the reports' inline part).
// The difference of each figure divided by N is the cost of one loaded report; it is compared with
// the mean size of the inputs' canonical JSON (xxgk::to_json, compact).
//
// resident/report is what the target is about (<= 2x canonical JSON); heap/report shows
// how much of it is allocator bookkeeping and page granularity rather than the report's data.
#include "inputs.hpp"

#include <xxgk/xxgk.hpp>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::size_t heap_bytes() {
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 10000;
    bool as_json = false;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--count" && i + 1 < argc)
            count = std::stoul(argv[++i]);
        else if (arg == "--json")
            as_json = true;
        else
            inputs.emplace_back(arg);
    }
    if (inputs.empty()) inputs.emplace_back(XXGK_BENCH_DATA);
    std::vector<std::string> texts;
    try {
        texts = xxgk_bench::read_texts(inputs);
        if (texts.empty() || count == 0) throw std::runtime_error("nothing to load");
        double canonical = 0;  // mean canonical JSON size of the documents loaded, weighted as loaded
        for (std::size_t i = 0; i < count; ++i)
            canonical += static_cast<double>(xxgk::to_json(xxgk::load_json(texts[i % texts.size()])).size());
        canonical /= static_cast<double>(count);

        std::vector<xxgk::report> reports;
        reports.reserve(count);
        malloc_trim(0);
        const std::size_t rss0 = resident_bytes(), heap0 = heap_bytes();
        for (std::size_t i = 0; i < count; ++i) reports.push_back(xxgk::load_json(texts[i % texts.size()]));
        const std::size_t rss1 = resident_bytes(), heap1 = heap_bytes();

        const double n = static_cast<double>(count);
        const double rss = static_cast<double>(rss1 - rss0) / n, heap = static_cast<double>(heap1 - heap0) / n;
        if (as_json) {
            std::printf("{\"reports\": %zu, \"documents\": %zu, \"canonical_json_bytes\": %.1f, "
                        "\"resident_bytes_per_report\": %.1f, \"heap_bytes_per_report\": %.1f, "
                        "\"sizeof_report\": %zu, \"resident_ratio\": %.3f, \"heap_ratio\": %.3f}\n",
                        count, texts.size(), canonical, rss, heap, sizeof(xxgk::report), rss / canonical,
                        heap / canonical);
        } else {
            std::printf("%zu reports loaded (%zu distinct documents), sizeof(report) = %zu\n", count, texts.size(),
                        sizeof(xxgk::report));
            std::printf("canonical JSON        %10.1f bytes per report\n", canonical);
            std::printf("resident (statm)      %10.1f bytes per report  = %.2fx canonical JSON\n", rss,
                        rss / canonical);
            std::printf("heap in use (malloc)  %10.1f bytes per report  = %.2fx canonical JSON\n", heap,
                        heap / canonical);
        }
    } catch (const std::exception& e) {
        std::cerr << "xxgk_memory: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
