// xxgk Python binding — views into a report, bound generically from the Boost.Describe descriptions.
//
// Every Python object that stands for a part of a report (report.header, report.requests.granted,
// a cell, report.overview.subsections) is a `node<T>`: the owner of the report (shared) plus a
// function that finds the part again from the report's root on every access. Edits therefore
// always land in the report, never in a silent copy, and a view whose part disappeared (a list
// element removed, an optional section set to None) raises ReferenceError instead of touching
// freed memory. Objects built in Python (`xxgk.Subsection(title=...)`) are nodes that own their value.
//
// One template binds any described struct: a property per member, typed by the member's C++ type.
// No member is listed by hand; class names are the C++ type names in CamelCase.
#ifndef XXGK_PYTHON_NODES_HPP
#define XXGK_PYTHON_NODES_HPP

#include "convert.hpp"

#include <xxgk/detail/traits.hpp>
#include <xxgk/validate.hpp>

#include <boost/core/demangle.hpp>
#include <boost/describe/members.hpp>

#include <pybind11/pybind11.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <utility>
#include <vector>

namespace xxgk::python {

template <class T>
inline constexpr bool is_struct_v = boost::describe::has_describe_members<T>::value;
template <class T>
inline constexpr bool is_optional_v = detail::is_optional<T>::value;
template <class T>
inline constexpr bool is_vector_v = detail::is_vector<T>::value;
template <class T>
inline constexpr bool is_cell_v = detail::is_cell_v<T>;

[[noreturn]] void raise_stale(const std::string& path);

/// A view of a `T` inside a report (or owned by itself).
template <class T>
struct node {
    std::shared_ptr<void> owner;     ///< keeps the root alive (a report, or the standalone value)
    std::function<T*()> locate;      ///< finds the value from the root; nullptr when it is gone
    std::string path;                ///< dotted path from the root: "requests.granted.total", "" for a root
    std::optional<value_kind> kind;  ///< cells: the values the cell's key admits

