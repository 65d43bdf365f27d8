// xxgk Python binding — read-only classes over the library's catalogs, bound from their
// Boost.Describe descriptions: cell keys (keys.hpp: cell_key, with labels.hpp's row_label and
// column_label), the rule catalog (validate.hpp: rule_info) and the import log's codes
// (import.hpp: import_code_info).
//
// A catalog entry lives for the whole program, so a Python object of these classes refers to it
// (no copy, never freed). A property per described member, typed by the member's C++ type; no
// member is listed by hand. `_fields` and `_field_types` (name → (type, type, doc)) give the stub
// generator (tools/gen_stubs.py) what it writes.
#ifndef XXGK_PYTHON_RECORDS_HPP
#define XXGK_PYTHON_RECORDS_HPP

#include "convert.hpp"
#include "nodes.hpp"

#include <xxgk/detail/traits.hpp>
#include <xxgk/import.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/members.hpp>

#include <pybind11/pybind11.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace xxgk::python {

/// The class a catalog entry of type T is bound as ("CellKeyInfo" for cell_key: the Python
/// CellKey is a str built from it; the others keep their CamelCase C++ name).
template <class T>
std::string record_class_name() {
    if constexpr (std::is_same_v<T, cell_key>)
        return "_CellKeyInfo";
    else if constexpr (std::is_same_v<T, rule_info>)
        return "Rule";
    else if constexpr (std::is_same_v<T, import_code_info>)
        return "ImportCode";
    else
        return class_name<T>();
}

/// The class docstring of a catalog entry type.
template <class T>
std::string record_doc() {
    if constexpr (std::is_same_v<T, cell_key>)
        return "One cell key of one format with its labels (keys.hpp cell_key); xxgk.CellKey is the str built from it.";
    else if constexpr (std::is_same_v<T, rule_info>)
        return "One entry of the rule catalog (xxgk.rules(), docs/rules.md): what a finding code means. "
               "Immutable; compares by code; pickles by code.";
    else if constexpr (std::is_same_v<T, import_code_info>)
        return "One code the import log can contain (xxgk.import_codes(), docs/import.md): the level it is "
               "logged at and what it means. Immutable; compares by code; pickles by code.";
    else if constexpr (std::is_same_v<T, row_label>)
        return "The official label and the role of one row of a format (CellKey.row_info).";
    else
        return "The official label of one column of a format (CellKey.column_info); group: the spanning "
               "column label ('法人或其他组织') or ''.";
}

template <class T>
using record_class = py::class_<T, std::unique_ptr<T, py::nodelete>>;

template <class T>
record_class<T> bind_record(py::module_& m);

/// Adds a read-only property that is not a described member (a label read from the format's
/// label table) and lists it in `_fields` / `_field_types` like the members.
template <class T, class Getter>
void add_record_field(record_class<T>& cls, const char* name, const std::string& type, const std::string& doc,
                      Getter getter) {
    const std::string full_doc = std::string(name) + ": " + type + "; " + doc;
    cls.def_property_readonly(name, getter, full_doc.c_str());
    py::list names(cls.attr("_fields"));
    names.append(name);
    cls.attr("_fields") = py::tuple(names);
    py::object types = cls.attr("_field_types");
    types[py::str(name)] = py::make_tuple(type, type, full_doc);
}

/// The Python value of a member of a catalog entry.
template <class M>
py::object record_value(const M& v) {
    if constexpr (std::is_pointer_v<M>) {
        if (!v) return py::none();
        return py::cast(v, py::return_value_policy::reference);  // a catalog entry: lives for the program
    } else if constexpr (std::is_same_v<M, std::string_view>) {
        return py::str(v.data(), v.size());
    } else {
        return to_py(v);
    }
}

/// The Python spelling of that value's type.
template <class M>
std::string record_type() {
    if constexpr (std::is_pointer_v<M>)
        return record_class_name<std::remove_const_t<std::remove_pointer_t<M>>>();
    else if constexpr (std::is_same_v<M, std::string_view>)
        return "str";
    else
        return leaf_type<M>(false);
}

/// Binds the catalog entry type T (and the entry types its members point to) as a read-only class:
/// a property per described member, to_dict(), repr, and == and hash by entry. Returns the class, so
/// that the caller can add what is not a member (derived labels, pickling). Binds once per type.
template <class T>
record_class<T> bind_record(py::module_& m) {
    detail::for_each_member<T>([&](auto d) {
        using M = detail::member_type<decltype(d)>;
        if constexpr (std::is_pointer_v<M>) {
            using P = std::remove_const_t<std::remove_pointer_t<M>>;
            if (!py::detail::get_type_info(typeid(P))) bind_record<P>(m);
        }
    });
    const std::string name = record_class_name<T>();
    record_class<T> cls(m, name.c_str(), record_doc<T>().c_str());
    std::vector<field_info> fields;
    detail::for_each_member<T>([&](auto d) {
        using D = decltype(d);
        using M = detail::member_type<D>;
        const std::string type = record_type<M>();
        const std::string field_doc = std::string(D::name) + ": " + type;
        cls.def_property_readonly(
            D::name, [](const T& self) { return record_value(self.*D::pointer); }, field_doc.c_str());
        fields.push_back({D::name, type, type, field_doc});
    });
    set_field_info(cls, fields);
    cls.attr("_catalog_entry") = py::bool_(true);  // read-only, not constructible (tools/gen_stubs.py)
    cls.def(
        "to_dict",
        [](const T& self) {
            py::dict out;
            detail::for_each_member<T>([&](auto d) {
                using M = detail::member_type<decltype(d)>;
                if constexpr (std::is_pointer_v<M>) {
                    out[d.name] = self.*d.pointer ? record_value(self.*d.pointer).attr("to_dict")() : py::none();
                } else {
                    out[d.name] = record_value(self.*d.pointer);
                }
            });
            return out;
        },
        "The members as a dict (entries they point to as dicts too).");
    // Every object refers to a catalog entry, and entries are unique: equal means the same entry.
    cls.def(
        "__eq__",
        [](const T& self, py::handle other) -> py::object {
            if (!py::isinstance<T>(other)) return not_implemented();
            return py::bool_(&self == &other.cast<const T&>());
        },
        py::is_operator());
    cls.def("__hash__", [](const T& self) { return std::hash<const void*>{}(&self); });
    cls.def("__repr__", [name](const T& self) {
        std::string out = name + "(";
        bool first = true;
        detail::for_each_member<T>([&](auto d) {
            using M = detail::member_type<decltype(d)>;
            if constexpr (!std::is_pointer_v<M>) {
                out += (first ? "" : ", ") + std::string(d.name) + "=" +
                       std::string(py::str(py::repr(record_value(self.*d.pointer))));
                first = false;
            }
        });
        return out + ")";
    });
    return cls;
}

}  // namespace xxgk::python

#endif
