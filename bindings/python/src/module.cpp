// xxgk._core — the pybind11 extension under the Python package `xxgk`.
//
// Binds the C++ API directly. The classes of the model's parts are generated from the Boost.Describe
// descriptions by nodes.hpp (walking `report`'s members recursively); this file adds what is not a
// described member: the Report root (whose tables are a variant), cells, findings (class Finding), decoding,
// and the columns of the pandas frames. The catalogs (cell keys, rules) are bound from their
// descriptions too (records.hpp). The pure-Python package (bindings/python/xxgk) adds
// ValidationError, pandas and file helpers around it.
#include "convert.hpp"
#include "nodes.hpp"
#include "records.hpp"

#include <xxgk/xxgk.hpp>

#include <pybind11/pybind11.h>

#include <algorithm>
#include <climits>
#include <map>
#include <stdexcept>
#include <variant>

namespace xxgk::python {
namespace {

// ---------------------------------------------------------------------------------------------
// Official labels as member docstrings: (parent type, member) → label, from the label tables.

std::map<std::pair<std::type_index, std::string>, std::string>& label_map() {
    static auto* m = new std::map<std::pair<std::type_index, std::string>, std::string>;
    return *m;
}

void put_label(std::type_index parent, std::string_view member, std::string label) {
    label_map().emplace(std::make_pair(parent, std::string(member)), std::move(label));
}

template <class Tables>
void collect_labels(format_version format) {
    const label_table& t = labels(format);
    detail::for_each_member<Tables>([&](auto s) {
        using S = detail::member_type<decltype(s)>;
        if (const section_label* sl = t.section(s.name)) put_label(typeid(report), s.name, std::string(sl->label));
        detail::for_each_member<S>([&](auto r) {
            using R = detail::member_type<decltype(r)>;
            if (const row_label* rl = t.row(s.name, r.name)) {
                const std::string groups = t.row_group_path(s.name, r.name);
                put_label(typeid(S), r.name, (groups.empty() ? "" : groups + " › ") + std::string(rl->label));
            }
            detail::for_each_member<R>([&](auto c) {
                if (const column_label* cl = t.column(s.name, c.name))
                    put_label(typeid(R), c.name,
                              (cl->group.empty() ? "" : std::string(cl->group) + " › ") + std::string(cl->label));
            });
        });
    });
}

}  // namespace

const std::string* member_label(std::type_index parent, std::string_view member) {
    auto it = label_map().find(std::make_pair(parent, std::string(member)));
    return it == label_map().end() ? nullptr : &it->second;
}

/// The class docstring of a class of a portal's parts ("" for other names; portal.cpp).
std::string_view portal_class_doc(std::string_view name) noexcept;

std::string class_doc(std::string_view name) {
    static const std::map<std::string_view, std::string_view> docs{
        {"ReportHeader", "Who published the report, for which year, and the preamble's facts (report.header)."},
        {"DatePeriod", "统计期限: the period the figures cover (start, end as datetime.date)."},
        {"ContactBlock", "The contact block of the preamble: 地址, 邮编, 电话, 传真, 电子邮箱 (all optional)."},
        {"SignatureBlock", "The signature at the end of the report: the publishing body and a date."},
        {"NarrativeSection", "A text section: 一、总体情况 (overview), 五、存在的主要问题及改进情况 (problems), "
                             "六、其他需要报告的事项 (other_matters)."},
        {"Subsection", "A lettered subsection （一）, （二）, … of a narrative section."},
        {"ForeignBlock", "Material printed inside a section that is not part of the report (portal lists, news items); "
                         "kept so that nothing printed is lost, ignored by validation."},
        {"ProcessingFeeStatement", "The structured 信息处理费 statement (2021 format, section 六); amounts in 元."},
        {"TableSectionHeadings", "The printed headings of the table sections 二, 三 and 四."},
        {"Proactive2019", "二、主动公开政府信息情况 of the 2019 format: 8 rows, 22 cells."},
        {"Proactive2021", "二、主动公开政府信息情况 of the 2021 format: 6 rows, 10 cells."},
        {"DocumentRow2019", "2019 第二十条第（一）项 rows 规章 / 规范性文件."},
        {"ItemRow2019", "2019 第二十条第（五）项 and 第（六）项 rows."},
        {"FeeItemRow2019", "2019 第二十条第（八）项 row 行政事业性收费 (item counts only)."},
        {"ProcurementRow2019", "2019 第二十条第（九）项 row 政府集中采购."},
        {"DocumentRow2021", "2021 第二十条第（一）项 rows 规章 / 行政规范性文件."},
        {"DecisionRow2021", "2021 第二十条第（五）项 and 第（六）项 rows."},
        {"FeeAmountRow2021", "2021 第二十条第（八）项 row 行政事业性收费 (amount in 万元)."},
        {"Requests2019", "三、收到和处理政府信息公开申请情况 of the 2019 format: 23 rows."},
        {"Requests2021",
         "三、收到和处理政府信息公开申请情况 of the 2021 format: 25 rows; （六）其他处理 is a group of three."},
        {"ApplicantRow",
         "One row of section 三: the seven 申请人情况 columns (自然人, 法人或其他组织 ×5, 总计), plus an "
         "optional printed 法人或其他组织 subtotal that has no key."},
        {"ReviewLitigationTable", "四、政府信息公开行政复议、行政诉讼情况: 3 groups × 5 columns (both formats)."},
        {"CaseRow", "One group of section 四: five case counts."},
        {"Provenance",
         "Where an imported cell came from: line and column (1-based) for text imports; table, row and cell "
         "(0-based) for HTML and Word imports; page (1-based) and box, plus the rebuilt table's table, row and "
         "cell, for PDF imports."},
        {"PageBox", "A box on a PDF page: left, top, right, bottom in points (1/72 inch) from the page's top-left "
                    "corner, exact decimals."},
    };
    auto it = docs.find(name);
    if (it != docs.end()) return std::string(it->second);
    if (const std::string_view portal = portal_class_doc(name); !portal.empty()) return std::string(portal);
    return std::string("Part of a report (") + std::string(name) + ").";
}

namespace {

using report_node = node<report>;

// ---------------------------------------------------------------------------------------------
// Formats and keys

[[noreturn]] void raise_unknown_key(const report& r, const std::string& key) {
    std::string message;
    try {
        (void)cell_at(r, key);
        message = "'" + key + "' is not a cell key";
    } catch (const key_error& e) {
        message = e.what();
    }
    const py::object cls = py::module_::import("xxgk._errors").attr("UnknownKeyError");
    PyErr_SetObject(cls.ptr(), cls(message, key, std::string(to_string(r.format()))).ptr());
    throw py::error_already_set();
}

std::string key_from_py(py::handle key) {
    if (!PyUnicode_Check(key.ptr()))
        raise(PyExc_TypeError, "cell keys are str such as 'requests.granted.total', got " + type_name(key));
    return string_from_py(key, "");
}

node<cell> cell_node(const report_node& self, const cell_key& k) {
    const format_version format = self.get().format();
    const std::size_t index = k.index;
    node<cell> n = child<cell>(
        self, [format, index](report& r) -> cell* { return r.format() == format ? &cell_at(r, index) : nullptr; },
        k.key);
    n.kind = k.kind;
    return n;
}

/// The format whose catalog holds `k` (every cell_key the binding sees is an entry of cell_keys()).
format_version format_of(const cell_key& k) {
    for (format_version f : all_formats)
        if (find_cell_key(f, k.key) == &k) return f;
    throw std::logic_error("a cell_key outside cell_keys()");
}

/// The cell keys (_CellKeyInfo, with RowLabel and ColumnLabel) and the rule catalog (Rule), bound
/// from their descriptions (records.hpp); what is not a member of cell_key — its format and the
/// labels read from the format's label table — is added here.
void bind_catalogs(py::module_& m) {
    record_class<cell_key> keys = bind_record<cell_key>(m);
    add_record_field(keys, "format_version", "str", "the format whose key this is ('2019' or '2021')",
                     [](const cell_key& k) { return std::string(to_string(format_of(k))); });
    add_record_field(keys, "section_label", "str", "the section's official label",
                     [](const cell_key& k) { return std::string(labels(format_of(k)).section(k.section)->label); });
    add_record_field(keys, "row_label", "str", "the row's official leaf label (row_info.label)",
                     [](const cell_key& k) { return std::string(k.row_info->label); });
    add_record_field(keys, "row_group", "str", "the row's group labels, outermost first, joined by ' › ' ('' if none)",
                     [](const cell_key& k) { return labels(format_of(k)).row_group_path(k.section, k.row); });
    add_record_field(keys, "column_label", "str", "the column's official leaf label (column_info.label)",
                     [](const cell_key& k) { return std::string(k.column_info->label); });
    add_record_field(keys, "column_group", "str", "the spanning column label (column_info.group), '' if none",
                     [](const cell_key& k) { return std::string(k.column_info->group); });
    add_record_field(keys, "label_path", "str", "the cell's full Chinese name",
                     [](const cell_key& k) { return k.label_path(format_of(k)); });
    m.def(
        "key_table",
        [](py::handle format) {
            py::list out;
            for (const cell_key& k : cell_keys(format_from_py(format))) out.append(record_value(&k));
            return out;
        },
        py::arg("format"),
        "Every cell key of a format (_CellKeyInfo), in table order; xxgk.keys() makes CellKeys of them.");

    bind_record<rule_info>(m);  // xxgk/__init__.py pickles a Rule by its code (through _rule)
    m.def(
        "_rule",
        [](const std::string& code) {
            const rule_info* r = find_rule(code);
            if (!r) raise(PyExc_KeyError, "'" + code + "' is not a code of the rule catalog");
            return record_value(r);
        },
        py::arg("code"), "The catalog entry of a code (how a pickled Rule comes back); KeyError if none.");
    m.def(
        "rules",
        [] {
            py::list out;
            for (const rule_info& r : rule_catalog()) out.append(record_value(&r));
            return out;
        },
        "The rule catalog (Rule objects), in code order.");
}

// ---------------------------------------------------------------------------------------------
// Decoding

py::tuple decode(py::handle data, bool strict) {
    return decode_to_py<report>(data, strict, [](const std::string& text, const decode_options& options) {
        return decode_json(text, options);
    });
}

// ---------------------------------------------------------------------------------------------
// Report

std::string report_repr(const report& r) {
    return "Report(body=" + short_repr(py::str(r.header.body)) + ", year=" + std::to_string(r.header.year) +
           ", format='" + std::string(to_string(r.format())) + "')";
}

py::object report_to_plain(const report& r) {
    py::dict d;
    d["format"] = std::string(to_string(r.format()));
    detail::for_each_member<report>([&](auto m) {
        using M = detail::member_type<decltype(m)>;
        if constexpr (std::is_same_v<M, report_tables>) {
            std::visit(
                [&](const auto& t) {
                    detail::for_each_member<std::decay_t<decltype(t)>>(
                        [&](auto s) { d[s.name] = to_plain(t.*s.pointer); });
                },
                r.tables);
        } else {
            d[m.name] = to_plain(r.*m.pointer);
        }
    });
    return std::move(d);
}

/// Binds proactive, requests, review_litigation: the members of whichever tables_* the variant holds.
void bind_table_sections(py::module_& m, py::class_<report_node>& cls, std::vector<field_info>& fields) {
    // Each alternative's section types get their classes.
    std::vector<std::string> names_2019, names_2021;
    detail::for_each_member<tables_2019>([&](auto s) {
        bind_type<detail::member_type<decltype(s)>>(m);
        names_2019.push_back(s.name);
    });
    detail::for_each_member<tables_2021>([&](auto s) {
        bind_type<detail::member_type<decltype(s)>>(m);
        names_2021.push_back(s.name);
    });
    if (names_2019 != names_2021) throw std::logic_error("tables_2019 and tables_2021 must have the same sections");

    detail::for_each_member<tables_2019>([&](auto s) {
        const std::string name = s.name;
        std::string get_type, set_type;
        detail::for_each_member<tables_2019>([&](auto a) {
            if (name == a.name) get_type = type_of<detail::member_type<decltype(a)>>(false);
        });
        detail::for_each_member<tables_2021>([&](auto b) {
            if (name == b.name && type_of<detail::member_type<decltype(b)>>(false) != get_type)
                get_type += " | " + type_of<detail::member_type<decltype(b)>>(false);
        });
        set_type = get_type + " | Mapping[str, Any]";
        const std::string* label = member_label(typeid(report), name);
        const std::string doc = (label ? *label + "\n\n" : std::string()) + name + ": " + get_type +
                                " (the class follows the report's format)";
        cls.def_property(
            s.name,
            [name](const report_node& self) -> py::object {
                py::object out;
                std::visit(
                    [&](auto& t) {
                        using Tables = std::decay_t<decltype(t)>;
                        detail::for_each_member<Tables>([&](auto d) {
                            using D = decltype(d);
                            using M = detail::member_type<D>;
                            if (out || name != d.name) return;
                            out = get_member<M>(
                                self,
                                [](report& r) -> M* {
                                    auto* tables = std::get_if<Tables>(&r.tables);
                                    return tables ? &(tables->*D::pointer) : nullptr;
                                },
                                name);
                        });
                    },
                    self.get().tables);
                return out;
            },
            [name](const report_node& self, py::handle value) {
                std::visit(
                    [&](auto& t) {
                        using Tables = std::decay_t<decltype(t)>;
                        detail::for_each_member<Tables>([&](auto d) {
                            using D = decltype(d);
                            using M = detail::member_type<D>;
                            if (name != d.name) return;
                            set_member<M>(
                                self,
                                [](report& r) -> M* {
                                    auto* tables = std::get_if<Tables>(&r.tables);
                                    return tables ? &(tables->*D::pointer) : nullptr;
                                },
                                value, name);
                        });
                    },
                    self.get().tables);
            },
            doc.c_str());
        fields.push_back({name, get_type, set_type, doc});
    });
}

const char* const report_doc =
    R"doc(One 政府信息公开工作年度报告: header, sections 一 to 六, in the 2019 or 2021 format.

Create one with xxgk.load(path), xxgk.loads(text) or Report(format="2021") (every cell blank).
Keyword arguments set members: Report(format="2021", header={"body": "…", "year": 2022}).

Members are views into the report, so edits stick:
    report.header.body                      # str
    report.requests.granted.natural_person  # a Cell; .value is an int, a Decimal or None (blank)
    report.requests.granted.total = 5       # assign an int, a Decimal, None (blank) or a Cell
    report["requests.granted.total"]        # the same cell by its canonical key (KeyError if unknown)
    report.overview.subsections[0].title

report.validate() returns Finding objects; report.check() raises ValidationError on errors;
report.dumps() is the canonical JSON; report.to_frame() is a pandas frame with one row per cell.
Reports compare with ==, copy with copy(), and pickle (through their canonical JSON).)doc";

const char* const cell_doc = R"doc(One statistical cell of sections 二, 三 and 四.

state  'number', 'blank' (printed empty), 'not_applicable' ('-', '/', '不适用'), 'text'
       (printed text that is not a number) or 'not_captured' (an importer could not find it)
value  an int (integers), a decimal.Decimal (amounts with digits after the point) or None
       (any state but 'number'). A blank is never 0.
unit   'yuan' (元), 'wan_yuan' (万元) or None: the unit written in a money cell
raw    the printed text, when known; source: its Provenance, when known
kind   what the cell's key admits: 'count', 'signed_count', 'amount', 'amount_wan_yuan' (None for a
       cell made in Python); key: the canonical key ('requests.granted.total') or None