    T* find() const { return locate ? locate() : nullptr; }
    T& get() const {
        if (T* p = find()) return *p;
        raise_stale(path);
    }
};

/// A node that owns its value (objects constructed in Python, copies, unpickled objects).
template <class T>
node<T> standalone(T value) {
    auto owned = std::make_shared<T>(std::move(value));
    T* raw = owned.get();
    return node<T>{std::move(owned), [raw]() -> T* { return raw; }, {}, {}};
}

/// The node of a part of `parent`: `acc(P&)` returns a pointer to the part, or nullptr.
template <class M, class P, class Acc>
node<M> child(const node<P>& parent, Acc acc, std::string path) {
    return node<M>{parent.owner,
                   [loc = parent.locate, acc]() -> M* {
                       P* p = loc ? loc() : nullptr;
                       return p ? static_cast<M*>(acc(*p)) : nullptr;
                   },
                   std::move(path),
                   {}};
}

// ---------------------------------------------------------------------------------------------
// Names, for classes, docstrings and type stubs

std::string camel_case(std::string_view snake);

/// The Python class name of a model type: the C++ name in CamelCase ("applicant_row" → "ApplicantRow").
template <class T>
std::string class_name() {
    if constexpr (is_cell_v<T>) {
        return "Cell";
    } else if constexpr (is_vector_v<T>) {
        if constexpr (std::is_same_v<typename T::value_type, std::string>)
            return "StringList";
        else
            return class_name<typename T::value_type>() + "List";
    } else if constexpr (std::is_same_v<T, finding>) {
        return "Finding";
    } else {
        std::string n = boost::core::demangle(typeid(T).name());
        const auto colon = n.rfind("::");
        return camel_case(colon == std::string::npos ? n : n.substr(colon + 2));
    }
}

/// The Python spelling of a member type: what the getter returns, or what the setter accepts.
template <class T>
std::string type_of(bool setter) {
    if constexpr (is_optional_v<T>) {
        return type_of<typename T::value_type>(setter) + " | None";
    } else if constexpr (is_cell_v<T>) {
        return setter ? "CellInput" : "Cell";
    } else if constexpr (is_vector_v<T>) {
        using X = typename T::value_type;
        if (!setter) return class_name<T>();
        if constexpr (std::is_same_v<X, std::string>)
            return "Iterable[str]";
        else
            return "Iterable[" + class_name<X>() + " | Mapping[str, Any]]";
    } else if constexpr (is_struct_v<T>) {
        return setter ? class_name<T>() + " | Mapping[str, Any]" : class_name<T>();
    } else {
        return leaf_type<T>(setter);
    }
}

/// Docstrings of members that are statistical sections, rows and columns: their official Chinese
/// labels, read from the label tables (labels.hpp) — keyed by (C++ type of the parent, member name).
const std::string* member_label(std::type_index parent, std::string_view member);
/// The kind of value a typed cell member admits, for docstrings: "count", "amount", …
template <class M>
std::optional<value_kind> cell_kind() {
    if constexpr (is_optional_v<M>)
        return cell_kind<typename M::value_type>();
    else if constexpr (is_cell_v<M> && !std::is_same_v<M, cell>)
        return M::kind;
    else
        return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Generic operations, derived from the descriptions

template <class T>
bool equal(const T& a, const T& b) {
    if constexpr (is_struct_v<T>) {
        bool same = true;
        detail::for_each_member<T>([&](auto d) { same = same && equal(a.*d.pointer, b.*d.pointer); });
        return same;
    } else if constexpr (is_optional_v<T>) {
        return a.has_value() == b.has_value() && (!a || equal(*a, *b));
    } else if constexpr (is_vector_v<T>) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!equal(a[i], b[i])) return false;
        return true;
    } else if constexpr (is_cell_v<T>) {
        return static_cast<const cell&>(a) == static_cast<const cell&>(b);
    } else if constexpr (std::is_same_v<T, decimal>) {
        return a == b && a.scale() == b.scale();  // 1.5 and 1.50 print differently
    } else {
        return a == b;
    }
}

/// The value as plain Python data (dicts, lists, str, int, Decimal, date, None): `to_dict()`,
/// pickling, and everything `from_py` accepts back.
template <class T>
py::object to_plain(const T& v) {
    if constexpr (is_struct_v<T>) {
        py::dict d;
        detail::for_each_member<T>([&](auto m) { d[m.name] = to_plain(v.*m.pointer); });
        return std::move(d);
    } else if constexpr (is_optional_v<T>) {
        return v ? to_plain(*v) : py::none();
    } else if constexpr (is_vector_v<T>) {
        py::list l;
        for (const auto& e : v) l.append(to_plain(e));
        return std::move(l);
    } else if constexpr (is_cell_v<T>) {
        return cell_to_plain(v);
    } else {
        return to_py(v);
    }
}

template <class T>
T from_py(py::handle h, const std::string& path);

/// A struct from a mapping of member names (keyword arguments, a dict, to_dict() output).
template <class T>
T struct_from_mapping(py::handle mapping, const std::string& path) {
    T out{};
    const py::object items = mapping.attr("items")();
    for (py::handle item : items) {
        const py::tuple kv = py::reinterpret_borrow<py::tuple>(item);
        if (!PyUnicode_Check(kv[0].ptr()))
            raise(PyExc_TypeError,
                  where(path) + class_name<T>() + " member names are strings, got " + type_name(kv[0]));
        const std::string name = string_from_py(kv[0], path);
        bool found = false;
        detail::for_each_member<T>([&](auto d) {
            if (found || name != d.name) return;
            found = true;
            using M = detail::member_type<decltype(d)>;
            out.*d.pointer = from_py<M>(kv[1], join(path, name));
        });
        if (!found) {
            std::string names;
            detail::for_each_member<T>([&](auto d) { names += names.empty() ? d.name : std::string(", ") + d.name; });
            raise(PyExc_TypeError,
                  where(path) + class_name<T>() + " has no member '" + name + "' (members: " + names + ")");
        }
    }
    return out;
}

