// xxgk._core — importing published reports, rendering them, and the JSON Schema.
//
// Binds xxgk/import.hpp (import_text, import_html, the log and its code catalog), xxgk/render.hpp
// (Report.render_html, render_markdown, render_csv_tables), xxgk/cells.hpp's to_cells_csv and
// xxgk/schema.hpp (json_schema). The pure-Python layer (xxgk/__init__.py) wraps _import into
// import_text / import_html / import_file and ImportResult, and parses the schema into a dict.
//
// Like decoding and validation, the C++ work runs without the GIL on data the call owns (the input
// bytes, a copy of the report), so threads import and render in parallel. Nothing here lets a C++
// exception escape as a RuntimeError: an input that is not a report comes back as problems that
// Python turns into a ValidationError.
#include "convert.hpp"
#include "nodes.hpp"
#include "records.hpp"

#include <xxgk/xxgk.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <pybind11/pybind11.h>

#include <climits>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::python {
namespace {

using report_node = node<report>;

// ---------------------------------------------------------------------------------------------
// ImportLogEntry: one entry of the import log, an immutable value like Finding

/// `where` as a dict of the positions it has ({'line': 217, 'column': 2}, {'table': 3, 'row': 5,
/// 'cell': 2}); the other members as plain values, lists as tuples.
template <class T>
py::object log_value(const T& v) {
    if constexpr (is_vector_v<T>) {
        return py::tuple(to_plain(v));
    } else if constexpr (std::is_same_v<T, std::optional<provenance>>) {
        if (!v) return py::none();
        py::dict d;
        detail::for_each_member<provenance>([&](auto m) {
            const auto& position = (*v).*m.pointer;
            if (!position) return;
            if constexpr (std::is_same_v<std::decay_t<decltype(*position)>, page_box>) {
                // A PDF box: (left, top, right, bottom) in points, as floats for plotting.
                const auto f = [](const decimal& x) { return py::float_(std::stod(x.to_string())); };
                d[m.name] =
                    py::make_tuple(f(position->left), f(position->top), f(position->right), f(position->bottom));
            } else {
                d[m.name] = py::int_(*position);
            }
        });
        return std::move(d);
    } else {
        return to_plain(v);
    }
}

template <class T>
std::string log_type() {
    if constexpr (is_vector_v<T>)
        return "tuple[str, ...]";
    else if constexpr (std::is_same_v<T, std::optional<provenance>>)
        return "dict[str, int | tuple[float, float, float, float]] | None";
    else
        return type_of<T>(false);
}

const char* member_doc_of_log(std::string_view name) {
    if (name == "level") return "'info' (how the importer decided), 'warning' (uncertain or skipped) or 'error' (lost)";
    if (name == "code") return "stable code, e.g. 'XXGK-I-050' (docs/import.md lists every one); never reused";
    if (name == "message") return "what happened and why (English, quoting the printed Chinese text)";
    if (name == "key") return "the cell key, 'section.row' for a whole row, 'section' for a table; '' otherwise";
    if (name == "where")
        return "where in the input: {'line': …, 'column': …} (1-based) for text, {'table': …, 'row': …, "
               "'cell': …} (0-based) for HTML and Word, {'page': …, 'box': (left, top, right, bottom), …} for PDF "
               "(points from the page's top-left corner); None when it is about no one place";
    if (name == "candidates") return "the readings considered, best first, when there were several (a tuple of str)";
    return "";
}

std::string where_text(const std::optional<provenance>& w) {
    if (!w) return "";
    if (w->page) {
        std::string out = " on page " + std::to_string(*w->page);
        if (w->table) out += ", table " + std::to_string(*w->table);
        if (w->row) out += ", row " + std::to_string(*w->row);
        if (w->cell) out += ", cell " + std::to_string(*w->cell);
        return out;
    }
    if (w->table) {
        std::string out = " at table " + std::to_string(*w->table);
        if (w->row) out += ", row " + std::to_string(*w->row);
        if (w->cell) out += ", cell " + std::to_string(*w->cell);
        return out;
    }
    if (w->line) {
        std::string out = " at line " + std::to_string(*w->line);
        if (w->column) out += ", column " + std::to_string(*w->column);
        return out;
    }
    return "";
}

py::tuple log_values(const import_log_entry& e) {
    py::list parts;
    detail::for_each_member<import_log_entry>([&](auto m) {
        py::object v = log_value(e.*m.pointer);
        if (PyDict_Check(v.ptr())) v = py::tuple(py::reinterpret_borrow<py::dict>(v).attr("items")());
        parts.append(std::move(v));
    });
    return py::tuple(parts);
}

const char* const log_entry_doc =
    R"doc(One entry of an import's log: a decision the importer took, or something it skipped or could not read.

level       'info' (how it decided), 'warning' (uncertain or skipped) or 'error' (lost); also .severity
code        stable code, e.g. 'XXGK-I-050' (xxgk.import_codes() and docs/import.md list every one)
message     what happened and why (English, quoting the printed Chinese text)
key         the cell key, 'section.row' for a whole row, 'section' for a table; '' otherwise
where       {'line': 217, 'column': 2} for text, {'table': 3, 'row': 5, 'cell': 2} for HTML, or None
candidates  the readings considered, best first, when there were several (a tuple of str)

Entries are immutable values: they compare, hash and pickle; ImportLogEntry(**e.to_dict()) == e.)doc";

