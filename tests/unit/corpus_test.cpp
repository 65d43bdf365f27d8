// Corpus runs (include/xxgk/corpus.hpp): every file checked, bad files reported and skipped,
// output independent of the number of threads.
#include <xxgk/corpus.hpp>
#include <xxgk/generate.hpp>
#include <xxgk/json.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>  // getpid

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

std::string slurp(const fs::path& p) { return xxgk::read_file(p.string()); }

/// A corpus of 40 generated reports (some faulty) in nested directories, the 苍南 text, and bad files,
/// in a directory of its own: `name` and the process id keep test cases that ctest runs in
/// parallel apart.
fs::path make_corpus(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("xxgk-corpus-test-" + name + "-" + std::to_string(::getpid())) / "in";
    fs::remove_all(dir);
    xxgk::generate_options o;
    o.seed = 5;
    o.fault_rate = 0.2;
    for (std::size_t i = 0; i < 40; ++i) {
        o.format = i % 2 ? xxgk::format_version::v2019 : xxgk::format_version::v2021;
        write(dir / (i < 20 ? "a" : "b/c") / ("r" + std::to_string(100 + i) + ".json"),
              xxgk::to_json(xxgk::generate_report(o, i).value));
    }
    write(dir / "cangnan.txt", slurp(fs::path(XXGK_SOURCE_DIR) / "examples/data/cangnan-2020-annual-report.txt"));
    write(dir / "broken.json", "{\"format\": \"2021\", ");
    write(dir / "wrong.json", "{\"format\": \"2021\", \"header\": 5}");
    write(dir / "empty.html", "<html><body><p>nothing here</p></body></html>");
    write(dir / "ignored.odt", "PK\x03\x04");  // not a kind the corpus reads
    return dir;
}

struct run_output {
    xxgk::corpus_summary summary;
    std::string findings, cells, errors;
};

// `writer_overload`: run_corpus(…, writer), which formats on the workers; else a sink calling add.
run_output run(const fs::path& dir, unsigned jobs, const std::string& out, bool writer_overload) {
    xxgk::corpus_options o;
    o.jobs = jobs;
    std::size_t last_done = 0;
    o.progress = [&](std::size_t done, std::size_t total) {
        CHECK(done == last_done + 1);
        CHECK(total == 44);
        last_done = done;
    };
    const fs::path out_dir = dir.parent_path() / out;
    run_output r;
    {
        xxgk::corpus_writer w(out_dir.string(), xxgk::corpus_language::en);
        const auto files = xxgk::corpus_files(dir.string());
        r.summary = writer_overload ? xxgk::run_corpus(dir.string(), files, o, w)
                                    : xxgk::run_corpus(dir.string(), files, o,
                                                       [&](const xxgk::corpus_file_result& f) { w.add(f); });
        w.finish(r.summary);
    }
    CHECK(last_done == 44);
    r.findings = slurp(out_dir / "findings.csv");
    r.cells = slurp(out_dir / "cells.csv");
    r.errors = slurp(out_dir / "errors.csv");
    CHECK(slurp(out_dir / "summary.json") == xxgk::corpus_summary_to_json(r.summary) + "\n");
    return r;
}

}  // namespace

TEST_CASE("detect_input_kind: extension first, then content", "[corpus]") {
    using xxgk::input_kind;
    CHECK(xxgk::detect_input_kind("a/b.JSON", "<html>") == input_kind::json);
    CHECK(xxgk::detect_input_kind("page.htm", "{") == input_kind::html);
    CHECK(xxgk::detect_input_kind("r.md", "<p>") == input_kind::text);
    CHECK(xxgk::detect_input_kind("noext", "\xEF\xBB\xBF  {\"format\":\"2021\"}") == input_kind::json);
    CHECK(xxgk::detect_input_kind("noext", "  <!DOCTYPE html>") == input_kind::html);
    CHECK(xxgk::detect_input_kind("noext", "苍南县人民政府 <table>") == input_kind::html);
    CHECK(xxgk::detect_input_kind("noext", "一、总体情况") == input_kind::text);
}

TEST_CASE("corpus_files lists readable kinds recursively, sorted", "[corpus]") {
    const fs::path dir = make_corpus("list");
    const auto files = xxgk::corpus_files(dir.string());
    REQUIRE(files.size() == 44);
    CHECK(files.front() == "a/r100.json");
    CHECK(files[20] == "b/c/r120.json");
    CHECK(std::is_sorted(files.begin(), files.end()));
    CHECK(std::find(files.begin(), files.end(), "ignored.odt") == files.end());
    CHECK_THROWS_AS(xxgk::corpus_files((dir / "missing").string()), xxgk::error);
}

