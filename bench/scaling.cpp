// How decode + validate of a corpus scales from one thread to several.
//
//   xxgk_scaling [--threads N] [--rounds R] [--json] DIR|REPORT.json...   (default: examples/data)
//
// The documents are read into memory first; then each round decodes and validates every document
// once with 1 thread and once with N threads (default 2) — threads take the next document from a
// shared atomic index, nothing else is shared — and the wall time of each is taken. The speed-up
// is the median over the rounds of time(1 thread) / time(N threads). Wall time: what scales is
// the elapsed time of the run. On a machine shared with other work that figure is a lower bound,
// so the tool also reports the CPU time the threads used (CLOCK_THREAD_CPUTIME_ID, summed): when
// the N threads together need no more CPU time than one thread alone (no lock, no contention in
// the allocator or the caches), N idle cores give N × CPU(1) / CPU(N) — the "CPU-bound speed-up".
//
// When the first input is a directory, the tool also times what `xxgk corpus DIR` does — the
// library's run_corpus with a corpus_writer writing findings.csv, cells.csv and errors.csv into a
// temporary directory — once confined to one CPU (`--jobs 1`, sched_setaffinity; the threads the
// run starts inherit it) and once on N CPUs with N jobs: the "corpus run" speed-up. That run
// includes reading the files and writing the CSVs, in the order of the files, on the calling
// thread, which the decode + validate figure leaves out.
#include "inputs.hpp"

#include <xxgk/xxgk.hpp>

#include <sched.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct timing {
    double wall = 0;  ///< seconds
    double cpu = 0;   ///< CPU seconds of all threads
};

// Decodes and validates every text `repeat` times with `threads` threads.
timing run(const std::vector<std::string>& texts, unsigned threads, std::size_t repeat) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> findings{0};
    std::atomic<std::int64_t> cpu_ns{0};
    const std::size_t total = texts.size() * repeat;
    auto work = [&] {
        const double cpu0 = thread_cpu_seconds();
        std::size_t mine = 0;
        for (std::size_t i = next++; i < total; i = next++) {
            const xxgk::report r = xxgk::load_json(texts[i % texts.size()]);
            mine += xxgk::validate(r).size();
        }
        findings += mine;
        cpu_ns += static_cast<std::int64_t>((thread_cpu_seconds() - cpu0) * 1e9);
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(cpu_ns.load()) * 1e-9};
}

// What the machine gives: the wall time of `threads` threads each running the same fixed
// arithmetic loop (no memory traffic, nothing shared) against one thread running it once, as a
// throughput ratio. On an idle machine with `threads` real cores it is `threads`; a VM whose
// virtual CPUs share physical cores, or a host under load, gives less — the ceiling of every
// speed-up measured here.
double machine_ceiling(unsigned threads) {
    auto loop = [] {
        std::uint64_t x = 88172645463325252ull, sum = 0;
        for (std::uint64_t i = 0; i < 200'000'000ull; ++i) {  // ~0.2–0.4 s
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            sum += x * 0x9E3779B97F4A7C15ull;
        }
        static std::atomic<std::uint64_t> sink{0};
        sink += sum;  // keeps the loop
    };
    auto timed = [&](unsigned n) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < n; ++t) pool.emplace_back(loop);
        loop();
        for (std::thread& t : pool) t.join();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    return threads * timed(1) / timed(threads);
}

