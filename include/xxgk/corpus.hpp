// xxgk — corpus runs: validate every report of a directory on all cores (docs/multi.md, docs/scale.md).
//
//   xxgk::corpus_options o;                                   // jobs = 0: every core
//   xxgk::corpus_writer out("out/", xxgk::corpus_language::en);   // findings.csv, cells.csv, errors.csv
//   xxgk::corpus_summary s = xxgk::run_corpus("reports/", xxgk::corpus_files("reports/"), o, out);
//   out.finish(s);                                            // summary.json
//
// Each file is read, recognised (canonical JSON, published text, HTML page), decoded or imported,
// and validated; results come back in the order of the file list whatever the number of threads,
// so the output of a run does not depend on `jobs`. A file that cannot be used (unreadable, not
// JSON, not a report) is reported with its errc name and skipped: never fatal.
#ifndef XXGK_CORPUS_HPP
#define XXGK_CORPUS_HPP

#include <xxgk/cells.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

namespace detail {
class atomic_file;  // src/file_io.hpp
}

/// What a file of a corpus holds, as `detect_input_kind` decides.
enum class input_kind : std::uint8_t {
    json,   ///< canonical JSON (docs/json-format.md)
    text,   ///< a published report as plain text (import_text)
    html,   ///< a published report as an HTML page (import_html)
    pdf,    ///< a published report as a PDF file (import_pdf)
    docx,   ///< a published report as a Word file (import_docx)
    image,  ///< a scanned report as an image (import_image, OCR)
};
BOOST_DESCRIBE_ENUM(input_kind, json, text, html, pdf, docx, image)

/// The kind of a file: by its extension (.json; the extensions of `source_kind_by_extension`:
/// .html, .htm, …; .txt, .md, …; .pdf; .docx), else by its content: a '{' first → json, else as
/// `detect_source_kind` decides (a kind it refuses counts as text here; importing it then says why).
input_kind detect_input_kind(std::string_view path, std::string_view content) noexcept;

/// The files of a corpus: every file below `dir` (recursively; links to files are read,
/// links to directories are not entered, so a link loop cannot trap the walk)
/// whose extension is one `detect_input_kind` recognises, as paths relative to `dir` with '/'
/// separators, sorted bytewise. Nothing is left out silently: an entry with such an extension that
/// is not a readable regular file (a FIFO, a link to nothing, a file without read permission) is
/// listed, and so is a directory that cannot be listed, as its path followed by '/'; the walk goes
/// on past them, and `check_corpus_file` reports each as errc::io_error. With `output`, the output
/// directory of a `corpus_writer`, the files that writer writes (summary.json, …) are left out
/// when they are below `dir`: a run does not read the output of the run before.
/// Throws `error` (errc::io_error) when `dir` itself is not a readable directory.
std::vector<std::string> corpus_files(const std::string& dir, const std::string& output = {});

/// One problem that made a file unusable: an errc name ("io_error", "invalid_json",
/// "missing_member", "invalid_value" for text that is not a report, …) and where.
struct corpus_error {
    std::string file;     ///< path relative to the corpus directory
    std::string code;     ///< the `errc` name
    std::string pointer;  ///< JSON Pointer of the problem ("" = the document)
    std::string line;     ///< 1-based line, "" when unknown
    std::string column;   ///< 1-based column, "" when unknown
    std::string message;  ///< what was expected and found (English)
};
BOOST_DESCRIBE_STRUCT(corpus_error, (), (file, code, pointer, line, column, message))

/// One finding of a corpus run: a validation finding, or an import log entry of level warning or
/// error (code XXGK-I-…, docs/import.md) for files imported from text or HTML.
struct corpus_finding {
    std::string file;      ///< path relative to the corpus directory
    std::string code;      ///< "XXGK-T3-004", "XXGK-I-050"
    std::string severity;  ///< "error", "warning" or "info"
    std::string key;       ///< cell key, "" when not about one cell
    std::string pointer;   ///< JSON Pointer (validation findings)
    std::string expected;  ///< as in `finding`
    std::string actual;    ///< as in `finding`
    std::string message;   ///< in the language of the run (import log entries: English)
};
BOOST_DESCRIBE_STRUCT(corpus_finding, (), (file, code, severity, key, pointer, expected, actual, message))

/// The language of the messages of a corpus run.
enum class corpus_language : std::uint8_t {
    zh,  ///< 中文: finding::message_zh
    en,  ///< English: finding::message_en
};

/// What one file gave.
struct corpus_file_result {
    std::string file;                          ///< path relative to the corpus directory
    std::optional<input_kind> kind;            ///< unset when the file could not be read
    std::vector<corpus_error> errors;          ///< non-empty exactly when the file was unusable
    std::vector<finding> findings;             ///< validation findings (empty when unusable)
    std::vector<import_log_entry> import_log;  ///< import decisions of level warning or error
    std::vector<cell_record> cells;            ///< every cell (empty when unusable)
    std::string body;                          ///< header.body of the report read
    int year = 0;                              ///< header.year of the report read
    /// True when the file was read as a report and validated.
    bool ok() const noexcept { return errors.empty(); }
};