TEST_CASE("a corpus run checks every file, skips bad ones, and does not depend on the threads", "[corpus][threads]") {
    const fs::path dir = make_corpus("run");
    const run_output one = run(dir, 1, "xxgk-corpus-out-1", false);
    const run_output two = run(dir, 2, "xxgk-corpus-out-2", false);
    const run_output many = run(dir, 7, "xxgk-corpus-out-7", false);
    // The writer overload (rows formatted on the worker threads): the same bytes.
    const run_output one_w = run(dir, 1, "xxgk-corpus-out-1w", true);
    const run_output two_w = run(dir, 2, "xxgk-corpus-out-2w", true);
    const run_output many_w = run(dir, 7, "xxgk-corpus-out-7w", true);
    CHECK(one.summary.jobs == 1);
    CHECK(two.summary.jobs == 2);
    CHECK(many_w.summary.jobs == 7);
    for (const run_output* r : {&two, &many, &one_w, &two_w, &many_w}) {
        CHECK(r->findings == one.findings);
        CHECK(r->cells == one.cells);
        CHECK(r->errors == one.errors);
        CHECK(xxgk::corpus_summary_to_json(r->summary, false) == xxgk::corpus_summary_to_json(one.summary, false));
    }
    const xxgk::corpus_summary& s = one.summary;
    CHECK(s.files == 44);
    CHECK(s.reports == 41);  // 40 generated + the 苍南 text
    CHECK(s.unusable == 3);
    CHECK(s.by_kind.at("json") == 42);
    CHECK(s.by_kind.at("text") == 1);
    CHECK(s.by_kind.at("html") == 1);
    // The 苍南 report's real defect (docs/rules.md): a blank total with non-zero parts.
    CHECK(one.findings.find("\ncangnan.txt,XXGK-T3-004,error,requests.") != std::string::npos);
    CHECK(s.by_code.at("XXGK-T3-004") >= 1);
    // Bad files: one line (or one per problem) each, with the errc name and where.
    CHECK(one.errors.rfind("file,code,pointer,line,column,message\n", 0) == 0);
    CHECK(one.errors.find("\nbroken.json,invalid_json,,1,") != std::string::npos);
    CHECK(one.errors.find("\nwrong.json,wrong_type,/header,") != std::string::npos);
    CHECK(one.errors.find("\nempty.html,invalid_value,,,,") != std::string::npos);
    // cells.csv: file + the cell_record columns, 198 or 200 lines per report.
    CHECK(one.cells.rfind("file,key,section,row_label,column_label,value,state,unit,raw\n", 0) == 0);
    const auto lines = static_cast<std::size_t>(std::count(one.cells.begin(), one.cells.end(), '\n'));
    CHECK(lines == 1 + 20 * 198 + 20 * 200 + 198);
    CHECK(one.findings.rfind("file,code,severity,key,pointer,expected,actual,message\n", 0) == 0);
}

