// xxgk._core — corpus runs (xxgk/corpus.hpp): the file listing and the whole run of `xxgk corpus`.
// The pure-Python layer (xxgk/_corpus.py) wraps them into xxgk.corpus_files and xxgk.run_corpus.
//
// A run works on files only, so it runs without the GIL on its own threads.
#include "convert.hpp"
#include "nodes.hpp"

#include <xxgk/corpus.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cerrno>
#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace xxgk::python {
namespace {

/// Runs `xxgk corpus` without its terminal output; returns summary.json's text.
std::string run(const std::string& dir, const std::string& output, py::handle jobs, const std::string& lang,
                bool strict, bool include_info) {
    if (lang != "zh" && lang != "en") raise(PyExc_ValueError, "lang: expected 'zh' or 'en', got '" + lang + "'");
    corpus_options options;
    options.jobs = static_cast<unsigned>(integer_from_py(jobs, "jobs", 0, 4096));
    options.decoding.strict = strict;
    options.validation.include_info = include_info;
    std::string summary_json;
    std::optional<std::string> failure;  // an unreadable directory or unwritable output: OSError
    {
        py::gil_scoped_release unlocked;
        try {
            const std::vector<std::string> files = corpus_files(dir, output);
            corpus_writer writer(output, lang == "zh" ? corpus_language::zh : corpus_language::en);
            const corpus_summary summary = run_corpus(dir, files, options, writer);
            writer.finish(summary);
            summary_json = corpus_summary_to_json(summary);
        } catch (const error& e) {
            failure = e.what();
        }
    }
    if (failure) raise(PyExc_OSError, *failure);
    return summary_json;
}

std::vector<std::string> files_of(const std::string& dir) {
    std::vector<std::string> files;
    std::optional<std::string> failure;
    {
        py::gil_scoped_release unlocked;
        try {
            files = corpus_files(dir);
        } catch (const error& e) {
            failure = e.what();
        }
    }
    if (failure) raise(PyExc_OSError, *failure);
    return files;
}

/// OSError(errno, message, filename) for a file_error: Python picks the subclass from the errno
/// (FileNotFoundError, IsADirectoryError, PermissionError, …). Names that are not UTF-8 are
/// decoded as os.fsdecode does.
[[noreturn]] void raise_os_error(const file_error& e) {
    const int err = e.reason().value();
    const std::string message = e.what();
    py::object text = py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(message.data(), static_cast<Py_ssize_t>(message.size()), "replace"));
    py::object name = py::reinterpret_steal<py::object>(
        PyUnicode_DecodeFSDefaultAndSize(e.path().data(), static_cast<Py_ssize_t>(e.path().size())));
    if (!text || !name) throw py::error_already_set();
    PyErr_SetObject(PyExc_OSError, py::make_tuple(err ? err : EIO, text, name).ptr());
    throw py::error_already_set();
}

/// The bytes of a file, read by xxgk::read_file (regular files only, at most max_bytes): (bytes,
/// None), or (None, message) for a file over the limit (Python raises ValidationError). OSError
/// with the system's errno (FileNotFoundError, IsADirectoryError, …) when it cannot be read.
py::tuple read_bounded(const std::string& path, py::handle max_bytes) {
    const auto limit = static_cast<std::size_t>(integer_from_py(max_bytes, "max_bytes", 0, LLONG_MAX));
    std::string data;
    std::optional<std::string> too_large;
    std::optional<file_error> failure;
    {
        py::gil_scoped_release unlocked;
        try {
            data = read_file(path, limit);
        } catch (const file_error& e) {
            failure = e;
        } catch (const error& e) {
            if (e.code() != errc::limit_exceeded) throw;
            too_large = e.what();
        }
    }
    if (failure) raise_os_error(*failure);
    if (too_large) return py::make_tuple(py::none(), *too_large);
    return py::make_tuple(py::bytes(data), py::none());
}

/// Writes text to a file with xxgk::write_file (atomic); OSError with the system's errno.
void write_atomically(const std::string& path, const std::string& text) {
    std::optional<file_error> failure;
    {
        py::gil_scoped_release unlocked;
        try {
            write_file(path, text);
        } catch (const file_error& e) {
            failure = e;
        }
    }
    if (failure) raise_os_error(*failure);
}

template <class T>
py::tuple field_names() {
    py::list names;
    detail::for_each_member<T>([&](auto d) { names.append(d.name); });
    return py::tuple(names);
}

}  // namespace

void bind_corpus(py::module_& m) {
    m.def("_read_file", &read_bounded, py::arg("path"), py::arg("max_bytes"),
          "The bytes of a regular file of at most max_bytes: (bytes, None), or (None, message) when larger.");
    m.def("_write_file", &write_atomically, py::arg("path"), py::arg("text"),
          "Writes text (UTF-8) to a file atomically: a temporary file beside it, renamed over it.");
    m.def("_corpus_files", &files_of, py::arg("dir"),
          "The files of a corpus directory (recursive, sorted, relative with '/').");
    m.def("_run_corpus", &run, py::arg("dir"), py::arg("output"), py::arg("jobs") = 0, py::arg("lang") = "zh",
          py::arg("strict") = true, py::arg("include_info") = true,
          "Runs `xxgk corpus DIR -o OUTPUT`; returns the text of summary.json.");
    m.def(
        "_detect_input_kind",
        [](const std::string& path, py::bytes content) {
            return boost::describe::enum_to_string(detect_input_kind(path, std::string_view(content)), "text");
        },
        py::arg("path"), py::arg("content"),
        "'json', 'text' or 'html', as a corpus run decides (by extension, else content).");
    m.attr("_MAX_JSON_BYTES") = decode_options{}.max_input_bytes;    // what _read_file reads for load()
    m.attr("_MAX_IMPORT_BYTES") = import_options{}.max_input_bytes;  // … and for import_file()
    m.attr("CORPUS_ERROR_FIELDS") = field_names<corpus_error>();
    m.attr("CORPUS_FINDING_FIELDS") = field_names<corpus_finding>();
}

}  // namespace xxgk::python