A cell read from a report is a view: setting .value, .state, .unit, .raw or .source changes the
report. Cell(5), Cell(Decimal('17424.88'), unit='wan_yuan'), Cell() (blank),
Cell.not_applicable('-') and Cell.text('不详') make new cells to assign. A cell equals another
Cell with the same state, value, unit, raw text and source; it also equals a number when it holds
that number, and None when it is blank.)doc";

void bind_cell(py::module_& m) {
    using N = node<cell>;
    bind_type<page_box>(m);    // provenance.box (PDF)
    bind_type<provenance>(m);  // cell.source: not a described member of a described struct
    py::class_<N> cls(m, "Cell", cell_doc);
    cls.def(py::init([](py::handle value, py::handle state, py::handle unit, py::handle raw, py::handle source) {
                py::dict d;
                if (!value.is_none()) {
                    if (PyUnicode_Check(value.ptr()))
                        raise(PyExc_TypeError,
                              "Cell(value): expected an int or a decimal.Decimal, got str; for printed "
                              "text use Cell.text(...) or Cell.not_applicable(...)");
                    d["value"] = value;
                }
                if (!state.is_none()) d["state"] = state;
                if (!unit.is_none()) d["unit"] = unit;
                if (!raw.is_none()) d["raw"] = raw;
                if (!source.is_none()) d["source"] = source;
                return standalone<cell>(cell_from_py(d, "Cell"));
            }),
            py::arg("value") = py::none(), py::kw_only(), py::arg("state") = py::none(), py::arg("unit") = py::none(),
            py::arg("raw") = py::none(), py::arg("source") = py::none(),
            "A new cell: Cell() is blank, Cell(5) a number; state, unit, raw and source as for the attributes.");
    cls.def_static(
        "blank", [] { return standalone<cell>(cell::blank()); }, "A blank cell (printed empty).");
    cls.def_static(
        "number",
        [](py::handle value, py::handle unit) {
            const decimal d = decimal_from_py(value, "value", false);
            const money_unit u = unit.is_none() ? money_unit::none : enum_from_py<money_unit>(unit, "unit");
            return standalone<cell>(cell::number(d, u));
        },
        py::arg("value"), py::arg("unit") = py::none(), "A number, with the unit written in a money cell.");
    cls.def_static(
        "not_applicable",
        [](py::handle raw) { return standalone<cell>(cell::not_applicable(string_from_py(raw, "raw"))); },
        py::arg("raw") = "-", "Not applicable, as printed ('-', '/', '不适用').");
    cls.def_static(
        "text", [](py::handle raw) { return standalone<cell>(cell::text(string_from_py(raw, "raw"))); }, py::arg("raw"),
        "Printed text that is not a number of the cell's type.");
    cls.def_static(
        "not_captured", [] { return standalone<cell>(cell::not_captured()); }, "A cell an importer could not locate.");

    cls.def_property(
        "state", [](const N& self) { return to_py(self.get().state()); },
        [](const N& self, py::handle v) {
            const cell_state s = enum_from_py<cell_state>(v, join(self.path, "state"));
            cell& c = self.get();
            if (s == cell_state::number && !c.is_number())
                raise(PyExc_ValueError,
                      where(join(self.path, "state")) + "a cell becomes a number by setting its value, not its state");
            c.set_state(s);
        },
        "'number', 'blank', 'not_applicable', 'text' or 'not_captured'. Leaving 'number' drops value and unit.");
    cls.def_property(
        "value", [](const N& self) { return cell_value_to_py(self.get()); },
        [](const N& self, py::handle v) {
            if (v.is_none()) {
                self.get().set_state(cell_state::blank);
                return;
            }
            const decimal d = decimal_from_py(v, join(self.path, "value"), false);
            cell& c = self.get();
            c.set_value(d, c.unit());
        },
        "The number (int, or decimal.Decimal when it has digits after the point); None unless the state is "
        "'number'. Assigning a number makes the cell a number (keeping unit, raw and source); assigning None "
        "makes it blank.");
    cls.def_property(
        "unit",
        [](const N& self) -> py::object {
            const cell& c = self.get();
            return c.unit() == money_unit::none ? py::none() : to_py(c.unit());
        },
        [](const N& self, py::handle v) {
            const money_unit u = v.is_none() ? money_unit::none : enum_from_py<money_unit>(v, join(self.path, "unit"));
            cell& c = self.get();
            if (!c.is_number()) {
                if (u == money_unit::none) return;
                raise(PyExc_ValueError, where(join(self.path, "unit")) + "a unit is allowed only with a value");
            }
            c.set_value(c.value(), u);
        },
        "The unit written with a money value: 'yuan' (元), 'wan_yuan' (万元) or None.");
    cls.def_property(
        "raw",
        [](const N& self) -> py::object {
            const auto& raw = self.get().raw();
            return raw ? py::object(py::str(*raw)) : py::none();
        },
        [](const N& self, py::handle v) {
            std::optional<std::string> raw;
            if (!v.is_none()) raw = string_from_py(v, join(self.path, "raw"));
            self.get().set_raw(std::move(raw));
        },
        "The cell's text as printed (str), or None when not known.");
    cls.def_property(
        "source",
        [](const N& self) -> py::object {
            if (!self.get().source()) return py::none();
            // The provenance lives in the cell's (non-const) detail block: a view, like every other part.
            return py::cast(child<provenance>(
                self,
                [](cell& c) -> provenance* { return c.source() ? const_cast<provenance*>(&*c.source()) : nullptr; },
                join(self.path, "source")));
        },
        [](const N& self, py::handle v) {
            auto p = from_py<std::optional<provenance>>(v, join(self.path, "source"));
            self.get().set_source(p);
        },
        "Where the cell came from (Provenance), or None.");
    cls.def_property_readonly(
        "kind", [](const N& self) -> py::object { return self.kind ? to_py(*self.kind) : py::none(); },
        "What the cell's key admits: 'count', 'signed_count', 'amount', 'amount_wan_yuan'; None for a cell made in "
        "Python.");
    cls.def_property_readonly(
        "key",
        [](const N& self) -> py::object {
            for (format_version f : all_formats)
                if (find_cell_key(f, self.path)) return py::str(self.path);
            return py::none();
        },
        "The canonical key of a cell read from a report ('requests.granted.total'), else None.");
    cls.def_property_readonly(
        "is_blank", [](const N& self) { return self.get().is_blank(); },
        "True when the cell is blank (printed empty). A blank is never 0.");
    cls.def_property_readonly(
        "is_number", [](const N& self) { return self.get().is_number(); },
        "True when the cell holds a number (an explicit 0 included).");
    cls.def(
        "__eq__",
        [](const N& self, py::handle other) -> py::object {
            const cell& c = self.get();
            if (py::isinstance<N>(other)) return py::bool_(c == other.cast<const N&>().get());
            if (other.is_none()) return py::bool_(c.is_blank());
            if ((PyLong_Check(other.ptr()) && !PyBool_Check(other.ptr())) || py::isinstance(other, classes().decimal)) {
                if (!c.is_number()) return py::bool_(false);
                return py::bool_(cell_value_to_py(c).equal(other));
            }
            return not_implemented();
        },
        py::is_operator());
    cls.def("__repr__", [](const N& self) {
        const cell& c = self.get();
        std::string out = "Cell(";
        auto add = [&](const std::string& part) { out += (out.size() > 5 ? ", " : "") + part; };
        if (c.is_number())
            add(std::string(py::str(py::repr(cell_value_to_py(c)))));
        else if (!c.is_blank() || c.has_detail())
            add("state='" + std::string(boost::describe::enum_to_string(c.state(), "?")) + "'");
        if (c.unit() != money_unit::none)
            add("unit='" + std::string(boost::describe::enum_to_string(c.unit(), "?")) + "'");
        if (c.raw()) add("raw=" + short_repr(py::str(*c.raw())));
        if (c.source()) add("source=" + repr_of(*c.source(), 0));
        return out + ")";
    });
    cls.def(
        "to_dict",
        [](const N& self) {
            const cell& c = self.get();
            py::dict d;
            d["state"] = to_py(c.state());
            d["value"] = cell_value_to_py(c);
            d["unit"] = c.unit() == money_unit::none ? py::none() : to_py(c.unit());
            d["raw"] = c.raw() ? py::object(py::str(*c.raw())) : py::none();
            d["source"] = c.source() ? to_plain(*c.source()) : py::none();
            return d;
        },
        "The cell as a dict: state, value, unit, raw, source (Cell(**cell.to_dict()) makes an equal cell).");
    cls.def(
        "copy", [](const N& self) { return standalone<cell>(self.get()); }, "An independent copy of the cell.");
    cls.def("__copy__", [](const N& self) { return standalone<cell>(self.get()); });
    cls.def("__deepcopy__", [](const N& self, py::handle) { return standalone<cell>(self.get()); });
    cls.def(py::pickle(
        [](const N& self) {
            return py::make_tuple(cell_to_plain(self.get()), self.kind ? to_py(*self.kind) : py::none());
        },
        [](const py::tuple& state) {
            if (state.size() != 2) raise(PyExc_ValueError, "invalid pickle state for Cell");
            N n = standalone<cell>(cell_from_py(state[0], ""));
            if (!state[1].is_none()) n.kind = enum_from_py<value_kind>(state[1], "kind");
            return n;
        }));
    cls.def("__getattr__",
            [](const N& self, const std::string& attr) -> py::object { raise_no_attribute("Cell", self.path, attr); });
}

