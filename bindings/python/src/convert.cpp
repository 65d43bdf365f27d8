#include "convert.hpp"

#include "nodes.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

namespace xxgk::python {

void raise(PyObject* type, const std::string& message) {
    // The whole message: a NUL inside (quoted from the input) written \u0000, not cutting it as
    // PyErr_SetString's C string would; bytes that are not UTF-8 replaced, not a UnicodeDecodeError.
    const std::string text = detail::escape_nul(message);
    PyObject* value = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
    if (!value) throw py::error_already_set();
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    throw py::error_already_set();
}

std::string where(const std::string& path) { return path.empty() ? std::string() : path + ": "; }

std::string join(const std::string& path, const std::string& name) {
    if (path.empty()) return name;
    if (name.empty()) return path;
    return path + "." + name;
}

std::string type_name(py::handle h) { return py::str(py::type::handle_of(h).attr("__name__")); }

namespace {
python_classes* the_classes = nullptr;  // never freed: Python objects must not die after the interpreter
}

void init_classes() {
    if (the_classes) return;
    auto* c = new python_classes;
    c->decimal = py::module_::import("decimal").attr("Decimal");
    c->date = py::module_::import("datetime").attr("date");
    c->datetime = py::module_::import("datetime").attr("datetime");
    c->mapping = py::module_::import("collections.abc").attr("Mapping");
    the_classes = c;
}

const python_classes& classes() { return *the_classes; }

bool is_mapping(py::handle h) { return PyDict_Check(h.ptr()) || py::isinstance(h, classes().mapping); }

// ---- C++ → Python

py::object to_py(const std::string& v) { return py::str(v); }
py::object to_py(bool v) { return py::bool_(v); }
py::object to_py(int v) { return py::int_(v); }
py::object to_py(std::int64_t v) { return py::int_(v); }
py::object to_py(std::uint32_t v) { return py::int_(v); }
py::object to_py(std::size_t v) { return py::int_(v); }

py::object to_py(const decimal& v) {
    if (v.scale() == 0) return py::int_(v.coefficient());
    return classes().decimal(v.to_string());
}

py::object to_py(const calendar_date& v) { return classes().date(v.year, v.month, v.day); }

// ---- Python → C++

std::string string_from_py(py::handle h, const std::string& path) {
    if (!PyUnicode_Check(h.ptr())) raise(PyExc_TypeError, where(path) + "expected a str, got " + type_name(h));
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size);
    if (!data) {
        PyErr_Clear();
        raise(PyExc_ValueError, where(path) + "the string is not valid Unicode text (it contains a lone surrogate)");
    }
    return std::string(data, static_cast<std::size_t>(size));
}

bool bool_from_py(py::handle h, const std::string& path) {
    if (!PyBool_Check(h.ptr())) raise(PyExc_TypeError, where(path) + "expected a bool, got " + type_name(h));
    return h.ptr() == Py_True;
}

long long integer_from_py(py::handle h, const std::string& path, long long lo, long long hi) {
    if (PyBool_Check(h.ptr()) || !PyLong_Check(h.ptr()))
        raise(PyExc_TypeError, where(path) + "expected an int, got " + type_name(h));
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
    if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
    if (overflow || v < lo || v > hi)
        raise(PyExc_OverflowError, where(path) + (overflow ? std::string("the integer") : std::to_string(v)) +
                                       " is out of range (" + std::to_string(lo) + " … " + std::to_string(hi) + ")");
    return v;
}

decimal decimal_from_py(py::handle h, const std::string& path, bool allow_str) {
    if (PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr()))
        return decimal(static_cast<std::int64_t>(integer_from_py(h, path, INT64_MIN, INT64_MAX)));
    if (py::isinstance(h, classes().decimal)) {
        const std::string shown = py::str(py::repr(h));
        if (!h.attr("is_finite")().cast<bool>())
            raise(PyExc_ValueError, where(path) + shown + " is not a finite number");
        // Cheap bounds first, so that Decimal('1E+999999999') is never written out in full.
        const long long adjusted = h.attr("adjusted")().cast<long long>();
        const py::object exponent = h.attr("as_tuple")().attr("exponent");
        if (adjusted > 18)
            raise(PyExc_OverflowError, where(path) + shown + " is out of range (at most 18 digits before the point)");
        if (exponent.cast<long long>() < -decimal::max_scale)
            raise(PyExc_ValueError, where(path) + shown + " has more than " + std::to_string(decimal::max_scale) +
                                        " digits after the point");
        const py::object formatted = py::reinterpret_steal<py::object>(PyObject_Format(h.ptr(), py::str("f").ptr()));
        if (!formatted) throw py::error_already_set();
        const std::string text = py::str(formatted);
        if (auto d = decimal::parse(text)) return *d;
        raise(PyExc_OverflowError, where(path) + shown + " does not fit an exact 64-bit decimal");
    }
    if (allow_str && PyUnicode_Check(h.ptr())) {
        const std::string text = string_from_py(h, path);
        if (auto d = decimal::parse(text)) return *d;
        raise(PyExc_ValueError, where(path) + "'" + text +
                                    "' is not an exact decimal such as '17424.88' (at most 18 digits after the point, "
                                    "64-bit coefficient)");
    }
    if (PyFloat_Check(h.ptr()))
        raise(PyExc_TypeError, where(path) + "floats are not accepted (counts and money are exact): use an int or "
                                             "decimal.Decimal('17424.88')");
    raise(PyExc_TypeError, where(path) + "expected an int or a decimal.Decimal" + (allow_str ? " (or a str)" : "") +
                               ", got " + type_name(h));
}

