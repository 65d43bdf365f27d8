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

#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace xxgk::python {
namespace {

/// Runs `xxgk corpus` without its terminal output; returns summary.json's text.
std::string run(const std::string& dir, const std::string& output, py::handle jobs, const std::string& lang, bool strict,
                bool include_info) {
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
            const std::vector<std::string> files = corpus_files(dir);
            corpus_writer writer(output, lang == "zh" ? corpus_language::zh : corpus_language::en);
            const corpus_summary summary =
                run_corpus(dir, files, options, writer);
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

template <class T>
py::tuple field_names() {
    py::list names;
    detail::for_each_member<T>([&](auto d) { names.append(d.name); });
    return py::tuple(names);
}

}  // namespace

void bind_corpus(py::module_& m) {
    m.def("_corpus_files", &files_of, py::arg("dir"), "The files of a corpus directory (recursive, sorted, relative with '/').");
    m.def("_run_corpus", &run, py::arg("dir"), py::arg("output"), py::arg("jobs") = 0, py::arg("lang") = "zh",
          py::arg("strict") = true, py::arg("include_info") = true,
          "Runs `xxgk corpus DIR -o OUTPUT`; returns the text of summary.json.");
    m.def("_detect_input_kind", [](const std::string& path, py::bytes content) {
        return boost::describe::enum_to_string(detect_input_kind(path, std::string_view(content)), "text");
    }, py::arg("path"), py::arg("content"), "'json', 'text' or 'html', as a corpus run decides (by extension, else content).");
    m.attr("CORPUS_ERROR_FIELDS") = field_names<corpus_error>();
    m.attr("CORPUS_FINDING_FIELDS") = field_names<corpus_finding>();
}

}  // namespace xxgk::python