void bind_report(py::module_& m) {
    py::class_<report_node> cls(m, "Report", report_doc);
    std::vector<field_info> fields;
    detail::for_each_member<report>([&](auto d) {
        using M = detail::member_type<decltype(d)>;
        if constexpr (std::is_same_v<M, report_tables>) {
            bind_table_sections(m, cls, fields);
        } else {
            bind_type<M>(m);
            bind_member<report, decltype(d)>(cls, fields);
        }
    });
    // A 2019 report has no structured fee statement (the decoder refuses one): keep the model encodable.
    const py::object fees = cls.attr("processing_fees");
    cls.def_property(
        "processing_fees", [fees](py::handle self) { return fees.attr("fget")(self); },
        [fees](const report_node& self, py::handle value) {
            if (!value.is_none() && self.get().format() == format_version::v2019)
                raise(PyExc_ValueError, "processing_fees: the structured 信息处理费 statement exists only in the 2021 "
                                        "format; report fees of a 2019-format report in other_matters");
            fees.attr("fset")(py::cast(self), value);
        },
        py::str(fees.attr("__doc__")).cast<std::string>().append(" (2021 format only)").c_str());
    set_field_info(cls, fields);
    std::vector<std::string> member_names;
    for (const field_info& f : fields) member_names.push_back(f.name);

    cls.def(py::init([member_names](py::handle format, const py::kwargs& members) {
                report_node n = standalone<report>(report::make(format_from_py(format)));
                py::object self = py::cast(n);  // shares the report: setting its members fills `n`
                for (auto item : members) {
                    const std::string name = py::str(item.first);
                    if (std::find(member_names.begin(), member_names.end(), name) == member_names.end())
                        raise(PyExc_TypeError, "Report() got an unexpected keyword argument '" + name + "'");
                    self.attr(item.first) = item.second;
                }
                return n;
            }),
            py::arg("format") = "2021",
            "An empty report of the format ('2019' or '2021'; every cell blank, header empty). Keyword "
            "arguments set members: header, overview, proactive, requests, review_litigation, problems, "
            "other_matters, processing_fees, table_headings (objects or dicts).");
    cls.def_property_readonly(
        "format", [](const report_node& self) { return std::string(to_string(self.get().format())); },
        "The format version: '2019' (国办公开办函〔2019〕60号) or '2021' (国办公开办函〔2021〕30号).");
    cls.def_property(
        "year", [](const report_node& self) { return self.get().header.year; },
        [](const report_node& self, py::handle v) {
            set_member<int>(
                self, [](report& r) { return &r.header.year; }, v, "header.year");
        },
        "The report year (header.year).");
    cls.def(
        "__getitem__",
        [](const report_node& self, py::handle key) {
            const std::string k = key_from_py(key);
            const cell_key* ck = find_cell_key(self.get().format(), k);
            if (!ck) raise_unknown_key(self.get(), k);
            return cell_node(self, *ck);
        },
        py::arg("key"),
        "The cell at a canonical key ('requests.granted.total'); UnknownKeyError (a KeyError) if the format has no "
        "such cell.");
    cls.def(
        "__setitem__",
        [](const report_node& self, py::handle key, py::handle value) {
            const std::string k = key_from_py(key);
            if (!find_cell_key(self.get().format(), k)) raise_unknown_key(self.get(), k);
            cell converted = cell_from_py(value, k);
            cell_at(self.get(), k) = std::move(converted);
        },
        py::arg("key"), py::arg("value"),
        "Replaces the cell at a key: an int, a decimal.Decimal, None (blank), a Cell or a dict.");
    cls.def("__contains__", [](const report_node& self, py::handle key) {
        return PyUnicode_Check(key.ptr()) && find_cell_key(self.get().format(), string_from_py(key, "")) != nullptr;
    });
    cls.def(
        "dumps", [](const report_node& self) { return py::str(to_json(self.get())); },
        "The canonical JSON (docs/json-format.md): compact, deterministic, byte-identical to the C++ to_json.");
    // JSON Pointers (xxgk/pointer.hpp): (text, problems); __init__.py raises for the problems.
    // A malformed pointer raises ValueError, a list index past the end IndexError (pybind11's
    // translations of std::invalid_argument and std::out_of_range).
    cls.def(
        "_get_json",
        [](const report_node& self, const std::string& pointer) {
            try {
                return py::make_tuple(py::str(get_json(self.get(), pointer)), py::list());
            } catch (const decode_error& e) {
                return py::make_tuple(py::none(), problems_to_py(e.problems()));
            }
        },
        py::arg("pointer"));
    cls.def(
        "_set_json",
        [](const report_node& self, const std::string& pointer, py::handle json) {
            const std::optional<std::string> text = input_bytes(json, "the JSON text", false);
            if (!text)
                return problems_to_py({{errc::invalid_json,
                                        pointer,
                                        "the text is not valid Unicode (it contains a lone surrogate)",
                                        {},
                                        {},
                                        {}}});
            try {
                set_json(self.get(), pointer, *text);
            } catch (const decode_error& e) {
                return problems_to_py(e.problems());
            }
            return py::list();
        },
        py::arg("pointer"), py::arg("json"));
    cls.def(
        "validate",
        [](const report_node& self, bool include_info, bool narrative) {
            return validated(self.get(), include_info, narrative);
        },
        py::arg("include_info") = true, py::arg("narrative") = false,
        "Checks the report against the rules of its format (docs/rules.md) and returns every finding as a list "
        "of Finding, roots first. Never raises for a finding; include_info=False drops severity 'info'; "
        "narrative=True also compares the figures stated in sections 一 and 五 with the tables (XXGK-N-006).");
    cls.def_property_readonly(
        "unknown_members",
        [](const report_node& self) {
            py::list out;
            for (const unknown_member& u : self.get().unknown_members)
                out.append(py::make_tuple(u.parent_pointer, u.name, u.json));
            return out;
        },
        "Members kept by a lax load (strict=False) that the model does not have, as (parent_pointer, name, json) "
        "tuples; dumps() writes them back.");
    cls.def(
        "to_dict", [](const report_node& self) { return report_to_plain(self.get()); },
        "The report as plain Python data: {'format': …, 'header': {…}, 'proactive': {…}, …}; "
        "Report(**report.to_dict()) makes an equal report (unknown members aside).");
    cls.def(
        "_cell_columns",
        [](const report_node& self, bool exact) {
            const report& r = self.get();
            const std::vector<cell_record> records = cell_records(r);
            py::dict out;
            auto intern = [](const std::string& s) {
                PyObject* o = PyUnicode_InternFromString(s.c_str());
                if (!o) throw py::error_already_set();
                return py::reinterpret_steal<py::object>(o);
            };
            detail::for_each_member<cell_record>([&](auto d) {
                const std::string_view name = d.name;
                py::list column(records.size());
                for (std::size_t i = 0; i < records.size(); ++i) {
                    const std::string& s = records[i].*d.pointer;
                    py::object v;
                    if (name == "value") {
                        // The number from the cell itself, not its printed form: exact (int / Decimal) or float.
                        const cell& c = cell_at(r, i);
                        if (!c.is_number())
                            v = py::none();
                        else if (exact)
                            v = to_py(c.value());
                        else
                            v = py::float_(PyOS_string_to_double(c.value().to_string().c_str(), nullptr, nullptr));
                    } else if (name == "raw") {
                        v = cell_at(r, i).raw() ? py::object(py::str(s)) : py::none();
                    } else {
                        v = s.empty() ? py::none() : intern(s);
                    }
                    column[i] = std::move(v);
                }
                out[d.name] = std::move(column);
            });
            return out;
        },
        py::arg("exact"));
    cls.def(
        "__eq__",
        [](const report_node& self, py::handle other) -> py::object {
            if (!py::isinstance<report_node>(other)) return not_implemented();
            return py::bool_(self.get() == other.cast<const report_node&>().get());
        },
        py::is_operator());
    cls.def("__repr__", [](const report_node& self) { return report_repr(self.get()); });
    cls.def(
        "copy", [](const report_node& self) { return standalone<report>(self.get()); },
        "An independent copy of the report.");
    cls.def("__copy__", [](const report_node& self) { return standalone<report>(self.get()); });
    cls.def("__deepcopy__", [](const report_node& self, py::handle) { return standalone<report>(self.get()); });
    // Pickled as the canonical JSON, decoded strictly. A report loaded in lax mode also records
    // where its kept members are, (json, [(parent_pointer, name), …]): only those may come back
    // (a lax decode, then the kept members compared), so that a tampered pickle cannot smuggle
    // members in.
    cls.def(py::pickle(
        [](const report_node& self) {
            const report& r = self.get();
            if (r.unknown_members.empty()) return py::make_tuple(to_json(r));
            py::list kept;
            for (const unknown_member& u : r.unknown_members) kept.append(py::make_tuple(u.parent_pointer, u.name));
            return py::make_tuple(to_json(r), kept);
        },
        [](const py::tuple& state) {
            if ((state.size() != 1 && state.size() != 2) || !PyUnicode_Check(state[0].ptr()))
                raise(PyExc_ValueError, "invalid pickle state for Report");
            std::vector<std::pair<std::string, std::string>> kept;
            if (state.size() == 2) {
                if (!py::isinstance<py::list>(state[1]))
                    raise(PyExc_ValueError, "invalid pickle state for Report: the kept members are not a list");
                for (py::handle k : state[1]) {
                    if (!py::isinstance<py::tuple>(k) || py::len(k) != 2)
                        raise(PyExc_ValueError, "invalid pickle state for Report: a kept member is not (parent, name)");
                    kept.emplace_back(string_from_py(k[py::int_(0)], ""), string_from_py(k[py::int_(1)], ""));
                }
            }
            decode_options options;
            options.strict = state.size() == 1;
            decode_result result = decode_json(string_from_py(state[0], ""), options);
            if (!result.ok()) {
                const problem& p = result.problems.front();
                std::string more =
                    result.problems.size() > 1 ? " (and " + std::to_string(result.problems.size() - 1) + " more)" : "";
                raise(PyExc_ValueError, "invalid pickled Report (tampered with, or not from xxgk): " +
                                            (p.pointer.empty() ? std::string("/") : p.pointer) + ": " + p.message +
                                            more);
            }
            std::vector<std::pair<std::string, std::string>> found;
            for (const unknown_member& u : result.value->unknown_members) found.emplace_back(u.parent_pointer, u.name);
            if (found != kept) {
                for (const auto& f : found)
                    if (std::find(kept.begin(), kept.end(), f) == kept.end())
                        raise(PyExc_ValueError, "invalid pickled Report (tampered with, or not from xxgk): " + f.first +
                                                    "/" + f.second + ": unknown member '" + f.second +
                                                    "' is not one the pickled report kept");
                raise(PyExc_ValueError, "invalid pickled Report (tampered with, or not from xxgk): the members "
                                        "it records as kept are not those in its JSON");
            }
            return standalone<report>(std::move(*result.value));
        }));
    cls.def("__getattr__",
            [](const report_node&, const std::string& attr) -> py::object { raise_no_attribute("Report", "", attr); });
}

