// Corpus runs (include/xxgk/corpus.hpp): a pool of std::threads takes files by index; the calling
// thread delivers the results in file order, so that output does not depend on the thread count.
#include "xxgk/corpus.hpp"

#include "csv.hpp"
#include "file_io.hpp"
#include "json_writer.hpp"
#include "xxgk/error.hpp"
#include "xxgk/json.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

namespace xxgk {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

input_kind input_kind_of(source_kind k) {
    switch (k) {
        case source_kind::html: return input_kind::html;
        case source_kind::pdf: return input_kind::pdf;
        case source_kind::docx: return input_kind::docx;
        case source_kind::image: return input_kind::image;
        case source_kind::text: break;
    }
    return input_kind::text;
}

std::optional<input_kind> kind_by_extension(std::string_view path) {
    const std::string p = lower(path);
    if (p.size() > 5 && p.compare(p.size() - 5, 5, ".json") == 0) return input_kind::json;
    if (auto k = source_kind_by_extension(path)) return input_kind_of(*k);
    return std::nullopt;
}

std::string number_or_empty(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : std::string(); }

}  // namespace

input_kind detect_input_kind(std::string_view path, std::string_view content) noexcept {
    if (auto k = kind_by_extension(path)) return *k;
    std::size_t i = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < content.size() && i < 4096 && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
    if (i < content.size() && content[i] == '{') return input_kind::json;
    try {
        return input_kind_of(detect_source_kind(content));
    } catch (...) {  // a kind the importer refuses: importing it says why
    }
    return input_kind::text;
}

namespace {

// The files a corpus_writer writes into its directory.
constexpr const char* output_names[] = {"summary.json", "findings.csv", "cells.csv", "errors.csv"};

}  // namespace

