// xxgk._core — many reports: 汇总 aggregation and its reverse check, the cross-year series rules,
// the figures stated in the prose (include/xxgk/aggregate.hpp, series.hpp, narrative.hpp;
// docs/multi.md). The pure-Python layer (xxgk/__init__.py) wraps _aggregate into Aggregation and
// _extract_figures into StatedFigure.
//
// The C++ work runs without the GIL on copies of the reports. Reports that cannot be combined
// (formats, years or bodies differ) raise ValueError with the C++ message, which names the report.
#include "convert.hpp"
#include "nodes.hpp"

#include <xxgk/aggregate.hpp>
#include <xxgk/narrative.hpp>
#include <xxgk/series.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <pybind11/pybind11.h>

#include <string>
#include <utility>
#include <vector>

namespace xxgk::python {
namespace {

using report_node = node<report>;

/// A copy of the report of a Python Report object.
report report_from_py(py::handle h, const std::string& name) {
    if (!py::isinstance<report_node>(h)) raise(PyExc_TypeError, name + ": expected a Report, got " + type_name(h));
    return h.cast<const report_node&>().get();
}

/// Copies of the reports of a Python iterable of Report objects.
std::vector<report> reports_from_py(py::handle reports, const char* name) {
    if (PyUnicode_Check(reports.ptr()) || !py::hasattr(reports, "__iter__"))
        raise(PyExc_TypeError, std::string(name) + ": expected a list of Report, got " + type_name(reports));
    std::vector<report> out;
    std::size_t i = 0;
    for (py::handle r : reports) out.push_back(report_from_py(r, std::string(name) + "[" + std::to_string(i++) + "]"));
    return out;
}

/// Runs `f` without the GIL; incompatible reports become ValueError.
template <class F>
auto combining(F f) {
    try {
        py::gil_scoped_release unlocked;
        return f();
    } catch (const incompatible_reports_error& e) {
        raise(PyExc_ValueError, e.what());
    }
}

py::list issues_to_py(std::vector<finding> findings) {
    py::list out;
    for (finding& f : findings) out.append(py::cast(std::move(f)));
    return out;
}

py::tuple indexes(const std::vector<std::size_t>& v) {
    py::list l;
    for (std::size_t i : v) l.append(i);
    return py::tuple(l);
}

}  // namespace

void bind_multi(py::module_& m) {
    m.def(
        "_aggregate",
        [](py::handle reports, py::handle header) {
            const std::vector<report> parts = reports_from_py(reports, "reports");
            const report_header h =
                header.is_none() ? report_header{} : struct_from_mapping<report_header>(header, "header");
            aggregation a = combining([&] { return aggregate(parts, h); });
            py::dict sources;
            for (const cell_sources& s : a.sources)
                sources[py::str(s.key)] = py::make_tuple(indexes(s.summed), indexes(s.blank), indexes(s.unknown));
            return py::make_tuple(py::cast(standalone<report>(std::move(a.report))), std::move(sources));
        },
        py::arg("reports"), py::arg("header") = py::none(),
        "The 汇总 of sub-unit reports: (Report, {key: (summed, blank, unknown)}), the tuples holding positions "
        "in `reports`. ValueError when formats or years differ.");
    m.def(
        "check_aggregate",
        [](py::handle published, py::handle parts) {
            const report p = report_from_py(published, "published");
            const std::vector<report> reports = reports_from_py(parts, "parts");
            return issues_to_py(combining([&] { return check_aggregate(p, reports); }));
        },
        py::arg("published"), py::arg("parts"),
        "The reverse 汇总 check: an Finding (XXGK-A-001…003) for every cell where the published compiled report "
        "differs from the sum of its sub-unit reports; cells name each part as '<key>@parts/<i>'. "
        "ValueError when formats or years differ.");
    m.def(
        "validate_series",
        [](py::handle reports) {
            const std::vector<report> series = reports_from_py(reports, "reports");
            return issues_to_py(combining([&] { return validate_series(series); }));
        },
        py::arg("reports"),
        "The cross-year rules R8, R9, R10 over one body's reports of several years, any order (XXGK-Y-001…005); "
        "cells are named '<key>@<year>'. ValueError when bodies or scopes differ or a year repeats.");
    m.def(
        "check_narrative",
        [](py::handle report_obj) {
            const report r = report_from_py(report_obj, "report");
            return issues_to_py(combining([&] { return check_narrative_figures(r); }));
        },
        py::arg("report"),
        "The figures stated in the prose of sections 一 and 五 against the tables: an Finding XXGK-N-006 (warning) "
        "for each that matches none of the cells its wording can mean.");
    m.def(
        "_extract_figures",
        [](py::handle report_obj) {
            const report r = report_from_py(report_obj, "report");
            const std::vector<stated_figure> figures = combining([&] { return extract_figures(r); });
            py::list out;
            for (const stated_figure& f : figures) {
                py::list parts;
                for (const std::string& p : f.parts) parts.append(py::str(p));
                out.append(py::make_tuple(boost::describe::enum_to_string(f.measure, "?"), to_py(f.value),
                                          py::tuple(parts), f.complete, py::str(f.sentence), py::str(f.pointer)));
            }
            return out;
        },
        py::arg("report"),
        "The figures the prose states: tuples (measure, value, parts, complete, sentence, pointer).");
}

}  // namespace xxgk::python