/// Options of `run_corpus`.
struct corpus_options {
    /// Threads that read and validate; 0 = std::thread::hardware_concurrency(). At most one per file.
    unsigned jobs = 0;
    decode_options decoding;      ///< how JSON files are decoded (strict by default)
    validate_options validation;  ///< what validation keeps
    /// Called on the calling thread after each file is delivered, with (files done, files in all).
    std::function<void(std::size_t, std::size_t)> progress;
};

/// Counts of a run.
struct corpus_summary {
    std::size_t files = 0;     ///< files examined
    std::size_t reports = 0;   ///< files read as reports and validated
    std::size_t unusable = 0;  ///< files skipped (see errors.csv)
    /// Of those, the files and directories that could not be read or listed at all (errc::io_error):
    /// the run did not see the whole corpus. `xxgk corpus` then exits with 2.
    std::size_t unreadable = 0;
    std::size_t with_errors = 0;                     ///< reports with at least one finding of severity error
    std::map<std::string, std::size_t> by_code;      ///< findings per code (import log codes too)
    std::map<std::string, std::size_t> by_severity;  ///< findings per severity name
    std::map<std::string, std::size_t> by_kind;      ///< files per input kind (json, text, html)
    unsigned jobs = 1;                               ///< threads used
    double seconds = 0;                              ///< wall-clock time of the run
};

/// Reads, imports or decodes, and validates one file (`dir`/`file`). Never throws for a bad file
/// (only std::bad_alloc): what went wrong is in `errors`.
corpus_file_result check_corpus_file(const std::string& dir, const std::string& file,
                                     const corpus_options& options = {});

/// Checks every file of `files` (paths relative to `dir`) on `options.jobs` threads and hands
/// each result to `sink` on the calling thread, in the order of `files`. Returns the counts.
/// Rethrows, after stopping the threads, an exception thrown by `sink` or std::bad_alloc.
corpus_summary run_corpus(const std::string& dir, const std::vector<std::string>& files, const corpus_options& options,
                          const std::function<void(const corpus_file_result&)>& sink);

/// The CSV rows of one file's result as a corpus_writer writes them (each ends with "\n").
struct corpus_rows {
    std::string findings;  ///< lines of findings.csv
    std::string cells;     ///< lines of cells.csv
    std::string errors;    ///< lines of errors.csv
};

/// Writes the output of a run into a directory: findings.csv (the members of `corpus_finding`),
/// cells.csv (`file` + the members of `cell_record`), errors.csv (the members of `corpus_error`),
/// and, from `finish`, summary.json. Deterministic: the same files give the same bytes. Atomic
/// (`write_file`): the files are written as temporary files beside them and replace the files of
/// an earlier run only in `finish`, once all four are complete; a writer destroyed without
/// `finish` (an error, an exception) removes them and leaves the old files as they were.
class corpus_writer {
public:
    /// Creates `dir` if needed and the temporary CSV files. Throws `error` (errc::io_error).
    corpus_writer(const std::string& dir, corpus_language language);
    ~corpus_writer();
    /// Appends one file's rows: `write(rows(result))`.
    void add(const corpus_file_result& result);
    /// One file's rows, formatted and not written. Const and touching nothing but the result:
    /// worker threads may call it at the same time (the writer overload of run_corpus does).
    corpus_rows rows(const corpus_file_result& result) const;
    /// Appends rows made by `rows`, in the order of the calls.
    void write(const corpus_rows& rows);
    /// Writes summary.json and puts the four files in place. Throws `error` (errc::io_error) when
    /// a write failed.
    void finish(const corpus_summary& summary);

private:
    std::string dir_;
    corpus_language language_;
    std::unique_ptr<detail::atomic_file> findings_, cells_, errors_;
};

/// run_corpus writing with `writer`: each file's rows are formatted on the worker threads (with
/// `writer.rows`) and written in the order of `files` on the calling thread, so that the CSV
/// work scales with the threads too. The same summary and the same bytes as run_corpus with a
/// sink calling `writer.add`. Rethrows like run_corpus; `writer.finish` is the caller's.
corpus_summary run_corpus(const std::string& dir, const std::vector<std::string>& files, const corpus_options& options,
                          corpus_writer& writer);

/// The summary as JSON: {"files":…, "reports":…, "unusable":…, "with_errors":…, "jobs":…,
/// "seconds":…, "by_severity":{…}, "by_code":{…}, "by_kind":{…}}; maps in key order.
/// With `timing` false, "jobs" and "seconds" are left out, so that runs compare byte for byte.
std::string corpus_summary_to_json(const corpus_summary& summary, bool timing = true);

}  // namespace xxgk

#endif