template <class T>
T from_py(py::handle h, const std::string& path) {
    if constexpr (is_optional_v<T>) {
        if (h.is_none()) return T{};
        return T(from_py<typename T::value_type>(h, path));
    } else if constexpr (is_cell_v<T>) {
        return T(cell_from_py(h, path));
    } else if constexpr (is_vector_v<T>) {
        if (PyUnicode_Check(h.ptr()) || PyBytes_Check(h.ptr()) || is_mapping(h) || !py::hasattr(h, "__iter__"))
            raise(PyExc_TypeError, where(path) + "expected a list (" + type_of<T>(true) + "), got " + type_name(h));
        T out;
        std::size_t i = 0;
        for (py::handle e : h) out.push_back(from_py<typename T::value_type>(e, join(path, std::to_string(i++))));
        return out;
    } else if constexpr (is_struct_v<T>) {
        if (py::isinstance<node<T>>(h)) return h.cast<const node<T>&>().get();  // a copy of the other's value
        if (is_mapping(h)) return struct_from_mapping<T>(h, path);
        raise(PyExc_TypeError, where(path) + "expected " + class_name<T>() + " or a dict, got " + type_name(h));
    } else {
        return leaf_from_py<T>(h, path);
    }
}

/// `from_py` that reports failure as nothing (for ==, `in`, index()).
template <class T>
std::optional<T> try_from_py(py::handle h) {
    try {
        return from_py<T>(h, "");
    } catch (py::error_already_set&) {
        return std::nullopt;
    }
}

/// A short repr: strings cut at 40 characters, nested structs as Name(…), long lists cut.
std::string short_repr(py::handle value);

template <class T>
std::string repr_of(const T& v, int depth) {
    if constexpr (is_struct_v<T>) {
        std::string out = class_name<T>() + "(";
        if (depth > 0) return out + "…)";
        bool first = true;
        detail::for_each_member<T>([&](auto m) {
            if (!first) out += ", ";
            first = false;
            out += m.name;
            out += '=';
            out += repr_of(v.*m.pointer, depth + 1);
        });
        return out + ")";
    } else if constexpr (is_optional_v<T>) {
        return v ? repr_of(*v, depth) : "None";
    } else if constexpr (is_vector_v<T>) {
        // A list shown by itself lists every element; inside a struct, the first three; deeper, a count.
        std::string out = "[";
        const std::size_t shown = depth == 0 ? v.size() : depth == 1 ? 3 : 0;
        for (std::size_t i = 0; i < v.size() && i < shown; ++i) out += (i ? ", " : "") + repr_of(v[i], depth);
        if (v.size() > shown) out += (shown ? ", … " : "… ") + std::to_string(v.size()) + " items";
        return out + "]";
    } else if constexpr (is_cell_v<T>) {
        const py::object plain = cell_to_plain(v);
        if (is_mapping(plain)) return std::string(py::str(py::repr(py::cast(standalone<cell>(v)))));
        return short_repr(plain);
    } else {
        return short_repr(to_py(v));
    }
}

// ---------------------------------------------------------------------------------------------
// Member access through a node

/// The Python value of the member `acc(P&)` of `parent`: a view for structs, cells and lists,
/// None for an empty optional, a fresh Python value for leaves.
template <class M, class P, class Acc>
py::object get_member(const node<P>& parent, Acc acc, const std::string& path, std::optional<value_kind> kind = {}) {
    if constexpr (is_optional_v<M>) {
        using V = typename M::value_type;
        M* opt = acc(parent.get());
        if (!opt || !*opt) return py::none();
        return get_member<V>(
            parent,
            [acc](P& p) -> V* {
                M* o = acc(p);
                return o && *o ? &**o : nullptr;
            },
            path, kind);
    } else if constexpr (is_cell_v<M>) {
        if (!acc(parent.get())) raise_stale(path);
        node<cell> n = child<cell>(
            parent, [acc](P& p) -> cell* { return acc(p); }, path);
        if constexpr (!std::is_same_v<M, cell>) n.kind = M::kind;
        if (kind) n.kind = kind;
        return py::cast(std::move(n));
    } else if constexpr (is_struct_v<M> || is_vector_v<M>) {
        if (!acc(parent.get())) raise_stale(path);  // a stale parent raises now, not at the next access
        return py::cast(child<M>(parent, acc, path));
    } else {
        M* value = acc(parent.get());
        if (!value) raise_stale(path);
        return to_py(*value);
    }
}

