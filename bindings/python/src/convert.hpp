// xxgk Python binding — conversions between Python objects and the model's leaf values.
//
// Leaves are the values that are not described structs, cells or lists: strings, integers,
// booleans, exact decimals, calendar dates and described enums. Every conversion from Python
// checks the type and range and raises a Python exception naming the dotted path of the
// member ("header.year: expected an int, got str"); nothing is converted through a float.
#ifndef XXGK_PYTHON_CONVERT_HPP
#define XXGK_PYTHON_CONVERT_HPP

#include <xxgk/xxgk.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

namespace xxgk::python {

namespace py = pybind11;

/// Raises the Python exception `type` with `message` (as a C++ exception pybind11 passes on).
[[noreturn]] void raise(PyObject* type, const std::string& message);

/// "path: " or "" — the prefix of every conversion error.
std::string where(const std::string& path);

/// "a.b" joined with "c"; either side may be empty.
std::string join(const std::string& path, const std::string& name);

/// The Python type name of an object, for error messages: "str", "float", …
std::string type_name(py::handle h);

/// Classes of the standard library the conversions need (looked up once, at module import).
struct python_classes {
    py::object decimal;   // decimal.Decimal
    py::object date;      // datetime.date
    py::object datetime;  // datetime.datetime
    py::object mapping;   // collections.abc.Mapping
};
const python_classes& classes();
void init_classes();

bool is_mapping(py::handle h);

// ---- leaves: C++ → Python

py::object to_py(const std::string& v);
py::object to_py(bool v);
py::object to_py(int v);
py::object to_py(std::int64_t v);
py::object to_py(std::uint32_t v);
py::object to_py(std::size_t v);
/// An int when the scale is 0, a decimal.Decimal keeping every printed digit otherwise.
py::object to_py(const decimal& v);
/// A datetime.date.
py::object to_py(const calendar_date& v);

template <class E, std::enable_if_t<boost::describe::has_describe_enumerators<E>::value, int> = 0>
py::object to_py(E v) {
    return py::str(boost::describe::enum_to_string(v, "?"));
}

// ---- leaves: Python → C++ (each raises TypeError / ValueError / OverflowError naming `path`)

std::string string_from_py(py::handle h, const std::string& path);
bool bool_from_py(py::handle h, const std::string& path);
/// Any Python int (never a bool) within [lo, hi].
long long integer_from_py(py::handle h, const std::string& path, long long lo, long long hi);
/// An int, a decimal.Decimal or (when `allow_str`) a string such as "17424.88"; exact.
decimal decimal_from_py(py::handle h, const std::string& path, bool allow_str);
/// A datetime.date (not a datetime) or a "YYYY-MM-DD" string, naming a real day in 1900–9999.
calendar_date date_from_py(py::handle h, const std::string& path);

/// The names of a described enum: "'a', 'b', 'c'".
template <class E>
std::string enum_names(const char* quote = "'") {
    std::string out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!out.empty()) out += ", ";
        out += quote;
        out += d.name;
        out += quote;
    });
    return out;
}

template <class E>
E enum_from_py(py::handle h, const std::string& path) {
    if (!PyUnicode_Check(h.ptr()))
        raise(PyExc_TypeError, where(path) + "expected one of " + enum_names<E>() + ", got " + type_name(h));
    const std::string s = string_from_py(h, path);
    E out{};
    // A name with a NUL inside names nothing (enum_from_string reads a C string: it would stop there).
    if (s.find('\0') != std::string::npos || !boost::describe::enum_from_string(s.c_str(), out))
        raise(PyExc_ValueError, where(path) + "'" + s + "' is not one of " + enum_names<E>());
    return out;
}

/// Leaf conversion from Python, by type.
template <class T>
T leaf_from_py(py::handle h, const std::string& path) {
    if constexpr (std::is_same_v<T, std::string>) {
        return string_from_py(h, path);
    } else if constexpr (std::is_same_v<T, bool>) {
        return bool_from_py(h, path);
    } else if constexpr (std::is_same_v<T, decimal>) {
        return decimal_from_py(h, path, true);
    } else if constexpr (std::is_same_v<T, calendar_date>) {
        return date_from_py(h, path);
    } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
        return enum_from_py<T>(h, path);
    } else if constexpr (std::is_integral_v<T>) {
        return static_cast<T>(integer_from_py(h, path, static_cast<long long>(std::numeric_limits<T>::min()),
                                              static_cast<long long>(std::numeric_limits<T>::max())));
    } else {
        static_assert(sizeof(T) == 0, "no Python conversion for this leaf type");
    }
}

/// The Python spelling of a leaf type, for docstrings and type stubs: getter and setter forms.
template <class T>
std::string leaf_type(bool setter) {
    if constexpr (std::is_same_v<T, std::string>) {
        return "str";
    } else if constexpr (std::is_same_v<T, bool>) {
        return "bool";
    } else if constexpr (std::is_same_v<T, decimal>) {
        return setter ? "int | Decimal | str" : "int | Decimal";
    } else if constexpr (std::is_same_v<T, calendar_date>) {
        return setter ? "datetime.date | str" : "datetime.date";
    } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
        return "Literal[" + enum_names<T>("\"") + "]";
    } else {
        static_assert(std::is_integral_v<T>, "no Python spelling for this leaf type");
        return "int";
    }
}

/// A format version from '2019' / '2021' or 2019 / 2021; TypeError or ValueError otherwise.
format_version format_from_py(py::handle h);

/// The bytes of a str (UTF-8), bytes, bytearray or any buffer (its logical contents, as bytes()
/// gives them). A str with lone surrogates gives nothing, or, with `keep_surrogates`, the invalid
/// UTF-8 they encode. TypeError naming `what` ("the JSON text") for anything else.
std::optional<std::string> input_bytes(py::handle data, const std::string& what, bool keep_surrogates);

/// The value of a cell as Python sees it: None unless it holds a number.
py::object cell_value_to_py(const cell& c);
/// The cell as a plain Python value: the number (no detail), None (blank, no detail), or a dict
/// {"state", "value", "unit", "raw", "source"} — the shortest form that keeps everything, as in JSON.
py::object cell_to_plain(const cell& c);
/// A cell from None (blank), an int, a decimal.Decimal, a Cell, or the dict form of `cell_to_plain`.
cell cell_from_py(py::handle h, const std::string& path);

/// The problem list of a failed decode, as tuples (type, pointer, message, offset, line, column).
py::list problems_to_py(const std::vector<problem>& problems);

}  // namespace xxgk::python

#endif