std::vector<std::string> corpus_files(const std::string& dir, const std::string& output) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw error(errc::io_error, "'" + dir + "' is not a readable directory");
    const fs::path root(dir);
    // The output of a run whose output directory is inside the corpus is not part of it.
    std::vector<fs::path> own;
    if (!output.empty())
        for (const char* name : output_names) {
            fs::path p = fs::weakly_canonical(fs::path(output) / name, ec);
            if (!ec) own.push_back(std::move(p));
        }
    std::vector<std::string> out;
    // An explicit stack of directories rather than recursive_directory_iterator, which ends the
    // whole walk at the first directory it cannot open: here the walk goes on, and the directory
    // is in the list (as "path/"), for its reader to say why it cannot be read.
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
        const fs::path current = std::move(pending.back());
        pending.pop_back();
        const bool is_root = current == root;
        fs::directory_iterator it(current, ec);
        for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            std::error_code status_ec;
            const fs::file_status status = entry.symlink_status(status_ec);
            if (!status_ec && fs::is_directory(status)) {  // links to directories are not entered: no loop
                pending.push_back(entry.path());
                continue;
            }
            // Everything else with a corpus extension is listed, whatever it is (a FIFO, a link
            // to nothing): reading it says what is wrong. So is an entry that cannot even be
            // examined (its path too long, …), whatever its name: it may be a directory of reports.
            if (!status_ec && !kind_by_extension(entry.path().filename().string())) continue;
            if (!own.empty()) {
                const std::string name = entry.path().filename().string();
                if (std::find(std::begin(output_names), std::end(output_names), name) != std::end(output_names)) {
                    std::error_code canonical_ec;
                    const fs::path p = fs::weakly_canonical(entry.path(), canonical_ec);
                    if (!canonical_ec && std::find(own.begin(), own.end(), p) != own.end()) continue;
                }
            }
            out.push_back(entry.path().lexically_relative(root).generic_string());
        }
        if (ec) {  // could not be opened, or failed while being listed
            if (is_root) throw error(errc::io_error, "cannot read directory '" + dir + "': " + ec.message());
            out.push_back(current.lexically_relative(root).generic_string() + "/");
            ec.clear();
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

corpus_file_result check_corpus_file(const std::string& dir, const std::string& file, const corpus_options& options) {
    corpus_file_result r;
    r.file = file;
    auto fail = [&](errc code, std::string message) {
        r.errors.push_back({file, to_string(code), "", "", "", std::move(message)});
    };
    if (!file.empty() && file.back() == '/') {  // a directory corpus_files could not list
        const fs::path path = fs::path(dir) / file;
        std::error_code ec;
        fs::directory_iterator probe(path, ec);
        fail(errc::io_error, "cannot list the directory '" + path.parent_path().string() + "': " +
                                 (ec ? ec.message() : std::string("listing it failed")) + "; its files were not read");
        return r;
    }
    std::string content;
    try {
        content = read_file((fs::path(dir) / file).string(),
                            std::max(options.decoding.max_input_bytes, import_options{}.max_input_bytes));
    } catch (const error& e) {
        fail(e.code(), e.what());
        return r;
    }
    r.kind = detect_input_kind(file, content);
    std::optional<report> value;
    if (*r.kind == input_kind::json) {
        decode_result d = decode_json(content, options.decoding);
        for (const problem& p : d.problems)
            r.errors.push_back(
                {file, to_string(p.code), p.pointer, number_or_empty(p.line), number_or_empty(p.column), p.message});
        value = std::move(d.value);
    } else {
        try {
            // Text and HTML as their extension says; PDF, Word and the encoding from the bytes.
            import_options how;
            if (auto k = source_kind_by_extension(file); k == source_kind::text || k == source_kind::html) how.kind = k;
            import_result imported = import_bytes(content, how);
            for (import_log_entry& e : imported.log)
                if (e.level != severity::info) r.import_log.push_back(std::move(e));
            value = std::move(imported.value);
        } catch (const error& e) {  // not a report at all, or beyond the importer's limits
            fail(e.code(), e.what());
        }
    }
    if (!value) return r;
    r.body = value->header.body;
    r.year = value->header.year;
    r.findings = validate(*value, options.validation);
    r.cells = cell_records(*value);
    return r;
}

namespace {

// Adds one file's result to the counts.
void count(corpus_summary& summary, const corpus_file_result& r) {
    if (r.kind) ++summary.by_kind[boost::describe::enum_to_string(*r.kind, "?")];
    if (r.ok()) {
        ++summary.reports;
        summary.with_errors += count_errors(r.findings) > 0;
    } else {
        ++summary.unusable;
        const bool unreadable = std::any_of(r.errors.begin(), r.errors.end(),
                                            [](const corpus_error& e) { return e.code == to_string(errc::io_error); });
        summary.unreadable += unreadable;
    }
    for (const finding& f : r.findings) {
        ++summary.by_code[f.code];
        ++summary.by_severity[boost::describe::enum_to_string(f.severity, "?")];
    }
    for (const import_log_entry& e : r.import_log) {
        ++summary.by_code[e.code];
        ++summary.by_severity[boost::describe::enum_to_string(e.level, "?")];
    }
}

// The pool of every run: `jobs` threads take files by index and make an Item of each
// (`make(index)`); the calling thread hands the items to `deliver` in file order.
template <class Item, class Make, class Deliver>
corpus_summary run_pool(const std::vector<std::string>& files, const corpus_options& options, Make make,
                        Deliver deliver) {
    const auto started = std::chrono::steady_clock::now();
    corpus_summary summary;
    summary.files = files.size();
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, files.size())));
    summary.jobs = jobs;

    // Slots of items not yet delivered; workers fill them, the calling thread empties them in order.
    std::vector<std::optional<Item>> slots(files.size());
    std::mutex m;
    std::condition_variable ready;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;

    auto work = [&] {
        try {
            while (!stop) {
                const std::size_t i = next++;
                if (i >= files.size()) break;
                Item item = make(i);
                std::lock_guard<std::mutex> lock(m);
                slots[i] = std::move(item);
                ready.notify_all();
            }
        } catch (...) {  // std::bad_alloc: stop everything and rethrow on the calling thread
            std::lock_guard<std::mutex> lock(m);
            if (!failure) failure = std::current_exception();
            stop = true;
            ready.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
    auto join = [&] {
        stop = true;
        for (std::thread& t : threads) t.join();
    };
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            Item item;
            {
                std::unique_lock<std::mutex> lock(m);
                ready.wait(lock, [&] { return slots[i].has_value() || failure; });
                if (failure) break;
                item = std::move(*slots[i]);
                slots[i].reset();
            }
            deliver(summary, item);
            if (options.progress) options.progress(i + 1, files.size());
        }
    } catch (...) {
        join();
        throw;
    }
    join();
    if (failure) std::rethrow_exception(failure);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace

corpus_summary run_corpus(const std::string& dir, const std::vector<std::string>& files, const corpus_options& options,
                          const std::function<void(const corpus_file_result&)>& sink) {
    return run_pool<corpus_file_result>(
        files, options, [&](std::size_t i) { return check_corpus_file(dir, files[i], options); },
        [&](corpus_summary& summary, const corpus_file_result& r) {
            count(summary, r);
            sink(r);
        });
}