void bind_import_log_entry(py::module_& m) {
    py::class_<import_log_entry> cls(m, "ImportLogEntry", log_entry_doc);
    cls.def(py::init([](const py::kwargs& members) { return struct_from_mapping<import_log_entry>(members, ""); }),
            "An entry from its members (as ImportLogEntry.to_dict() gives them).");
    std::vector<field_info> fields;
    detail::for_each_member<import_log_entry>([&](auto d) {
        using D = decltype(d);
        using M = detail::member_type<D>;
        const std::string type = log_type<M>();
        const std::string doc = std::string(d.name) + ": " + type + "; " + member_doc_of_log(d.name);
        cls.def_property_readonly(
            d.name, [](const import_log_entry& e) { return log_value(e.*D::pointer); }, doc.c_str());
        fields.push_back({d.name, type, type, doc});
    });
    set_field_info(cls, fields);
    cls.def_property_readonly(
        "severity", [](const import_log_entry& e) { return to_py(e.level); },
        "The same as level (the name Finding uses): 'info', 'warning' or 'error'.");
    cls.def(
        "to_dict",
        [](const import_log_entry& e) {
            py::dict d;
            detail::for_each_member<import_log_entry>(
                [&](auto member) { d[member.name] = log_value(e.*member.pointer); });
            return d;
        },
        "The members as a dict (candidates as a tuple, where as a dict or None); ImportLogEntry(**e.to_dict()) == e.");
    cls.def(
        "__eq__",
        [](const import_log_entry& a, py::handle other) -> py::object {
            if (!py::isinstance<import_log_entry>(other)) return not_implemented();
            return py::bool_(equal(a, other.cast<const import_log_entry&>()));
        },
        py::is_operator());
    cls.def("__hash__", [](const import_log_entry& e) { return py::hash(log_values(e)); });
    cls.def("__repr__", [](const import_log_entry& e) {
        std::string out = "ImportLogEntry(level='" + std::string(boost::describe::enum_to_string(e.level, "?")) +
                          "', code=" + std::string(py::str(py::repr(py::str(e.code))));
        if (!e.key.empty()) out += ", key=" + std::string(py::str(py::repr(py::str(e.key))));
        if (e.where) out += ", where=" + std::string(py::str(py::repr(log_value(e.where))));
        out += ", message=" + short_repr(py::str(e.message));
        if (!e.candidates.empty()) out += ", candidates=<" + std::to_string(e.candidates.size()) + ">";
        return out + ")";
    });
    cls.def("__str__", [](const import_log_entry& e) {
        return "[" + std::string(boost::describe::enum_to_string(e.level, "?")) + "] " + e.code +
               (e.key.empty() ? "" : " " + e.key) + where_text(e.where) + ": " + e.message;
    });
    cls.def(py::pickle(
        [](const import_log_entry& e) {
            py::dict d;
            detail::for_each_member<import_log_entry>(
                [&](auto member) { d[member.name] = to_plain(e.*member.pointer); });
            return py::make_tuple(d);
        },
        [](const py::tuple& state) {
            if (state.size() != 1) raise(PyExc_ValueError, "invalid pickle state for ImportLogEntry");
            return struct_from_mapping<import_log_entry>(state[0], "");
        }));
}

// ---------------------------------------------------------------------------------------------
// Importing