// The wall time of three runs of run_corpus over `dir` with `jobs` threads, writing its CSVs into `out`, on
// the CPUs of `cpus` (the calling thread's mask, inherited by the threads the run starts).
double corpus_run(const std::string& dir, const std::vector<std::string>& files, unsigned jobs, const cpu_set_t& cpus,
                  const std::string& out) {
    cpu_set_t before;
    sched_getaffinity(0, sizeof before, &before);
    if (sched_setaffinity(0, sizeof cpus, &cpus) != 0) throw std::runtime_error("sched_setaffinity failed");
    const auto start = std::chrono::steady_clock::now();
    xxgk::corpus_options options;
    options.jobs = jobs;
    for (int pass = 0; pass < 3; ++pass) {  // three runs per measurement: one lasts only ~0.1 s
        xxgk::corpus_writer writer(out, xxgk::corpus_language::zh);
        const xxgk::corpus_summary summary = xxgk::run_corpus(dir, files, options, writer);
        writer.finish(summary);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sched_setaffinity(0, sizeof before, &before);
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned threads = 2;
    std::size_t rounds = 5;
    bool as_json = false;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc)
            threads = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (arg == "--rounds" && i + 1 < argc)
            rounds = std::stoul(argv[++i]);
        else if (arg == "--json")
            as_json = true;
        else
            inputs.emplace_back(arg);
    }
    if (inputs.empty()) inputs.emplace_back(XXGK_BENCH_DATA);
    std::vector<std::string> texts;
    try {
        texts = xxgk_bench::read_texts(inputs);
        if (texts.empty() || threads == 0 || rounds == 0) throw std::runtime_error("nothing to run");
        // Enough documents per run that thread start-up and the machine's hiccups are noise: ~10,000.
        const std::size_t repeat = std::max<std::size_t>(1, 10000 / texts.size());
        run(texts, 1, 1);  // warm up: one-time tables, page faults
        std::vector<double> one, many, speedup, cpu_speedup;
        for (std::size_t r = 0; r < rounds; ++r) {
            const timing a = run(texts, 1, repeat), b = run(texts, threads, repeat);
            one.push_back(a.wall);
            many.push_back(b.wall);
            speedup.push_back(a.wall / b.wall);
            cpu_speedup.push_back(threads * a.cpu / b.cpu);
        }
        auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        const double docs = static_cast<double>(texts.size() * repeat);
        // The corpus run, when the first input is a directory.
        std::string corpus_json;
        if (std::filesystem::is_directory(inputs.front())) {
            const std::string dir = inputs.front().string();
            const std::vector<std::string> files = xxgk::corpus_files(dir);
            cpu_set_t all, one_cpu, n_cpus;
            sched_getaffinity(0, sizeof all, &all);
            CPU_ZERO(&one_cpu);
            CPU_ZERO(&n_cpus);
            for (int c = 0, taken = 0; c < CPU_SETSIZE && taken < static_cast<int>(threads); ++c)
                if (CPU_ISSET(c, &all)) {
                    if (taken == 0) CPU_SET(c, &one_cpu);
                    CPU_SET(c, &n_cpus);
                    ++taken;
                }
            const std::string out =
                (std::filesystem::temp_directory_path() / ("xxgk-scaling-" + std::to_string(::getpid()))).string();
            corpus_run(dir, files, 1, one_cpu, out);  // warm up: the page cache, the one-time tables
            std::vector<double> run_one, run_many, run_speedup;
            for (std::size_t r = 0; r < rounds; ++r) {
                run_one.push_back(corpus_run(dir, files, 1, one_cpu, out));
                run_many.push_back(corpus_run(dir, files, threads, n_cpus, out));
                run_speedup.push_back(run_one.back() / run_many.back());
            }
            std::filesystem::remove_all(out);
            const double ceiling = machine_ceiling(threads);
            char buf[320];
            std::snprintf(buf, sizeof buf,
                          ", \"corpus_files\": %zu, \"corpus_one_cpu_s\": %.4f, \"corpus_cpus_s\": %.4f, "
                          "\"corpus_speedup\": %.3f, \"machine_ceiling\": %.3f",
                          files.size(), median(run_one), median(run_many), median(run_speedup), ceiling);
            corpus_json = buf;
            if (!as_json)
                std::printf("corpus run (run_corpus + CSV output, as `xxgk corpus`), %zu files, median of %zu rounds\n"
                            "1 CPU, 1 job:  %.3f s\n%u CPUs, %u jobs: %.3f s\nspeed-up:  %.2fx (wall time)\n"
                            "the machine's ceiling (a fixed arithmetic loop on %u threads against 1): %.2fx\n",
                            files.size(), rounds, median(run_one), threads, threads, median(run_many),
                            median(run_speedup), threads, ceiling);
        }
        if (as_json)
            std::printf("{\"documents\": %.0f, \"threads\": %u, \"one_thread_s\": %.4f, \"threads_s\": %.4f, "
                        "\"speedup\": %.3f, \"cpu_bound_speedup\": %.3f, \"hardware_threads\": %u%s}\n",
                        docs, threads, median(one), median(many), median(speedup), median(cpu_speedup),
                        std::thread::hardware_concurrency(), corpus_json.c_str());
        else
            std::printf("%.0f documents decoded + validated per run, median of %zu rounds, %u hardware threads\n"
                        "1 thread:  %.3f s (%.0f documents/s)\n%u threads: %.3f s (%.0f documents/s)\n"
                        "speed-up:  %.2fx (wall time); CPU-bound speed-up %.2fx\n",
                        docs, rounds, std::thread::hardware_concurrency(), median(one), docs / median(one), threads,
                        median(many), docs / median(many), median(speedup), median(cpu_speedup));
    } catch (const std::exception& e) {
        std::cerr << "xxgk_scaling: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