/// Assigns the member `acc(P&)` of `parent` from a Python value. The value is converted first
/// (which may run Python code), then the member is looked up again and replaced: a failed
/// conversion leaves the report untouched.
template <class M, class P, class Acc>
void set_member(const node<P>& parent, Acc acc, py::handle value, const std::string& path) {
    M converted = from_py<M>(value, path);
    M* target = acc(parent.get());
    if (!target) raise_stale(path);
    *target = std::move(converted);
}

/// Member documentation: official label (when the member is a section, row or column), then the type.
template <class P, class M>
std::string member_doc(std::string_view name) {
    std::string doc;
    if (const std::string* label = member_label(std::type_index(typeid(P)), name)) doc = *label + "\n\n";
    doc += std::string(name) + ": " + type_of<M>(false);
    if (auto k = cell_kind<M>()) doc += std::string(" (") + boost::describe::enum_to_string(*k, "?") + ")";
    if constexpr (is_cell_v<M>) doc += "; assign an int, a decimal.Decimal, None (blank) or a Cell";
    return doc;
}

/// Keeps (name → (getter type, setter type, doc)) of a class's members for `_field_types`
/// (read by the stub generator bindings/python/tools/gen_stubs.py).
struct field_info {
    std::string name, get_type, set_type, doc;
};

/// Binds one described member of `P` as a read/write property of the class of node<P>.
template <class P, class D, class Class>
void bind_member(Class& cls, std::vector<field_info>& fields) {
    using M = detail::member_type<D>;
    const std::string name = D::name;
    const std::string doc = member_doc<P, M>(name);
    cls.def_property(
        D::name,
        [name](const node<P>& self) {
            return get_member<M>(
                self, [](P& p) { return &(p.*D::pointer); }, join(self.path, name));
        },
        [name](const node<P>& self, py::handle value) {
            set_member<M>(
                self, [](P& p) { return &(p.*D::pointer); }, value, join(self.path, name));
        },
        doc.c_str());
    fields.push_back({name, type_of<M>(false), type_of<M>(true), doc});
}

void set_field_info(py::handle cls, const std::vector<field_info>& fields);

/// Binds import_text/import_html (ImportLogEntry), Report.render_* and json_schema (import_render.cpp).
void bind_import_render(py::module_& m);

/// Binds Portal and the classes of its parts, and the portal functions (portal.cpp).
void bind_portal(py::module_& m);

/// validate(value) as a list of Finding objects. Reports and portal files; `narrative` (reports
/// only) also compares the figures stated in prose with the tables.
///
/// Other Python threads must not change the value while it is validated. A report's rules are
/// checked with the GIL held: short CPU-bound work that never calls back into Python (tens of µs),
/// while the alternative — copying the report to check it without the GIL — held the GIL for the
/// copy, which cost about half as much as the checks themselves (docs/perf-validate.md): releasing
/// the GIL bought other threads little and cost the caller a copy. Reading the prose as well
/// (`narrative`) and validating a portal file (its checks grow with the site) take longer: the
/// value is then copied and validated without the GIL.
template <class T>
py::list validated(const T& value, bool include_info, bool narrative = false) {
    validate_options options;
    options.include_info = include_info;
    options.narrative_figures = narrative;
    std::vector<finding> findings;
    if (std::is_same_v<T, report> && !narrative) {
        findings = validate(value, options);
    } else {
        T copy = value;
        py::gil_scoped_release unlocked;
        findings = validate(copy, options);
    }
    py::list out;
    for (finding& f : findings) out.append(py::cast(std::move(f)));
    return out;
}