TEST_CASE("check_corpus_file reports an unreadable file instead of throwing", "[corpus]") {
    const auto r = xxgk::check_corpus_file("/nonexistent-dir", "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors.at(0).code == "io_error");
    CHECK(r.errors.at(0).file == "x.json");
    CHECK_FALSE(r.kind);
    CHECK(r.cells.empty());
}

namespace {

// A directory below `parent` whose full path is longer than PATH_MAX, so that opening it by its
// path fails (ENAMETOOLONG) even for root, for whom permissions deny nothing. Made with
// mkdirat/openat, relative to each level. Returns its path relative to `parent`.
std::string unlistable_by_length(const fs::path& parent) {
    const std::string name(200, 'd');
    std::string relative;
    int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    for (int level = 0; level < 25; ++level) {  // 25 × 201 bytes: beyond PATH_MAX (4096)
        REQUIRE(::mkdirat(fd, name.c_str(), 0700) == 0);
        const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
        ::close(fd);
        REQUIRE(next >= 0);
        fd = next;
        relative += (relative.empty() ? "" : "/") + name;
    }
    ::close(fd);
    return relative;
}

}  // namespace

TEST_CASE("corpus: nothing is lost — what cannot be listed or read is an error row, the walk goes on", "[corpus]") {
    const fs::path root = fs::temp_directory_path() / ("xxgk-corpus-test-lost-" + std::to_string(::getpid()));
    std::system(("rm -rf '" + root.string() + "'").c_str());  // rm, not remove_all: paths beyond PATH_MAX
    const fs::path dir = root / "in";
    xxgk::generate_options o;
    write(dir / "a" / "r1.json", xxgk::to_json(xxgk::generate_report(o, 1).value));
    write(dir / "z" / "r2.json", xxgk::to_json(xxgk::generate_report(o, 2).value));  // after every bad entry
    REQUIRE(::mkfifo((dir / "a" / "pipe.json").c_str(), 0600) == 0);
    fs::create_symlink(dir / "nowhere.json", dir / "a" / "gone.json");
    fs::create_directories(dir / "d");
    (void)unlistable_by_length(dir / "d");
    const bool as_root = ::geteuid() == 0;
    if (as_root) {
        WARN("running as root: chmod 000 denies nothing to root, so the unreadable directory is tested "
             "with a path beyond PATH_MAX only");
    } else {
        write(dir / "c" / "r3.json", "{}");
        fs::permissions(dir / "c", fs::perms::none);
    }
    const auto listed = xxgk::corpus_files(dir.string());
    CAPTURE(listed);
    CHECK(std::find(listed.begin(), listed.end(), "a/r1.json") != listed.end());
    CHECK(std::find(listed.begin(), listed.end(), "z/r2.json") != listed.end());
    CHECK(std::find(listed.begin(), listed.end(), "a/pipe.json") != listed.end());
    CHECK(std::find(listed.begin(), listed.end(), "a/gone.json") != listed.end());
    // The entry whose path is beyond PATH_MAX cannot be examined: listed, for its reader to say why.
    const auto unlisted =
        std::find_if(listed.begin(), listed.end(), [](const std::string& f) { return f.rfind("d/", 0) == 0; });
    REQUIRE(unlisted != listed.end());
    if (!as_root) CHECK(std::find(listed.begin(), listed.end(), "c/") != listed.end());
    CHECK(listed.size() == (as_root ? 5u : 6u));

    // The run: every one of them a row of errors.csv with io_error, counted as unreadable.
    const fs::path out = dir / "out";  // inside the corpus
    xxgk::corpus_summary s;
    {
        xxgk::corpus_writer w(out.string(), xxgk::corpus_language::en);
        s = xxgk::run_corpus(dir.string(), xxgk::corpus_files(dir.string(), out.string()), {}, w);
        w.finish(s);
    }
    if (!as_root) fs::permissions(dir / "c", fs::perms::owner_all);
    CHECK(s.reports == 2);
    CHECK(s.unreadable == (as_root ? 3u : 4u));
    CHECK(s.unusable == s.unreadable);
    const std::string errors = slurp(out / "errors.csv");
    CHECK(errors.find("\na/pipe.json,io_error,,,,") != std::string::npos);
    CHECK(errors.find("FIFO") != std::string::npos);
    CHECK(errors.find("\na/gone.json,io_error,,,,") != std::string::npos);
    CHECK(errors.find("\n" + *unlisted + ",io_error,,,,") != std::string::npos);
    CHECK(errors.find("for reading: file name too long") != std::string::npos);
    if (!as_root) CHECK(errors.find("\nc/,io_error,,,,cannot list the directory") != std::string::npos);
    // A directory the walk could not list ("path/"), whoever runs the test: its reader says why.
    const auto gone = xxgk::check_corpus_file(dir.string(), "vanished/");
    REQUIRE(gone.errors.size() == 1);
    CHECK(gone.errors[0].code == "io_error");
    CHECK(gone.errors[0].message == "cannot list the directory '" + (dir / "vanished").string() +
                                        "': No such file or directory; its files were not read");
    CHECK(slurp(out / "summary.json").find("\"unreadable\":" + std::to_string(s.unreadable)) != std::string::npos);

    // The output inside the corpus is not read by the next run (summary.json is a .json file).
    const auto again = xxgk::corpus_files(dir.string(), out.string());
    CHECK(std::find(again.begin(), again.end(), "out/summary.json") == again.end());
    const auto without = xxgk::corpus_files(dir.string());
    CHECK(std::find(without.begin(), without.end(), "out/summary.json") != without.end());
    std::system(("rm -rf '" + root.string() + "'").c_str());
}
