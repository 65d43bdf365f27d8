// xxgk._core — portal files (docs/portal.md, docs/python.md § Portal files).
//
// The classes of the portal's parts (Portal, Department, Catalog, CatalogEntry, PowerItem,
// PublishedItem, …) are generated from the Boost.Describe descriptions by nodes.hpp, exactly like
// the report's parts; this file adds what is not a described member: decoding, dumps, validate,
// rendering, the flat tables behind to_frame(), and the vocabularies (domains, 索引号).
#include "convert.hpp"
#include "nodes.hpp"

#include <xxgk/portal.hpp>

#include <pybind11/pybind11.h>

#include <utility>

namespace xxgk::python {
namespace {

using portal_node = node<portal>;

py::tuple decode_portal(py::handle data, bool strict) {
    return decode_to_py<portal>(data, strict, [](const std::string& text, const decode_options& options) {
        return decode_portal_json(text, options);
    });
}

py::dict resolution_to_py(const domain_resolution& r) {
    py::dict d;
    d["domain"] = r.domain ? to_py(*r.domain) : py::none();
    d["match"] = to_py(r.match);
    d["closest"] = r.closest ? to_py(*r.closest) : py::none();
    d["similarity"] = py::float_(r.similarity);
    return d;
}

}  // namespace

std::string_view portal_class_doc(std::string_view name) noexcept {
    static constexpr std::pair<std::string_view, std::string_view> docs[] = {
        {"Portal",
         "The material of one portal (docs/portal.md): departments, responsibility_lists (责任清单), power_lists "
         "(权力清单), catalogs (标准目录), items (published items and 解读), listings (政策及解读)."},
        {"Department", "A publishing body as listed on the portal (按部门); its display name is not a key: id is."},
        {"ResponsibilityList", "责任清单 of one department: duties, boundaries, supervision, public_services."},
        {"Duty", "部门职责: one 主要职责 with its 具体工作事项 and an optional year tag."},
        {"DutyBoundary", "与相关部门的职责边界: a matter shared with other departments, the division of work, a case."},
        {"DivisionOfWork", "分工: what one related department does in a boundary matter."},
        {"SupervisionRegime", "事中事后监管制度: one supervision regime."},
        {"PublicService", "公共服务事项: one public service."},
        {"PowerList", "权力清单 of one department."},
        {"PowerItem", "One item of a 权力清单: name, type (and its printed label), code, basis, 责任事项 per stage."},
        {"ResponsibilityStage", "责任事项 of one stage: the stage label (立案责任) and what it requires."},
        {"Catalog", "A 基层政务公开标准目录 of one owner body at one level (county 县级 / township 乡级)."},
        {"CatalogSection", "One domain of a catalog: the printed label, the canonical domain, the entries."},
        {"CatalogEntry",
         "One row of a catalog: 序号, 一级/二级事项, 公开内容（要素）, 公开依据, 公开主体, phases, 公开层级."},
        {"DisclosurePhase", "One disclosure step of an entry: 公开时限, 公开渠道和载体, 公开对象, 公开方式."},
        {"Channel", "公开渠道和载体: the controlled key and the text as printed."},
        {"Audience", "公开对象: 全社会 (general_public) or 特定群体 (specific_group, with the group described)."},
        {"NotApplicableNote",
         "未涉及领域事项说明: the note on the domains a catalog does not cover, and those domains."},
        {"PublishedItem",
         "A piece of government information with its metadata (索引号, 发布机构, 成文日期, 发布日期, 文号, …)."},
        {"PortalTime", "A date as a portal prints it: the day, an optional time of day, the printed text."},
        {"Classification", "One facet of 主题分类 and its kin: the facet label and the path as printed."},
        {"Interpretation", "What makes an item a 解读: its form, the documents it explains, the interpreter's role."},
        {"Listing", "A list of items as a portal shows it (政策及解读), newest first."},
        {"ListingEntry",
         "One line of a listing: the title as displayed (maybe cut with ...), its date, the item it links to."},
    };
    for (const auto& [n, d] : docs)
        if (n == name) return d;
    return {};
}

void bind_portal(py::module_& m) {
    bind_struct<portal>(m);  // Portal and, through the descriptions, every class of its parts
    py::class_<portal_node> cls(m.attr("Portal"));
    cls.def(
        "dumps", [](const portal_node& self) { return py::str(to_json(self.get())); },
        "The canonical JSON of the portal (\"kind\": \"portal\" first), byte-identical to the C++ to_json.");
    cls.def(
        "validate", [](const portal_node& self, bool include_info) { return validated(self.get(), include_info); },
        py::arg("include_info") = true, "Every finding of the XXGK-P rules (docs/rules.md), as Finding objects.");
    cls.def(
        "render_html",
        [](const portal_node& self, bool standalone, const std::string& lang, py::object findings) {
            render_options o;
            o.standalone = standalone;
            o.lang = lang;
            std::vector<finding> fs;
            if (!findings.is_none()) {
                for (py::handle f : findings) fs.push_back(f.cast<finding>());
                o.findings = &fs;
            }
            try {
                return render_html(self.get(), o);
            } catch (const error& e) {
                raise(PyExc_ValueError, e.what());
            }
        },
        py::arg("standalone") = true, py::arg("lang") = "zh", py::arg("findings") = py::none(),
        "The portal as HTML: a page (standalone) or one <article>; findings (from validate()) listed at the end.");
    cls.def(
        "csv_tables",
        [](const portal_node& self) {
            py::dict out;
            for (const csv_table& t : render_csv_tables(self.get())) out[py::str(t.name)] = py::str(t.csv);
            return out;
        },
        "The CSV tables, {name: csv text}, in model order (formula-like fields neutralised).");
    cls.def(
        "_tables",
        [](const portal_node& self) {
            py::list out;
            auto strings = [](const std::vector<std::string>& v) {
                py::list l;
                for (const std::string& x : v) l.append(py::str(x));
                return l;
            };
            for (const portal_table& t : portal_tables(self.get())) {
                py::list rows;
                for (const auto& r : t.rows) rows.append(strings(r));
                out.append(py::make_tuple(t.name, t.part, strings(t.columns), rows));
            }
            return out;
        },
        "The flat tables as (name, part, columns, rows) tuples (to_frame reads them).");

    m.def("_decode_portal", &decode_portal, py::arg("data"), py::arg("strict") = true,
          "Decodes a portal file (str or bytes): (Portal, []) or (None, [(type, pointer, message, offset, line, "
          "column), …]).");
    m.def(
        "is_portal_json",
        [](py::handle data) {
            const std::optional<std::string> text = input_bytes(data, "the JSON text", false);
            return text && is_portal_json(*text);
        },
        py::arg("data"), "True when the JSON text is an object whose \"kind\" is \"portal\".");
    m.def(
        "portal_json_schema_text", [] { return portal_json_schema(); },
        "The JSON Schema (draft 2020-12) of portal files, as text.");
    m.def(
        "resolve_domain", [](const std::string& label) { return resolution_to_py(resolve_domain(label)); },
        py::arg("label"),
        "Matches a printed domain label to one of the 26 domains: {domain, match, closest, similarity}.");
    m.def(
        "domain_labels",
        [] {
            py::dict out;
            for (std::size_t d = 0; d < domain_count; ++d)
                out[to_py(static_cast<disclosure_domain>(d))] =
                    py::str(std::string(domain_label(static_cast<disclosure_domain>(d))));
            return out;
        },
        "The 26 domains, {key: canonical label}, in the order of the 分解表.");
    m.def(
        "parse_index_number", [](const std::string& text) { return to_plain(parse_index_number(text)); },
        py::arg("text"), "The optional parse of an 索引号: {front, front_kind, year, month, serial, status}.");
}

}  // namespace xxgk::python