/// Binds aggregate, check_aggregate, validate_series, check_narrative (multi.cpp, docs/multi.md).
void bind_multi(py::module_& m);

/// Binds the report generator: _generate, INJECTED_FAULT_FIELDS (generate.cpp).
void bind_generate(py::module_& m);

/// Binds corpus runs: _corpus_files, _run_corpus (corpus.cpp).
void bind_corpus(py::module_& m);

/// The class docstring of a model type (a sentence per type; the members document themselves).
std::string class_doc(std::string_view name);

/// AttributeError for an unknown attribute, saying when the name belongs to the other format.
[[noreturn]] void raise_no_attribute(const std::string& cls, const std::string& path, const std::string& name);

py::object not_implemented();

template <class T>
void bind_type(py::module_& m);

/// The operations every view class has: ==, repr, to_dict, copy, pickling, helpful AttributeError.
template <class T, class Class>
void bind_common(Class& cls) {
    const std::string name = class_name<T>();
    cls.def(
        "__eq__",
        [](const node<T>& self, py::handle other) -> py::object {
            if (!py::isinstance<node<T>>(other)) return not_implemented();
            return py::bool_(equal(self.get(), other.cast<const node<T>&>().get()));
        },
        py::is_operator());
    cls.def("__repr__", [](const node<T>& self) { return repr_of(self.get(), 0); });
    cls.def(
        "copy", [](const node<T>& self) { return standalone<T>(self.get()); },
        "An independent copy (not a view into the report).");
    cls.def("__copy__", [](const node<T>& self) { return standalone<T>(self.get()); });
    cls.def("__deepcopy__", [](const node<T>& self, py::handle) { return standalone<T>(self.get()); });
    cls.def(py::pickle([](const node<T>& self) { return py::make_tuple(to_plain(self.get())); },
                       [name](const py::tuple& state) {
                           if (state.size() != 1) raise(PyExc_ValueError, "invalid pickle state for " + name);
                           return standalone<T>(from_py<T>(state[0], ""));
                       }));
    cls.def("__getattr__", [name](const node<T>& self, const std::string& attr) -> py::object {
        raise_no_attribute(name, self.path, attr);
    });
}

/// Binds a described struct as the Python class of node<T>, and the types of its members first.
template <class T>
void bind_struct(py::module_& m) {
    detail::for_each_member<T>([&](auto d) { bind_type<detail::member_type<decltype(d)>>(m); });
    const std::string name = class_name<T>();
    py::class_<node<T>> cls(m, name.c_str(), class_doc(name).c_str());
    cls.def(
        py::init([](const py::kwargs& members) { return standalone<T>(struct_from_mapping<T>(members, "")); }),
        ("A new " + name + " owning its value; keyword arguments set members (the rest keep their defaults).").c_str());
    std::vector<field_info> fields;
    detail::for_each_member<T>([&](auto d) { bind_member<T, decltype(d)>(cls, fields); });
    cls.def(
        "to_dict", [](const node<T>& self) { return to_plain(self.get()); },
        "The value as plain Python data (dicts, lists, str, int, Decimal, datetime.date, None); "
        "the constructor accepts it back.");
    bind_common<T>(cls);
    set_field_info(cls, fields);
}

template <class X>
void bind_list(py::module_& m);

/// Binds the Python classes a member type needs (once per type).
template <class T>
void bind_type(py::module_& m) {
    if constexpr (is_optional_v<T>) {
        bind_type<typename T::value_type>(m);
    } else if constexpr (is_vector_v<T>) {
        bind_type<typename T::value_type>(m);
        if (!py::detail::get_type_info(typeid(node<T>))) bind_list<typename T::value_type>(m);
    } else if constexpr (is_struct_v<T>) {
        if (!py::detail::get_type_info(typeid(node<T>))) bind_struct<T>(m);
    }
}

