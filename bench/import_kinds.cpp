// What importing a PDF or a Word file costs against importing the same report as text:
//
//   xxgk_import_kinds [benchmark flags] [DIR...]
//       (default: tests/data/import/pdf/generated and tests/data/import/docx)
//
// For every NAME.pdf or NAME.docx with its expected report beside it (NAME.json or
// NAME.expected.json), three benchmarks:
//
//   import_pdf/NAME or import_docx/NAME   xxgk::import_pdf / import_docx of the file's bytes
//   import_text/NAME                      xxgk::import_text of the same report printed as Markdown
//                                          (xxgk::render_markdown of the expected report)
//   import_html/NAME                      xxgk::import_html of the same report's page (render_html)
//
// bench/ratios.py does not run this; docs/performance.md says how to read the ratios. Every input
// is read once, before any timing.
#include <xxgk/xxgk.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// One report in three shapes.
struct sample {
    std::string name, kind, file, text, html;
};

std::vector<sample> samples_in(const fs::path& dir) {
    std::vector<sample> out;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        const fs::path p = e.path();
        const std::string ext = p.extension().string();
        if (ext != ".pdf" && ext != ".docx") continue;
        const fs::path stem = p.parent_path() / p.stem();
        fs::path expected = stem.string() + ".json";
        if (!fs::is_regular_file(expected)) expected = stem.string() + ".expected.json";
        if (!fs::is_regular_file(expected)) continue;
        const xxgk::report r = xxgk::load_json(xxgk::read_file(expected.string()));
        out.push_back({p.stem().string(), ext.substr(1), xxgk::read_file(p.string()), xxgk::render_markdown(r),
                       xxgk::render_html(r)});
    }
    std::sort(out.begin(), out.end(), [](const sample& a, const sample& b) { return a.name < b.name; });
    return out;
}

template <class F>
void add(const std::string& name, std::size_t bytes, F body) {
    benchmark::RegisterBenchmark(name.c_str(), [bytes, body](benchmark::State& state) {
        for (auto _ : state) body();
        state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    })->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::vector<fs::path> dirs;
    for (int i = 1; i < argc; ++i) dirs.emplace_back(argv[i]);
    if (dirs.empty())
        dirs = {fs::path(XXGK_BENCH_IMPORT_DATA) / "pdf" / "generated", fs::path(XXGK_BENCH_IMPORT_DATA) / "docx"};
    try {
        for (const fs::path& dir : dirs)
            for (const sample& s0 : samples_in(dir)) {
                auto s = std::make_shared<sample>(s0);
                add("import_" + s->kind + "/" + s->name, s->file.size(), [s] {
                    benchmark::DoNotOptimize(s->kind == "pdf" ? xxgk::import_pdf(s->file) : xxgk::import_docx(s->file));
                });
                add("import_text/" + s->name, s->text.size(),
                    [s] { benchmark::DoNotOptimize(xxgk::import_text(s->text)); });
                add("import_html/" + s->name, s->html.size(),
                    [s] { benchmark::DoNotOptimize(xxgk::import_html(s->html)); });
            }
    } catch (const std::exception& e) {
        std::cerr << "xxgk_import_kinds: " << e.what() << '\n';
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