// ---------------------------------------------------------------------------------------------
// Finding: one finding of validate()

template <class T>
py::object finding_value(const T& v) {
    if constexpr (is_vector_v<T>) {
        py::list l = to_plain(v);
        return py::tuple(l);  // findings are values: a tuple, so that nothing looks editable
    } else {
        return to_py(v);
    }
}

const char* const finding_doc = R"doc(One finding of Report.validate() (docs/rules.md lists every code).

code        stable code, e.g. 'XXGK-T3-004'; never reused
severity    'error', 'warning' or 'info'
rule        the rule of docs/formats.md §9 ('R2') or the check's family ('header')
key         the cell key the finding is about; '' when it is not about one cell
pointer     JSON Pointer of that cell or field
expected    the value the rule expects ('' when none; '≥ N' when only a bound is known)
actual      the value printed ('blank', 'not_applicable', 'text' for cells without a number)
cells       every cell key taking part in the check (a tuple)
message_zh  中文说明; message_en: English; message(lang) picks one
caused_by   '<code> <key>' of the root finding this one follows from, else ''

Issues are immutable values: they compare, hash and pickle. Never parse the messages.)doc";

void bind_finding(py::module_& m) {
    py::class_<finding> cls(m, "Finding", finding_doc);
    cls.def(py::init([](const py::kwargs& members) { return struct_from_mapping<finding>(members, ""); }),
            "An issue from its members (as Finding.to_dict() gives them).");
    std::vector<field_info> fields;
    detail::for_each_member<finding>([&](auto d) {
        using D = decltype(d);
        using M = detail::member_type<D>;
        const std::string type = is_vector_v<M> ? std::string("tuple[str, ...]") : type_of<M>(false);
        const std::string doc = std::string(d.name) + ": " + type;
        cls.def_property_readonly(
            d.name, [](const finding& f) { return finding_value(f.*D::pointer); }, doc.c_str());
        fields.push_back({d.name, type, type, doc});
    });
    set_field_info(cls, fields);
    cls.def(
        "message",
        [](const finding& f, const std::string& lang) {
            if (lang == "zh") return f.message_zh;
            if (lang == "en") return f.message_en;
            raise(PyExc_ValueError, "lang: expected 'zh' or 'en', got '" + lang + "'");
        },
        py::arg("lang") = "zh", "The message in Chinese ('zh', the default) or English ('en').");
    cls.def(
        "to_dict",
        [](const finding& f) {
            py::dict d;
            detail::for_each_member<finding>([&](auto member) { d[member.name] = finding_value(f.*member.pointer); });
            return d;
        },
        "The members as a dict (cells as a tuple); Finding(**issue.to_dict()) == issue.");
    cls.def(
        "__eq__",
        [](const finding& a, py::handle other) -> py::object {
            if (!py::isinstance<finding>(other)) return not_implemented();
            return py::bool_(equal(a, other.cast<const finding&>()));
        },
        py::is_operator());
    cls.def("__hash__", [](const finding& f) {
        py::list parts;
        detail::for_each_member<finding>([&](auto member) { parts.append(finding_value(f.*member.pointer)); });
        return py::hash(py::tuple(parts));
    });
    cls.def("__repr__", [](const finding& f) {
        std::string out =
            "Finding(code='" + f.code + "', severity='" + boost::describe::enum_to_string(f.severity, "?") + "'";
        if (!f.key.empty())
            out += ", key='" + f.key + "'";
        else if (!f.pointer.empty())
            out += ", pointer='" + f.pointer + "'";
        if (!f.expected.empty()) out += ", expected=" + std::string(py::str(py::repr(py::str(f.expected))));
        if (!f.actual.empty()) out += ", actual=" + std::string(py::str(py::repr(py::str(f.actual))));
        return out + ")";
    });
    cls.def("__str__", [](const finding& f) {
        const std::string where = f.key.empty() ? f.pointer : f.key;
        return "[" + std::string(boost::describe::enum_to_string(f.severity, "?")) + "] " + f.code +
               (where.empty() ? "" : " " + where) + ": " + f.message_zh;
    });
    cls.def(py::pickle(
        [](const finding& f) {
            py::dict d;
            detail::for_each_member<finding>([&](auto member) { d[member.name] = to_plain(f.*member.pointer); });
            return py::make_tuple(d);
        },
        [](const py::tuple& state) {
            if (state.size() != 1) raise(PyExc_ValueError, "invalid pickle state for Finding");
            return struct_from_mapping<finding>(state[0], "");
        }));
}

}  // namespace
}  // namespace xxgk::python

