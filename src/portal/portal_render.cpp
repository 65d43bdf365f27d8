// render_html(portal), render_csv_tables(portal): flat tables derived from the descriptions.
//
// A portal is split into one table per kind of row (the lists of structs of the model); a row's
// columns are its described members, nested objects as dotted columns ("published_at.date"),
// lists of values and lists of objects that have no table of their own as canonical JSON, so
// that nothing is dropped. CSV writes the tables as they are; HTML shows the same tables with
// the Chinese labels of the members, every text escaped (html.hpp).
#include "xxgk/portal.hpp"

#include "../csv.hpp"
#include "../html.hpp"
#include "../json_codec.hpp"
#include "portal_labels.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <set>

namespace xxgk {
namespace {

using detail::for_each_member;
using detail::member_type;

template <class T>
inline constexpr bool is_struct_v = boost::describe::has_describe_members<T>::value;

template <class T>
struct optional_inner {
    using type = T;
};
template <class T>
struct optional_inner<std::optional<T>> {
    using type = T;
};

using flat = portal_table;

/// The members of a row that are written as tables of their own (by member name, top level only).
using skipped = std::set<std::string_view>;

template <class T>
std::string json_text(const T& v) {
    std::string out;
    detail::json_writer w(out);
    detail::encode_context ctx;
    detail::encode_value(w, v, ctx);
    return out;
}

template <class T>
std::string scalar_text(const T& v) {
    if constexpr (std::is_same_v<T, std::string>)
        return v;
    else if constexpr (std::is_same_v<T, bool>)
        return v ? "true" : "false";
    else if constexpr (std::is_enum_v<T>)
        return boost::describe::enum_to_string(v, "?");
    else if constexpr (std::is_integral_v<T>)
        return std::to_string(v);
    else if constexpr (std::is_same_v<T, calendar_date>)
        return v.to_string();
    else
        static_assert(sizeof(T) == 0, "no text for this type");
}

template <class T>
void columns_of(std::vector<std::string>& out, const std::string& prefix, const skipped* skip) {
    for_each_member<T>([&](auto d) {
        using M = member_type<decltype(d)>;
        using V = typename optional_inner<M>::type;
        if (skip && skip->count(d.name)) return;
        const std::string name = prefix + d.name;
        if constexpr (is_struct_v<V>)
            columns_of<V>(out, name + ".", nullptr);
        else
            out.push_back(name);
    });
}

template <class T>
void fields_of(const T* v, std::vector<std::string>& out, const skipped* skip) {
    for_each_member<T>([&](auto d) {
        using M = member_type<decltype(d)>;
        using V = typename optional_inner<M>::type;
        if (skip && skip->count(d.name)) return;
        if constexpr (is_struct_v<V>) {
            const V* inner = nullptr;
            if (v) {
                if constexpr (detail::is_optional<M>::value)
                    inner = (v->*d.pointer) ? &*(v->*d.pointer) : nullptr;
                else
                    inner = &(v->*d.pointer);
            }
            fields_of<V>(inner, out, nullptr);
        } else if (!v) {
            out.emplace_back();
        } else if constexpr (detail::is_vector<M>::value) {
            const M& m = v->*d.pointer;
            out.push_back(m.empty() ? std::string() : json_text(m));
        } else if constexpr (detail::is_optional<M>::value) {
            const M& m = v->*d.pointer;
            out.push_back(m ? scalar_text(*m) : std::string());
        } else {
            out.push_back(scalar_text(v->*d.pointer));
        }
    });
}

/// Adds a table of rows of T, each preceded by the key columns of its parent.
template <class T>
class table_builder {
public:
    table_builder(std::vector<flat>& tables, std::string name, std::string part, std::vector<std::string> keys,
                  skipped skip = {})
        : skip_(std::move(skip)) {
        t_.name = std::move(name);
        t_.part = std::move(part);
        t_.columns = std::move(keys);
        columns_of<T>(t_.columns, "", &skip_);
        tables_ = &tables;
    }
    void row(std::vector<std::string> keys, const T& v) {
        fields_of<T>(&v, keys, &skip_);
        t_.rows.push_back(std::move(keys));
    }
    ~table_builder() {
        if (!t_.rows.empty()) tables_->push_back(std::move(t_));
    }
    table_builder(const table_builder&) = delete;
    table_builder& operator=(const table_builder&) = delete;

private:
    skipped skip_;
    flat t_;
    std::vector<flat>* tables_ = nullptr;
};

}  // namespace

std::vector<portal_table> portal_tables(const portal& p) {
    std::vector<flat> tables;
    {
        table_builder<department> t(tables, "departments", "departments", {});
        for (const department& d : p.departments) t.row({}, d);
    }
    {
        table_builder<responsibility_list> lists(tables, "responsibility_lists", "responsibility_lists", {},
                                                 {"duties", "boundaries", "supervision", "public_services"});
        table_builder<duty> duties(tables, "duties", "responsibility_lists", {"department"});
        table_builder<duty_boundary> boundaries(tables, "boundaries", "responsibility_lists", {"department"});
        table_builder<supervision_regime> supervision(tables, "supervision", "responsibility_lists", {"department"});
        table_builder<public_service> services(tables, "public_services", "responsibility_lists", {"department"});
        for (const responsibility_list& l : p.responsibility_lists) {
            lists.row({}, l);
            for (const duty& d : l.duties) duties.row({l.department}, d);
            for (const duty_boundary& b : l.boundaries) boundaries.row({l.department}, b);
            for (const supervision_regime& s : l.supervision) supervision.row({l.department}, s);
            for (const public_service& s : l.public_services) services.row({l.department}, s);
        }
    }
    {
        table_builder<power_item> items(tables, "power_items", "power_lists", {"department"});
        for (const power_list& l : p.power_lists)
            for (const power_item& i : l.items) items.row({l.department}, i);
    }
    {
        table_builder<catalog> catalogs(tables, "catalogs", "catalogs", {}, {"sections"});
        table_builder<catalog_section> sections(tables, "catalog_sections", "catalogs", {"catalog"}, {"entries"});
        table_builder<catalog_entry> entries(tables, "catalog_entries", "catalogs", {"catalog", "section"});
        for (const catalog& c : p.catalogs) {
            catalogs.row({}, c);
            for (const catalog_section& s : c.sections) {
                sections.row({c.id}, s);
                for (const catalog_entry& e : s.entries) entries.row({c.id, s.label}, e);
            }
        }
    }
    {
        table_builder<published_item> items(tables, "items", "items", {});
        for (const published_item& i : p.items) items.row({}, i);
    }
    {
        table_builder<listing_entry> entries(tables, "listing_entries", "listings", {"listing"});
        for (const listing& l : p.listings)
            for (const listing_entry& e : l.entries) entries.row({l.heading}, e);
    }
    // Builders add their table when they end, in reverse order within each block: restore the
    // order of the model.
    static const std::vector<std::string_view> order = {
        "departments",      "responsibility_lists", "duties",      "boundaries",
        "supervision",      "public_services",      "power_items", "catalogs",
        "catalog_sections", "catalog_entries",      "items",       "listing_entries"};
    std::vector<flat> sorted;
    for (std::string_view n : order)
        for (flat& t : tables)
            if (t.name == n) sorted.push_back(std::move(t));
    return sorted;
}

namespace {

/// "published_at.date" → "发布日期 › 日期"; a member without a label keeps its name.
std::string column_label(std::string_view path) {
    std::string out;
    while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string_view m = path.substr(0, dot);
        const std::string_view l = detail::portal_member_label(m);
        if (!out.empty()) out += " › ";
        out += l.empty() ? m : l;
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return out;
}

}  // namespace

std::vector<csv_table> render_csv_tables(const portal& p) {
    std::vector<csv_table> out;
    for (const flat& t : portal_tables(p)) {
        csv_table c;
        c.name = t.name;
        detail::csv_line(c.csv, t.columns);
        for (const auto& row : t.rows) detail::csv_line(c.csv, row);
        out.push_back(std::move(c));
    }
    return out;
}

std::string render_html(const portal& p, const render_options& options) {
    const bool zh = options.lang == "zh";
    if (!zh && options.lang != "en")
        throw error(errc::invalid_value, "render language '" + options.lang + "' is not supported (\"zh\" or \"en\")");
    std::string out;
    const std::string title = p.name ? *p.name + " 网站公开数据" : std::string("政府网站公开数据");
    if (options.standalone) detail::html_page_begin(out, title);
    out += "<article class=\"xxgk-report xxgk-portal\" lang=\"zh-CN\">\n<h1 class=\"xxgk-title\">";
    detail::escape_html(out, title);
    out += "</h1>\n";
    std::string part;
    for (const flat& t : portal_tables(p)) {
        if (t.part != part) {
            if (!part.empty()) out += "</section>\n";
            part = t.part;
            out += "<section class=\"xxgk-portal-part\" data-part=\"";
            detail::escape_html(out, part);
            out += "\">\n<h2>";
            detail::escape_html(out, column_label(part));
            out += "</h2>\n";
        }
        out += "<table class=\"xxgk-table\" data-table=\"";
        detail::escape_html(out, t.name);
        out += "\">\n<thead><tr>";
        for (const std::string& c : t.columns) {
            out += "<th class=\"xxgk-header\" data-column=\"";
            detail::escape_html(out, c);
            out += "\">";
            detail::escape_html(out, column_label(c));
            out += "</th>";
        }
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : t.rows) {
            out += "<tr>";
            for (const std::string& f : row) {
                out += "<td>";
                detail::escape_html(out, f);
                out += "</td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    if (!part.empty()) out += "</section>\n";
    if (options.findings && !options.findings->empty()) {
        out += "<section class=\"xxgk-portal-findings\">\n<h2>";
        out += zh ? "检查发现" : "Findings";
        out += "</h2>\n";
        for (const finding& f : *options.findings) {
            out += "<p class=\"xxgk-finding xxgk-severity-";
            out += boost::describe::enum_to_string(f.severity, "error");
            out += "\" data-code=\"";
            detail::escape_html(out, f.code);
            out += "\" data-pointer=\"";
            detail::escape_html(out, f.pointer);
            out += "\">";
            detail::escape_html(out, f.code + " " + f.pointer + ": " + (zh ? f.message_zh : f.message_en));
            out += "</p>\n";
        }
        out += "</section>\n";
    }
    out += "</article>\n";
    if (options.standalone) out += "</body>\n</html>\n";
    return out;
}

}  // namespace xxgk