// ---------------------------------------------------------------------------------------------
// Lists: views of std::vector members with the list protocol

template <class X>
py::object list_element(const node<std::vector<X>>& self, std::size_t i) {
    const std::string path = join(self.path, std::to_string(i));
    return get_member<X>(
        self, [i](std::vector<X>& v) -> X* { return i < v.size() ? &v[i] : nullptr; }, path);
}

std::size_t list_index(py::ssize_t i, std::size_t size, bool for_insert, const std::string& path);

template <class X>
void bind_list(py::module_& m) {
    using V = std::vector<X>;
    using N = node<V>;
    const std::string name = class_name<V>();
    const std::string element = std::is_same_v<X, std::string> ? std::string("str") : class_name<X>();
    py::class_<N> cls(m, name.c_str(),
                      ("A list of " + element +
                       " inside a report: a view, so that changes made through it land in the report. "
                       "Supports len, indexing, slicing (returns a list), iteration, append, extend, insert, "
                       "pop, remove, clear, index, count, `in` and == with any sequence.")
                          .c_str());
    cls.def("__len__", [](const N& self) { return self.get().size(); });
    cls.def("__getitem__", [](const N& self, py::handle index) -> py::object {
        const std::size_t size = self.get().size();
        if (PySlice_Check(index.ptr())) {
            py::ssize_t start = 0, stop = 0, step = 0, length = 0;
            if (!py::reinterpret_borrow<py::slice>(index).compute(static_cast<py::ssize_t>(size), &start, &stop, &step,
                                                                  &length))
                throw py::error_already_set();
            py::list out;
            for (py::ssize_t k = 0; k < length; ++k)
                out.append(list_element(self, static_cast<std::size_t>(start + k * step)));
            return std::move(out);
        }
        const long long i = integer_from_py(index, self.path, std::numeric_limits<long long>::min(),
                                            std::numeric_limits<long long>::max());
        return list_element(self, list_index(static_cast<py::ssize_t>(i), size, false, self.path));
    });
    cls.def("__setitem__", [](const N& self, py::ssize_t i, py::handle value) {
        X converted = from_py<X>(value, join(self.path, std::to_string(i)));
        V& v = self.get();
        v[list_index(i, v.size(), false, self.path)] = std::move(converted);
    });
    cls.def("__delitem__", [](const N& self, py::ssize_t i) {
        V& v = self.get();
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(list_index(i, v.size(), false, self.path)));
    });
    cls.def("__iter__", [](const N& self) {
        py::list items;
        for (std::size_t i = 0; i < self.get().size(); ++i) items.append(list_element(self, i));
        return items.attr("__iter__")();
    });
    cls.def("__contains__", [](const N& self, py::handle value) {
        const auto x = try_from_py<X>(value);
        if (!x) return false;
        for (const X& e : self.get())
            if (equal(e, *x)) return true;
        return false;
    });
    cls.def(
        "__eq__",
        [](const N& self, py::handle other) -> py::object {
            if (PyUnicode_Check(other.ptr()) || PyBytes_Check(other.ptr()) || !PySequence_Check(other.ptr()))
                return not_implemented();
            const auto v = try_from_py<V>(other);
            return py::bool_(v && equal(self.get(), *v));
        },
        py::is_operator());
    cls.def("__repr__", [](const N& self) { return repr_of(self.get(), 0); });
    cls.def(
        "append",
        [](const N& self, py::handle value) {
            X converted = from_py<X>(value, join(self.path, std::to_string(self.get().size())));
            self.get().push_back(std::move(converted));
        },
        py::arg("value"), "Appends a value at the end.");
    cls.def(
        "extend",
        [](const N& self, py::handle values) {
            V converted = from_py<V>(values, self.path);
            V& v = self.get();
            v.insert(v.end(), std::make_move_iterator(converted.begin()), std::make_move_iterator(converted.end()));
        },
        py::arg("values"), "Appends every value of an iterable.");
    cls.def(
        "insert",
        [](const N& self, py::ssize_t i, py::handle value) {
            X converted = from_py<X>(value, join(self.path, std::to_string(i)));
            V& v = self.get();
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(list_index(i, v.size(), true, self.path)),
                     std::move(converted));
        },
        py::arg("i"), py::arg("value"), "Inserts a value before position i.");
    cls.def(
        "pop",
        [](const N& self, py::ssize_t i) {
            V& v = self.get();
            const std::size_t k = list_index(i, v.size(), false, self.path);
            py::object out;
            if constexpr (is_struct_v<X>)
                out = py::cast(standalone<X>(v[k]));
            else
                out = to_plain(v[k]);
            v.erase(v.begin() + static_cast<std::ptrdiff_t>(k));
            return out;
        },
        py::arg("i") = -1,
        "Removes and returns the value at position i (the last by default); "
        "a removed struct is returned as an independent object.");
    cls.def(
        "remove",
        [](const N& self, py::handle value) {
            const auto x = try_from_py<X>(value);
            V& v = self.get();
            for (auto it = v.begin(); x && it != v.end(); ++it)
                if (equal(*it, *x)) {
                    v.erase(it);
                    return;
                }
            raise(PyExc_ValueError, where(self.path) + "value not in list");
        },
        py::arg("value"), "Removes the first value equal to the argument.");
    cls.def(
        "index",
        [](const N& self, py::handle value) {
            const auto x = try_from_py<X>(value);
            const V& v = self.get();
            for (std::size_t i = 0; x && i < v.size(); ++i)
                if (equal(v[i], *x)) return i;
            raise(PyExc_ValueError, where(self.path) + "value not in list");
        },
        py::arg("value"), "The position of the first value equal to the argument.");
    cls.def(
        "count",
        [](const N& self, py::handle value) {
            const auto x = try_from_py<X>(value);
            std::size_t n = 0;
            for (const X& e : self.get()) n += x && equal(e, *x);
            return n;
        },
        py::arg("value"), "How many values equal the argument.");
    cls.def(
        "clear", [](const N& self) { self.get().clear(); }, "Removes every value.");
    cls.def(
        "to_list", [](const N& self) { return to_plain(self.get()); },
        "The values as a plain Python list (independent of the report).");
    cls.def(
        "copy", [](const N& self) { return to_plain(self.get()); },
        "The values as a plain Python list (independent of the report).");
    cls.def(py::pickle([](const N& self) { return py::make_tuple(to_plain(self.get())); },
                       [](const py::tuple& state) {
                           if (state.size() != 1) raise(PyExc_ValueError, "invalid pickle state");
                           return standalone<V>(from_py<V>(state[0], ""));
                       }));
}

/// Decodes JSON text given from Python (str or bytes-like) with `decode` (decode_json,
/// decode_portal_json) into a standalone model: (model, []) or (None, [problem, …]). The GIL is
/// released while decoding; text with a lone surrogate is one invalid_json problem.
template <class Model, class Decode>
py::tuple decode_to_py(py::handle data, bool strict, Decode decode) {
    const std::optional<std::string> text = input_bytes(data, "the JSON text", false);
    if (!text)
        return py::make_tuple(py::none(),
                              problems_to_py({{errc::invalid_json,
                                               "",
                                               "the text is not valid Unicode (it contains a lone surrogate)",
                                               {},
                                               {},
                                               {}}}));
    auto result = [&] {
        py::gil_scoped_release unlocked;  // the input is our own copy: other Python threads may run
        decode_options options;
        options.strict = strict;
        return decode(*text, options);
    }();
    if (!result.ok()) return py::make_tuple(py::none(), problems_to_py(result.problems));
    return py::make_tuple(py::cast(standalone<Model>(std::move(*result.value))), py::list());
}

}  // namespace xxgk::python

#endif