PYBIND11_MODULE(_core, m) {
    namespace py = pybind11;
    using namespace xxgk;
    using namespace xxgk::python;

    m.doc() = "xxgk._core: the C++ core of the xxgk package (import xxgk, not this module).";
    init_classes();
    collect_labels<tables_2019>(format_version::v2019);
    collect_labels<tables_2021>(format_version::v2021);

    bind_cell(m);
    bind_finding(m);
    bind_catalogs(m);       // cell keys (with their row and column labels) and the rule catalog
    bind_report(m);         // and, through the descriptions, every class of the report's parts
    bind_import_render(m);  // import_text/import_html, ImportLogEntry, Report.render_*, json_schema
    bind_portal(m);         // portal.cpp: Portal and its parts
    bind_multi(m);          // aggregate, check_aggregate, validate_series, check_narrative
    bind_generate(m);       // _generate (xxgk.generate)
    bind_corpus(m);         // _corpus_files, _run_corpus (xxgk.corpus_files, xxgk.run_corpus)

    m.def("_decode", &decode, py::arg("data"), py::arg("strict") = true,
          "Decodes canonical JSON (str or bytes): (Report, []) or (None, [(type, pointer, message, offset, line, "
          "column), …]).");
    m.def(
        "version", [] { return std::string(xxgk::version()); }, "The version of the linked C++ library.");
    m.def(
        "format_for_year",
        [](int year) -> py::object {
            if (auto f = format_for_year(year)) return py::str(std::string(to_string(*f)));
            return py::none();
        },
        py::arg("year"), "The format that applies to a report year ('2019' for 2019–2020, '2021' from 2021), or None.");
    m.def(
        "notice_of", [](py::handle format) { return std::string(notice_of(format_from_py(format))); },
        py::arg("format"), "The notice that issued a format, e.g. '国办公开办函〔2021〕30号'.");

    py::list formats, record_fields, finding_fields, severities;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<severity>>(
        [&](auto d) { severities.append(d.name); });
    m.attr("SEVERITIES") = py::tuple(severities);  // least serious first
    for (format_version f : all_formats) formats.append(std::string(to_string(f)));
    detail::for_each_member<cell_record>([&](auto d) { record_fields.append(d.name); });
    detail::for_each_member<finding>([&](auto d) { finding_fields.append(d.name); });
    m.attr("FORMATS") = py::tuple(formats);
    m.attr("CELL_RECORD_FIELDS") = py::tuple(record_fields);
    m.attr("FINDING_FIELDS") = py::tuple(finding_fields);
}