calendar_date date_from_py(py::handle h, const std::string& path) {
    if (py::isinstance(h, classes().datetime))
        raise(PyExc_TypeError, where(path) + "expected a datetime.date, got a datetime (use .date())");
    if (py::isinstance(h, classes().date)) {
        calendar_date d{h.attr("year").cast<int>(), h.attr("month").cast<int>(), h.attr("day").cast<int>()};
        if (!d.is_valid()) raise(PyExc_ValueError, where(path) + d.to_string() + " is outside the years 1900–9999");
        return d;
    }
    if (PyUnicode_Check(h.ptr())) {
        const std::string text = string_from_py(h, path);
        if (auto d = calendar_date::parse(text)) return *d;
        raise(PyExc_ValueError, where(path) + "'" + text + "' is not a real day written YYYY-MM-DD (years 1900–9999)");
    }
    raise(PyExc_TypeError, where(path) + "expected a datetime.date or a 'YYYY-MM-DD' str, got " + type_name(h));
}

// ---- cells

py::object cell_value_to_py(const cell& c) { return c.is_number() ? to_py(c.value()) : py::none(); }

py::object cell_to_plain(const cell& c) {
    if (!c.has_detail() && c.unit() == money_unit::none) {
        if (c.is_number()) return to_py(c.value());
        if (c.is_blank()) return py::none();
    }
    py::dict d;
    d["state"] = to_py(c.state());
    if (c.is_number()) d["value"] = to_py(c.value());
    if (c.unit() != money_unit::none) d["unit"] = to_py(c.unit());
    if (c.raw()) d["raw"] = py::str(*c.raw());
    if (c.source()) d["source"] = to_plain(*c.source());
    return std::move(d);
}

namespace {

cell cell_from_mapping(py::handle mapping, const std::string& path) {
    std::optional<cell_state> state;
    std::optional<decimal> value;
    money_unit unit = money_unit::none;
    std::optional<std::string> raw;
    std::optional<provenance> source;
    const py::object items = mapping.attr("items")();
    for (py::handle item : items) {
        const py::tuple kv = py::reinterpret_borrow<py::tuple>(item);
        const std::string name = PyUnicode_Check(kv[0].ptr()) ? string_from_py(kv[0], path) : std::string("?");
        const py::handle v = kv[1];
        const std::string at = join(path, name);
        if (name == "state") {
            if (!v.is_none()) state = enum_from_py<cell_state>(v, at);
        } else if (name == "value") {
            if (!v.is_none()) value = decimal_from_py(v, at, true);
        } else if (name == "unit") {
            if (!v.is_none()) unit = enum_from_py<money_unit>(v, at);
        } else if (name == "raw") {
            if (!v.is_none()) raw = string_from_py(v, at);
        } else if (name == "source") {
            source = from_py<std::optional<provenance>>(v, at);
        } else {
            raise(PyExc_TypeError,
                  where(path) + "a cell has no member '" + name + "' (members: state, value, unit, raw, source)");
        }
    }
    if (value && state && *state != cell_state::number)
        raise(PyExc_ValueError, where(path) + "a value is allowed only with state 'number', not '" +
                                    boost::describe::enum_to_string(*state, "?") + "'");
    if (!value && state == cell_state::number) raise(PyExc_ValueError, where(path) + "state 'number' needs a value");
    if (!value && unit != money_unit::none)
        raise(PyExc_ValueError, where(path) + "a unit is allowed only with a value");
    cell c;
    if (value)
        c.set_value(*value, unit);
    else if (state)
        c.set_state(*state);
    c.set_raw(std::move(raw));
    c.set_source(source);
    return c;
}

}  // namespace

cell cell_from_py(py::handle h, const std::string& path) {
    if (h.is_none()) return cell();
    if (py::isinstance<node<cell>>(h)) return h.cast<const node<cell>&>().get();
    if ((PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr())) || py::isinstance(h, classes().decimal))
        return cell::number(decimal_from_py(h, path, false));
    if (is_mapping(h)) return cell_from_mapping(h, path);
    if (PyFloat_Check(h.ptr()))
        raise(PyExc_TypeError, where(path) + "floats are not accepted (counts and money are exact): use an int or "
                                             "decimal.Decimal('17424.88')");
    if (PyUnicode_Check(h.ptr()))
        raise(PyExc_TypeError, where(path) +
                                   "a cell takes an int, a decimal.Decimal, None (blank) or a Cell, not a str; "
                                   "for printed text use xxgk.Cell.text(...) or xxgk.Cell.not_applicable(...)");
    raise(PyExc_TypeError,
          where(path) + "a cell takes an int, a decimal.Decimal, None (blank), a Cell or a dict, got " + type_name(h));
}