corpus_summary run_corpus(const std::string& dir, const std::vector<std::string>& files, const corpus_options& options,
                          corpus_writer& writer) {
    // The counts need the findings, not the cells: those are let go once formatted.
    struct formatted {
        corpus_file_result result;
        corpus_rows rows;
    };
    return run_pool<formatted>(
        files, options,
        [&](std::size_t i) {
            formatted f{check_corpus_file(dir, files[i], options), {}};
            f.rows = writer.rows(f.result);
            f.result.cells = {};
            return f;
        },
        [&](corpus_summary& summary, const formatted& f) {
            count(summary, f.result);
            writer.write(f.rows);
        });
}

// ---------------------------------------------------------------------------------------------
// corpus_writer

namespace {

std::unique_ptr<detail::atomic_file> open_csv(const fs::path& path, const std::string& header) {
    auto out = std::make_unique<detail::atomic_file>(path.string());
    out->write(header);
    out->write("\n");
    return out;
}

template <class T>
std::string header_of(const char* prefix = "") {
    std::string h = prefix;
    detail::csv_header_fields<T>(h);
    return h;
}

}  // namespace

corpus_writer::corpus_writer(const std::string& dir, corpus_language language) : dir_(dir), language_(language) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw error(errc::io_error, "cannot create '" + dir_ + "': " + ec.message());
    findings_ = open_csv(fs::path(dir_) / "findings.csv", header_of<corpus_finding>());
    cells_ = open_csv(fs::path(dir_) / "cells.csv", header_of<cell_record>("file,"));
    errors_ = open_csv(fs::path(dir_) / "errors.csv", header_of<corpus_error>());
}

corpus_rows corpus_writer::rows(const corpus_file_result& r) const {
    corpus_rows out;
    for (const corpus_error& e : r.errors) {
        detail::csv_record_fields(out.errors, e);
        out.errors += '\n';
    }
    for (const import_log_entry& e : r.import_log) {
        const corpus_finding f{r.file, e.code,   boost::describe::enum_to_string(e.level, "?"), e.key, "", "",
                               "",     e.message};
        detail::csv_record_fields(out.findings, f);
        out.findings += '\n';
    }
    for (const finding& x : r.findings) {
        const corpus_finding f{r.file,
                               x.code,
                               boost::describe::enum_to_string(x.severity, "?"),
                               x.key,
                               x.pointer,
                               x.expected,
                               x.actual,
                               language_ == corpus_language::zh ? x.message_zh : x.message_en};
        detail::csv_record_fields(out.findings, f);
        out.findings += '\n';
    }
    for (const cell_record& c : r.cells) {
        detail::csv_field(out.cells, r.file);
        out.cells += ',';
        detail::csv_record_fields(out.cells, c);
        out.cells += '\n';
    }
    return out;
}

corpus_writer::~corpus_writer() = default;

void corpus_writer::write(const corpus_rows& rows) {
    errors_->write(rows.errors);
    findings_->write(rows.findings);
    cells_->write(rows.cells);
}

void corpus_writer::add(const corpus_file_result& r) { write(rows(r)); }

void corpus_writer::finish(const corpus_summary& summary) {
    // Every file is complete on disk before the first replaces its old version.
    detail::atomic_file json((fs::path(dir_) / "summary.json").string());
    json.write(corpus_summary_to_json(summary));
    json.write("\n");
    for (auto* f : {&findings_, &cells_, &errors_}) (*f)->commit();
    json.commit();
}

std::string corpus_summary_to_json(const corpus_summary& s, bool timing) {
    std::string out;
    detail::json_writer w(out);
    w.begin_object();
    auto count = [&](const char* name, std::size_t n) {
        w.key(name);
        w.integer(static_cast<std::int64_t>(n));
    };
    auto counts = [&](const char* name, const std::map<std::string, std::size_t>& m) {
        w.key(name);
        w.begin_object();
        for (const auto& [k, n] : m) count(k.c_str(), n);
        w.end_object();
    };
    count("files", s.files);
    count("reports", s.reports);
    count("unusable", s.unusable);
    count("unreadable", s.unreadable);
    count("with_errors", s.with_errors);
    if (timing) {
        count("jobs", s.jobs);
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", s.seconds);
        w.key("seconds");
        w.raw(seconds);
    }
    counts("by_severity", s.by_severity);
    counts("by_code", s.by_code);
    counts("by_kind", s.by_kind);
    w.end_object();
    return out;
}

}  // namespace xxgk