/// (Report, [ImportLogEntry, …]) or, when the input cannot be imported (not a report at all, too
/// large, a scanned PDF, an encrypted or legacy file), (None, problems) in the form of _decode's
/// problems, for ValidationError.from_problems. `kind`: None (detected from the bytes, as
/// import_bytes does), "text", "html", "pdf" or "docx"; `detect`: with a kind, still decode the
/// text's encoding from the bytes (files), rather than taking it as UTF-8 (str and bytes given
/// to import_text / import_html).
py::tuple import_report(py::handle data, py::handle kind, bool detect, py::handle format, py::handle year, bool ocr) {
    import_options options;
    options.ocr = ocr;
    if (!format.is_none()) options.format = format_from_py(format);
    if (!year.is_none()) options.year = static_cast<int>(integer_from_py(year, "year", INT_MIN, INT_MAX));
    std::optional<source_kind> k;
    if (!kind.is_none()) {
        const std::string name = py::cast<std::string>(kind);
        source_kind value{};
        if (!boost::describe::enum_from_string(name.c_str(), value))
            raise(PyExc_ValueError,
                  "kind: expected 'text', 'html', 'pdf', 'docx', 'image' or None, got '" + name + "'");
        k = value;
    }
    // A str is UTF-8; lone surrogates go in as the invalid UTF-8 they encode, which the importer
    // replaces with U+FFFD and logs (XXGK-I-011), as it does for bad bytes.
    const std::string what = !k                         ? "the file"
                             : *k == source_kind::html  ? "the HTML page"
                             : *k == source_kind::pdf   ? "the PDF file"
                             : *k == source_kind::docx  ? "the Word file"
                             : *k == source_kind::image ? "the image"
                                                        : "the text";
    const std::string input = *input_bytes(data, what, true);
    import_result result;
    std::optional<problem> failure;
    {
        py::gil_scoped_release unlocked;  // the input is our own copy; import is pure
        try {
            if (!k || detect) {
                options.kind = k;
                result = import_bytes(input, options);
            } else {
                switch (*k) {
                    case source_kind::text: result = import_text(input, options); break;
                    case source_kind::html: result = import_html(input, options); break;
                    case source_kind::pdf: result = import_pdf(input, options); break;
                    case source_kind::docx: result = import_docx(input, options); break;
                    case source_kind::image: result = import_image(input, options); break;
                }
            }
        } catch (const error& e) {  // not a report at all (invalid_value), too large, a scan, encrypted, legacy
            failure = problem{e.code(), "", e.what(), {}, {}, {}};
        }
    }
    if (failure) return py::make_tuple(py::none(), problems_to_py({*failure}));
    py::list log;
    for (import_log_entry& e : result.log) log.append(py::cast(std::move(e)));
    return py::make_tuple(py::cast(standalone<report>(std::move(result.value))), std::move(log));
}

// ---------------------------------------------------------------------------------------------
// Rendering

/// The findings to highlight: None/False → none; else an iterable of Finding. (True is handled by the caller.)
std::optional<std::vector<finding>> findings_from_py(py::handle findings) {
    if (findings.is_none() || findings.ptr() == Py_False) return std::nullopt;
    if (PyUnicode_Check(findings.ptr()) || PyBytes_Check(findings.ptr()) || is_mapping(findings) ||
        !py::hasattr(findings, "__iter__"))
        raise(PyExc_TypeError,
              "findings: expected None, True or a list of Finding (report.validate()), got " + type_name(findings));
    std::vector<finding> out;
    for (py::handle f : findings) {
        if (!py::isinstance<finding>(f))
            raise(PyExc_TypeError, "findings: expected Finding objects (report.validate()), got " + type_name(f));
        out.push_back(f.cast<const finding&>());
    }
    return out;
}

std::string lang_from_py(py::handle lang) {
    const std::string l = string_from_py(lang, "lang");
    if (l != "zh" && l != "en")
        raise(PyExc_ValueError, "lang: expected 'zh' or 'en', got " + std::string(py::str(py::repr(lang))));
    return l;
}

/// Runs `f(report)` on a copy of the report without the GIL (other threads may change the original).
template <class F>
auto on_copy(const report_node& self, F f) {
    report copy = self.get();
    py::gil_scoped_release unlocked;
    return f(copy);
}

const char* const render_html_doc =
    R"doc(The report as an HTML5 page (UTF-8 text) in the national template's layout (docs/render.md).

standalone  True (default): a whole page with <head>, stylesheet and a restrictive Content-Security-Policy;
            False: one <article class="xxgk-report"> element to embed in a page that styles its classes
findings    None (default): nothing highlighted; True: validate the report and highlight the cells its
            findings name; or a list of Finding (report.validate(), possibly filtered) to highlight
lang        'zh' (default) or 'en': the language of highlighted findings' messages and of the notes the
            renderer adds (labels and report text stay Chinese)

Value cells carry data-key="<canonical key>" and a state class (xxgk-number, xxgk-blank, …); a blank
cell is empty, never 0. All report text is escaped and no URL becomes a link.)doc";