py::list problems_to_py(const std::vector<problem>& problems) {
    py::list out;
    auto opt = [](const std::optional<std::size_t>& v) -> py::object {
        return v ? py::object(py::int_(*v)) : py::none();
    };
    for (const problem& p : problems)
        out.append(py::make_tuple(to_string(p.code), p.pointer, p.message, opt(p.offset), opt(p.line), opt(p.column)));
    return out;
}

// ---- inputs

format_version format_from_py(py::handle h) {
    if (PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr())) {
        const long long v = integer_from_py(h, "format", INT_MIN, INT_MAX);
        for (format_version f : all_formats)
            if (static_cast<int>(f) == v) return f;
    } else if (PyUnicode_Check(h.ptr())) {
        if (auto f = parse_format_version(string_from_py(h, "format"))) return *f;
    } else {
        raise(PyExc_TypeError, "format: expected '2019' or '2021', got " + type_name(h));
    }
    raise(PyExc_ValueError,
          "format: " + std::string(py::str(py::repr(h))) + " is not a supported format ('2019' or '2021')");
}

std::optional<std::string> input_bytes(py::handle data, const std::string& what, bool keep_surrogates) {
    if (PyUnicode_Check(data.ptr())) {
        Py_ssize_t size = 0;
        if (const char* p = PyUnicode_AsUTF8AndSize(data.ptr(), &size))
            return std::string(p, static_cast<std::size_t>(size));
        PyErr_Clear();
        if (!keep_surrogates) return std::nullopt;
        // Lone surrogates become the (invalid) UTF-8 they would encode; the consumer replaces them.
        const auto encoded =
            py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(data.ptr(), "utf-8", "surrogatepass"));
        if (!encoded) throw py::error_already_set();
        return std::string(PyBytes_AS_STRING(encoded.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(encoded.ptr())));
    }
    if (PyBytes_Check(data.ptr()))
        return std::string(PyBytes_AS_STRING(data.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(data.ptr())));
    if (PyObject_CheckBuffer(data.ptr())) {
        // bytes(data): the buffer's logical contents, also for strided or reversed memoryviews.
        const auto copy = py::reinterpret_steal<py::object>(PyBytes_FromObject(data.ptr()));
        if (!copy) throw py::error_already_set();
        return std::string(PyBytes_AS_STRING(copy.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(copy.ptr())));
    }
    raise(PyExc_TypeError, "expected " + what + " as str or bytes, got " + type_name(data));
}

// ---- nodes.hpp helpers

void raise_stale(const std::string& path) {
    raise(PyExc_ReferenceError,
          (path.empty() ? std::string("this object") : "'" + path + "'") +
              " is no longer part of its report (the list or optional member that held it was changed); "
              "get it again from the report");
}

std::string camel_case(std::string_view snake) {
    std::string out;
    bool upper = true;
    for (char c : snake) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

std::string short_repr(py::handle value) {
    py::object v = py::reinterpret_borrow<py::object>(value);
    if (PyUnicode_Check(v.ptr()) && PyUnicode_GetLength(v.ptr()) > 40)
        v = py::object(v[py::slice(0, 40, 1)]) + py::str("…");
    return py::str(py::repr(v));
}

std::size_t list_index(py::ssize_t i, std::size_t size, bool for_insert, const std::string& path) {
    const auto n = static_cast<py::ssize_t>(size);
    if (i < 0) i += n;
    if (for_insert) return static_cast<std::size_t>(std::clamp<py::ssize_t>(i, 0, n));
    if (i < 0 || i >= n) raise(PyExc_IndexError, where(path) + "list index out of range");
    return static_cast<std::size_t>(i);
}

void set_field_info(py::handle cls, const std::vector<field_info>& fields) {
    py::list names;
    py::dict types;
    for (const field_info& f : fields) {
        names.append(f.name);
        types[py::str(f.name)] = py::make_tuple(f.get_type, f.set_type, f.doc);
    }
    cls.attr("_fields") = py::tuple(names);
    cls.attr("_field_types") = types;
}

void raise_no_attribute(const std::string& cls, const std::string& path, const std::string& name) {
    std::string message = "'" + cls + "' object has no attribute '" + name + "'";
    if (name.rfind("__", 0) != 0 && !path.empty()) {
        const std::string dotted = join(path, name);
        for (format_version f : all_formats)
            if (is_row_or_key_of(f, dotted))
                message += " ('" + dotted + "' exists only in the " + std::string(to_string(f)) + " format)";
    }
    throw py::attribute_error(message);
}

py::object not_implemented() { return py::reinterpret_borrow<py::object>(Py_NotImplemented); }

}  // namespace xxgk::python
