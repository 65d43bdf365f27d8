// xxgk._core — the report generator (xxgk/generate.hpp). The pure-Python layer
// (xxgk/_generate.py) wraps _generate into xxgk.generate and its named tuples.
//
// Generation runs without the GIL: it reads nothing of Python's.
#include "convert.hpp"
#include "nodes.hpp"

#include <xxgk/generate.hpp>

#include <pybind11/pybind11.h>

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace xxgk::python {
namespace {

/// [(Report, [(kind, code, key, pointer, before, after), …]), …] for reports start … start+count−1.
py::list generate_reports(py::handle format, py::handle count, py::handle seed, double faults, py::handle start) {
    generate_options options;
    options.format = format_from_py(format);
    options.seed = static_cast<std::uint64_t>(integer_from_py(seed, "seed", 0, LLONG_MAX));
    options.fault_rate = faults;
    if (!(faults >= 0.0 && faults <= 1.0))
        raise(PyExc_ValueError, "faults must be a probability in [0, 1], got " + std::to_string(faults));
    const auto n =
        static_cast<std::uint64_t>(integer_from_py(count, "count", 0, static_cast<long long>(max_generate_count)));
    const auto first = static_cast<std::uint64_t>(integer_from_py(start, "start", 0, LLONG_MAX));
    std::vector<generated_report> reports;
    {
        py::gil_scoped_release unlocked;
        reports.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) reports.push_back(generate_report(options, first + i));
    }
    py::list out;
    for (generated_report& g : reports) {
        py::list faults_out;
        for (const injected_fault& f : g.faults) {
            py::list fields;
            detail::for_each_member<injected_fault>([&](auto d) { fields.append(py::str(f.*d.pointer)); });
            faults_out.append(py::tuple(fields));
        }
        out.append(py::make_tuple(py::cast(standalone<report>(std::move(g.value))), std::move(faults_out)));
    }
    return out;
}

}  // namespace

void bind_generate(py::module_& m) {
    m.def("_generate", &generate_reports, py::arg("format"), py::arg("count"), py::arg("seed"), py::arg("faults") = 0.0,
          py::arg("start") = 0,
          "Reports start … start+count−1 of the generator's sequence (format, seed, fault rate): "
          "[(Report, [(kind, code, key, pointer, before, after), …]), …].");
    py::list fields;
    detail::for_each_member<injected_fault>([&](auto d) { fields.append(d.name); });
    m.attr("INJECTED_FAULT_FIELDS") = py::tuple(fields);
}

}  // namespace xxgk::python