void bind_render(py::module_& m) {
    auto cls = py::reinterpret_borrow<py::class_<report_node>>(m.attr("Report"));
    cls.def(
        "render_html",
        [](const report_node& self, bool standalone, py::handle findings, py::handle lang) {
            render_options options;
            options.standalone = standalone;
            options.lang = lang_from_py(lang);
            report copy =
                self.get();  // rendered (and validated) without the GIL: other threads may change the original
            const bool validate_first = findings.ptr() == Py_True;
            std::optional<std::vector<finding>> highlighted =
                validate_first ? std::nullopt : findings_from_py(findings);
            std::string out;
            {
                py::gil_scoped_release unlocked;
                if (validate_first) highlighted = validate(copy);
                if (highlighted) options.findings = &*highlighted;
                out = render_html(copy, options);
            }
            return py::str(out);
        },
        py::kw_only(), py::arg("standalone") = true, py::arg("findings") = py::none(), py::arg("lang") = "zh",
        render_html_doc);
    cls.def(
        "render_markdown",
        [](const report_node& self) {
            return py::str(on_copy(self, [](const report& r) { return render_markdown(r); }));
        },
        "The report as Markdown (CommonMark with GFM pipe tables): headings, paragraphs and one table per "
        "render_csv_tables() table. Report text is escaped so that it renders as the text it is.");
    cls.def(
        "render_csv_tables",
        [](const report_node& self) {
            const std::vector<csv_table> tables = on_copy(self, [](const report& r) { return render_csv_tables(r); });
            py::dict out;
            for (const csv_table& t : tables) out[py::str(t.name)] = py::str(t.csv);
            return out;
        },
        "The official tables as CSV, {name: csv text}, in table order: one per block of section 二 "
        "('proactive.article_20_1', …), then 'requests' and 'review_litigation'. RFC 4180, '\\n' line ends, "
        "first line the official labels (group levels joined by ' › '); cells as the HTML shows them. "
        "`xxgk render --to csv -o DIR` writes each as DIR/<name>.csv.");
    cls.def(
        "to_cells_csv",
        [](const report_node& self) { return py::str(on_copy(self, [](const report& r) { return to_cells_csv(r); })); },
        "The long format as CSV: one line per cell in table order, columns key, section, row_label, "
        "column_label, value, state, unit, raw (xxgk.CELL_RECORD_FIELDS) — what `xxgk cells` prints and "
        "what to_frame() holds.");
}

}  // namespace

void bind_import_render(py::module_& m) {
    bind_import_log_entry(m);
    bind_render(m);
    m.def("_import", &import_report, py::arg("data"), py::arg("kind"), py::arg("detect"),
          py::arg("format") = py::none(), py::arg("year") = py::none(), py::arg("ocr") = true,
          "Imports a published report; kind None (detected), 'text', 'html', 'pdf', 'docx' or 'image': (Report, "
          "[ImportLogEntry, …]) or, when it cannot be imported, (None, [(type, pointer, message, offset, line, "
          "column)]).");
    m.def(
        "_source_kind_by_extension",
        [](const std::string& path) -> py::object {
            if (auto k = source_kind_by_extension(path)) return py::str(boost::describe::enum_to_string(*k, "text"));
            return py::none();
        },
        py::arg("path"), "'text', 'html', 'pdf', 'docx' or 'image' as the file name says, or None.");
    m.def("ocr_available", &ocr_available,
          "True when this build reads scanned PDFs and images by OCR (XXGK_WITH_OCR).");
    bind_record<import_code_info>(m);  // xxgk/__init__.py pickles an ImportCode by its code (through _import_code)
    m.def(
        "import_codes",
        [] {
            py::list out;
            for (const import_code_info& c : import_code_catalog()) out.append(record_value(&c));
            return out;
        },
        "Every code the importer can log (ImportCode objects), in code order.");
    m.def(
        "_import_code",
        [](const std::string& code) {
            for (const import_code_info& c : import_code_catalog())
                if (c.code == code) return record_value(&c);
            raise(PyExc_KeyError, "'" + code + "' is not a code of the import log");
        },
        py::arg("code"),
        "The catalog entry of an import code (how a pickled ImportCode comes back); KeyError if none.");
    m.def(
        "import_log_to_json",
        [](py::handle entries) {
            std::vector<import_log_entry> log;
            if (PyUnicode_Check(entries.ptr()) || !py::hasattr(entries, "__iter__"))
                raise(PyExc_TypeError, "expected a list of ImportLogEntry, got " + type_name(entries));
            for (py::handle e : entries) {
                if (!py::isinstance<import_log_entry>(e))
                    raise(PyExc_TypeError, "expected ImportLogEntry objects, got " + type_name(e));
                log.push_back(e.cast<const import_log_entry&>());
            }
            return py::str(import_log_to_json(log));
        },
        py::arg("entries"), "The log as a JSON array (what `xxgk import --log-json` writes), deterministic.");
    m.def(
        "json_schema",
        [](py::handle format) {
            const format_version f = format_from_py(format);
            std::string out;
            {
                py::gil_scoped_release unlocked;
                out = json_schema(f);
            }
            return py::str(out);
        },
        py::arg("format"),
        "The JSON Schema (draft 2020-12) of the canonical JSON of a format, as pretty-printed text.");
    m.def(
        "render_css", [] { return py::str(std::string(render_css())); },
        "The stylesheet that makes render_html(standalone=False) look like the national form (docs/render.md).");
}

}  // namespace xxgk::python
