// The endpoints of `xxgk serve` (docs/serve.md). Every one calls the library's own functions and
// writes their results with the library's own JSON writers; nothing here encodes a report, a
// finding or an import log by hand.
#include "routes.hpp"

#include "metrics.hpp"
#include "problem.hpp"

#include "../json_codec.hpp"

#include <xxgk/aggregate.hpp>
#include <xxgk/cells.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/pointer.hpp>
#include <xxgk/portal.hpp>
#include <xxgk/render.hpp>
#include <xxgk/schema.hpp>
#include <xxgk/series.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

namespace xxgk::serve {

extern const char* const openapi_json;  // openapi.cpp, generated from src/serve/openapi.json
extern const std::size_t openapi_json_size;

std::string_view openapi_document() noexcept { return {openapi_json, openapi_json_size}; }

namespace {

// ---------------------------------------------------------------------------------------------
// The routes

/// One path of the service: its template (the metrics label), the methods it takes and whether
/// its body is JSON.
struct route {
    std::string_view path;  ///< exact path, or a prefix ending in '/' followed by one segment
    std::string_view endpoint;
    std::string_view method;  ///< "GET" (HEAD too) or "POST"
    bool json_body;
};

constexpr route routes[] = {
    {"/v1/validate", "/v1/validate", "POST", true},
    {"/v1/import", "/v1/import", "POST", false},
    {"/v1/render", "/v1/render", "POST", true},
    {"/v1/aggregate", "/v1/aggregate", "POST", true},
    {"/v1/series", "/v1/series", "POST", true},
    {"/v1/schema/", "/v1/schema/{format}", "GET", false},
    {"/v1/keys/", "/v1/keys/{format}", "GET", false},
    {"/v1/rules", "/v1/rules", "GET", false},
    {"/v1/openapi.json", "/v1/openapi.json", "GET", false},
    {"/healthz", "/healthz", "GET", false},
    {"/metrics", "/metrics", "GET", false},
};

std::string_view path_of(std::string_view target) noexcept { return target.substr(0, target.find('?')); }

/// The route of a path and the segment after its prefix ("2021" in /v1/schema/2021).
const route* find_route(std::string_view path, std::string_view& segment) noexcept {
    for (const route& r : routes) {
        if (r.path.back() == '/') {
            if (path.size() > r.path.size() && path.substr(0, r.path.size()) == r.path &&
                path.find('/', r.path.size()) == std::string_view::npos) {
                segment = path.substr(r.path.size());
                return &r;
            }
        } else if (path == r.path) {
            return &r;
        }
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Query parameters

/// A query refused: the parameter and why.
struct bad_parameter : std::runtime_error {
    bad_parameter(std::string name, const std::string& why) : std::runtime_error(why), parameter(std::move(name)) {}
    std::string parameter;
};

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decoding of a query component ('+' is a space, as forms send it).
std::string unescape(std::string_view s, std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            const int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
            const int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
            if (lo < 0) throw bad_parameter(std::string(name), "a '%' not followed by two hexadecimal digits");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// The query's parameters; each may appear once, and only those in `allowed`.
class query {
public:
    query(std::string_view target, std::initializer_list<std::string_view> allowed) {
        const std::size_t q = target.find('?');
        if (q == std::string_view::npos) return;
        std::string_view rest = target.substr(q + 1);
        while (!rest.empty()) {
            const std::size_t amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
            if (pair.empty()) continue;
            const std::size_t eq = pair.find('=');
            const std::string name = unescape(pair.substr(0, eq), "");
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                std::string names;
                for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
                throw bad_parameter(name, "unknown parameter '" + name + "' (this endpoint takes " +
                                              (names.empty() ? std::string("none") : names) + ")");
            }
            std::string value = eq == std::string_view::npos ? std::string() : unescape(pair.substr(eq + 1), name);
            if (!values_.emplace(name, std::move(value)).second)
                throw bad_parameter(name, "parameter '" + name + "' given twice");
        }
    }
    std::optional<std::string> get(const std::string& name) const {
        const auto it = values_.find(name);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }
    /// One of `choices`, or `fallback` when absent.
    std::string choice(const std::string& name, std::initializer_list<std::string_view> choices,
                       std::string_view fallback) const {
        const auto v = get(name);
        if (!v) return std::string(fallback);
        if (std::find(choices.begin(), choices.end(), *v) == choices.end()) {
            std::string names;
            for (std::string_view c : choices) names += (names.empty() ? "" : ", ") + std::string(c);
            throw bad_parameter(name, "parameter '" + name + "' is '" + *v + "'; expected one of " + names);
        }
        return *v;
    }
    /// A flag: "1"/"true" or "0"/"false" ("" — the name alone — is true).
    bool flag(const std::string& name) const {
        const auto v = get(name);
        if (!v) return false;
        if (*v == "1" || *v == "true" || v->empty()) return true;
        if (*v == "0" || *v == "false") return false;
        throw bad_parameter(name, "parameter '" + name + "' is '" + *v + "'; expected 1, true, 0 or false");
    }

private:
    std::map<std::string, std::string> values_;
};

// ---------------------------------------------------------------------------------------------
// Replies

reply json_reply(std::string body, std::string content_type = "application/json") {
    reply r;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
}

/// Thrown inside an endpoint to answer with a problem document.
struct refused {
    problem_doc doc;
};

std::optional<format_version> format_segment(std::string_view segment) { return parse_format_version(segment); }

refused unknown_format(std::string_view segment, bool portal_too) {
    return refused{make_problem(404, "unknown-format", "No such format",
                                "unknown format '" + std::string(segment) + "' (use 2019, 2021" +
                                    (portal_too ? ", or portal" : "") + ")")};
}

/// The report of a body, decoded strictly (lax: unknown members kept) by decode_json.
report decode_report_body(std::string_view body, bool lax) {
    decode_options options;
    options.strict = !lax;
    decode_result r = decode_json(body, options);
    if (!r.ok()) throw refused{problem_of(std::move(r.problems))};
    return std::move(*r.value);
}

// ---------------------------------------------------------------------------------------------
// Envelopes of several reports: {"parts": [...], ...} and {"reports": [...]}

/// A JSON object of the body, parsed by the library's document reader (limits, duplicate member
/// names, line and column of syntax errors), with the members named in `members` (each one must
/// be an object, or an array of objects when `array` says so); others are errc::unknown_member.
struct envelope {
    std::map<std::string, boost::json::value> members;
};

struct member_spec {
    std::string_view name;
    bool array;
    bool required;
};

envelope read_envelope(std::string_view body, std::initializer_list<member_spec> specs) {
    envelope out;
    std::vector<problem> problems;
    decode_options options;
    // The reports sit two levels below the envelope's root.
    options.max_depth += 2;
    detail::decode_document(
        body, options, problems, nullptr, [&](const boost::json::value& root, detail::decode_context& ctx) {
            if (!root.is_object()) {
                ctx.report(errc::wrong_type, std::string("expected an object, found ") + detail::json_kind_name(root));
                return;
            }
            const boost::json::object& obj = root.get_object();
            for (const auto& m : obj) {
                const auto spec = std::find_if(specs.begin(), specs.end(), [&](const member_spec& s) {
                    return s.name == std::string_view(m.key());
                });
                if (spec == specs.end()) {
                    ctx.report_at(m.key(), errc::unknown_member, "unknown member '" + std::string(m.key()) + "'");
                    continue;
                }
                if (spec->array && !m.value().is_array()) {
                    ctx.report_at(m.key(), errc::wrong_type,
                                  std::string("expected an array of reports, found ") +
                                      detail::json_kind_name(m.value()));
                    continue;
                }
                // A copy in the default memory resource: the parser's resource ends with decode_document.
                out.members.emplace(std::string(m.key()), boost::json::value(m.value(), boost::json::storage_ptr()));
            }
            for (const member_spec& s : specs)
                if (s.required && !obj.contains(s.name))
                    ctx.report(errc::missing_member, "missing member '" + std::string(s.name) + "'");
        });
    if (!problems.empty()) throw refused{problem_of(std::move(problems))};
    return out;
}

/// Decodes one report of an envelope with decode_json; its problems, pointed from the envelope's
/// root (line and column refer to the report's own text, so they are left out).
std::optional<report> decode_member(const boost::json::value& v, const std::string& pointer,
                                    std::vector<problem>& problems) {
    decode_result r = decode_json(boost::json::serialize(v));
    for (problem& p : r.problems) {
        p.pointer = pointer + p.pointer;
        p.offset.reset();
        p.line.reset();
        p.column.reset();
        if (problems.size() < decode_options{}.max_problems) problems.push_back(std::move(p));
    }
    if (!r.ok()) return std::nullopt;
    return std::move(*r.value);
}

/// The reports of an envelope's array member: every problem of every report, or the reports.
std::vector<report> decode_reports(const envelope& e, const std::string& name, std::vector<problem>& problems) {
    std::vector<report> out;
    const auto it = e.members.find(name);
    if (it == e.members.end()) return out;
    const boost::json::array& a = it->second.get_array();
    for (std::size_t i = 0; i < a.size(); ++i)
        if (auto r = decode_member(a[i], "/" + name + "/" + std::to_string(i), problems)) out.push_back(std::move(*r));
    return out;
}

// ---------------------------------------------------------------------------------------------
// The endpoints

/// The last line `xxgk validate` prints: "共 1 个错误，0 个警告，2 个提示。" / "1 errors, 0 warnings, 2 infos.".
std::string summary_line(const std::size_t (&counts)[3], bool zh) {
    return zh ? "共 " + std::to_string(counts[2]) + " 个错误，" + std::to_string(counts[1]) + " 个警告，" +
                    std::to_string(counts[0]) + " 个提示。"
              : std::to_string(counts[2]) + " errors, " + std::to_string(counts[1]) + " warnings, " +
                    std::to_string(counts[0]) + " infos.";
}

/// {"findings": [...]} preceded by the counts and the summary line of `xxgk validate`.
void write_findings(detail::json_writer& w, const std::vector<finding>& findings, bool zh) {
    std::size_t counts[3] = {0, 0, 0};
    for (const finding& f : findings) ++counts[static_cast<int>(f.severity)];
    w.key("errors");
    w.integer(static_cast<std::int64_t>(counts[2]));
    w.key("warnings");
    w.integer(static_cast<std::int64_t>(counts[1]));
    w.key("infos");
    w.integer(static_cast<std::int64_t>(counts[0]));
    w.key("summary");
    w.string(summary_line(counts, zh));
    w.key("findings");
    w.raw(findings_to_json(findings));
}

reply post_validate(const request_view& req) {
    const query q(req.target, {"narrative", "lang", "lax", "no_info"});
    const bool zh = q.choice("lang", {"zh", "en"}, "zh") == "zh";
    validate_options options;
    options.narrative_figures = q.flag("narrative");
    options.include_info = !q.flag("no_info");
    const bool lax = q.flag("lax");
    const report r = decode_report_body(req.body, lax);
    const std::vector<finding> findings = validate(r, options);
    std::string out;
    detail::json_writer w(out);
    w.begin_object();
    w.key("body");
    w.string(r.header.body);
    w.key("year");
    w.integer(r.header.year);
    w.key("format");
    w.string(to_string(r.format()));
    write_findings(w, findings, zh);
    w.end_object();
    return json_reply(std::move(out));
}

reply post_import(const request_view& req) {
    const query q(req.target, {"from", "format", "year", "no_info", "no_ocr"});
    import_options options;
    if (const auto from = q.get("from")) {
        source_kind k{};
        if (!boost::describe::enum_from_string(from->c_str(), k))
            throw bad_parameter("from", "parameter 'from' is '" + *from + "'; expected one of " +
                                            detail::enum_names<source_kind>());
        options.kind = k;
    }
    // Scanned pages cost seconds each: a platform that does not want OCR on its server says so.
    if (q.flag("no_ocr")) options.ocr = false;
    if (q.get("format")) options.format = parse_format_version(q.choice("format", {"2019", "2021"}, "2021"));
    if (const auto year = q.get("year")) {
        int y = 0;
        const bool digits = !year->empty() && year->size() <= 4 &&
                            std::all_of(year->begin(), year->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits) y = std::stoi(*year);
        if (!digits || y < 2008) throw bad_parameter("year", "parameter 'year' is '" + *year + "'; expected a year");
        options.year = y;
    }
    const bool no_info = q.flag("no_info");
    import_result r;
    try {
        r = import_bytes(req.body, options);
    } catch (const xxgk::error& e) {
        throw refused{problem_of(e)};
    }
    if (no_info)
        r.log.erase(std::remove_if(r.log.begin(), r.log.end(),
                                   [](const import_log_entry& e) { return e.level == severity::info; }),
                    r.log.end());
    std::string out;
    detail::json_writer w(out);
    w.begin_object();
    w.key("counts");
    detail::encode_context ctx;
    detail::encode_value(w, count_import(r.value), ctx);
    w.key("log");
    w.raw(import_log_to_json(r.log));
    w.key("report");
    w.raw(to_json(r.value));
    w.end_object();
    return json_reply(std::move(out));
}

reply post_render(const request_view& req) {
    const query q(req.target, {"to", "table", "lang", "findings", "lax"});
    const std::string to = q.choice("to", {"html", "html-fragment", "markdown", "csv"}, "html");
    const std::string lang = q.choice("lang", {"zh", "en"}, "zh");
    const bool with_findings = q.flag("findings");
    const auto table = q.get("table");
    if (table && to != "csv") throw bad_parameter("table", "parameter 'table' goes with to=csv");
    if (with_findings && to != "html" && to != "html-fragment")
        throw bad_parameter("findings", "parameter 'findings' goes with to=html or to=html-fragment");
    const report r = decode_report_body(req.body, q.flag("lax"));
    reply out;
    if (to == "html" || to == "html-fragment") {
        render_options options;
        options.standalone = to == "html";
        options.lang = lang;
        std::vector<finding> findings;
        if (with_findings) {
            findings = validate(r);
            options.findings = &findings;
        }
        out.body = render_html(r, options);
        out.content_type = "text/html; charset=utf-8";
        // The page needs nothing from anywhere: its stylesheet is inline, it has no script.
        out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    } else if (to == "markdown") {
        out.body = render_markdown(r);
        out.content_type = "text/markdown; charset=utf-8";
    } else if (!table) {
        out.body = to_cells_csv(r);
        out.content_type = "text/csv; charset=utf-8; header=present";
    } else {
        std::string names;
        for (csv_table& t : render_csv_tables(r)) {
            if (t.name == *table) {
                out.body = std::move(t.csv);
                out.content_type = "text/csv; charset=utf-8; header=present";
                return out;
            }
            names += (names.empty() ? "" : ", ") + t.name;
        }
        throw bad_parameter("table", "no table '" + *table + "' in a " + std::string(to_string(r.format())) +
                                         " report (tables: " + names + ")");
    }
    return out;
}

reply post_aggregate(const request_view& req) {
    const query q(req.target, {"lang"});
    const bool zh = q.choice("lang", {"zh", "en"}, "zh") == "zh";
    const envelope e =
        read_envelope(req.body, {{"parts", true, true}, {"header", false, false}, {"published", false, false}});
    std::vector<problem> problems;
    std::vector<report> parts = decode_reports(e, "parts", problems);
    std::optional<report> published;
    if (const auto it = e.members.find("published"); it != e.members.end())
        published = decode_member(it->second, "/published", problems);
    report_header header;
    if (const auto it = e.members.find("header"); it != e.members.end() && problems.empty() && !parts.empty()) {
        // Decoded as the header of a report of the parts' format, by the library's own decoder.
        report holder = report::make(parts.front().format());
        try {
            set_json(holder, "/header", boost::json::serialize(it->second));
            header = holder.header;
        } catch (const decode_error& d) {
            for (const problem& p : d.problems()) problems.push_back({p.code, p.pointer, p.message, {}, {}, {}});
        }
    }
    if (!problems.empty()) throw refused{problem_of(std::move(problems))};
    std::string out;
    detail::json_writer w(out);
    try {
        const aggregation a = aggregate(parts, header);
        std::vector<finding> findings;
        if (published) findings = check_aggregate(*published, parts);
        w.begin_object();
        w.key("report");
        w.raw(to_json(a.report));
        w.key("sources");
        detail::encode_context ctx;
        detail::encode_value(w, a.sources, ctx);
        if (published) write_findings(w, findings, zh);
        w.end_object();
    } catch (const incompatible_reports_error& x) {
        throw refused{problem_of(x, "/parts")};
    }
    return json_reply(std::move(out));
}

reply post_series(const request_view& req) {
    const query q(req.target, {"lang"});
    const bool zh = q.choice("lang", {"zh", "en"}, "zh") == "zh";
    const envelope e = read_envelope(req.body, {{"reports", true, true}});
    std::vector<problem> problems;
    std::vector<report> reports = decode_reports(e, "reports", problems);
    if (!problems.empty()) throw refused{problem_of(std::move(problems))};
    std::string out;
    detail::json_writer w(out);
    try {
        const std::vector<finding> findings = validate_series(reports);
        w.begin_object();
        write_findings(w, findings, zh);
        w.end_object();
    } catch (const incompatible_reports_error& x) {
        throw refused{problem_of(x, "/reports")};
    }
    return json_reply(std::move(out));
}

reply get_schema(std::string_view segment) {
    if (segment == "portal") return json_reply(portal_json_schema(), "application/schema+json");
    const auto f = format_segment(segment);
    if (!f) throw unknown_format(segment, true);
    return json_reply(json_schema(*f), "application/schema+json");
}

reply get_keys(std::string_view segment) {
    const auto f = format_segment(segment);
    if (!f) throw unknown_format(segment, false);
    std::string out;
    detail::json_writer w(out);
    w.begin_array();
    for (const cell_key& k : cell_keys(*f)) {
        w.begin_object();
        w.key("key");
        w.string(k.key);
        w.key("pointer");
        w.string(k.pointer);
        w.key("section");
        w.string(k.section);
        w.key("row");
        w.string(k.row);
        w.key("column");
        w.string(k.column);
        w.key("kind");
        w.string(boost::describe::enum_to_string(k.kind, ""));
        w.key("index");
        w.integer(static_cast<std::int64_t>(k.index));
        w.key("label");
        w.string(k.label_path(*f));
        w.end_object();
    }
    w.end_array();
    return json_reply(std::move(out));
}

reply get_rules() {
    std::string out;
    detail::json_writer w(out);
    w.begin_array();
    for (const rule_info& r : rule_catalog()) {
        w.begin_object();
        // The members of rule_info, by their described names (the Python class Rule has the same).
        boost::mp11::mp_for_each<boost::describe::describe_members<rule_info, boost::describe::mod_public>>(
            [&](auto d) {
                w.plain_key(d.name);
                const auto& v = r.*d.pointer;
                if constexpr (std::is_enum_v<std::decay_t<decltype(v)>>)
                    w.string(boost::describe::enum_to_string(v, ""));
                else
                    w.string(v);
            });
        w.end_object();
    }
    w.end_array();
    return json_reply(std::move(out));
}

reply get_healthz(const route_context& c) {
    reply r = json_reply(c.stopping ? R"({"status":"stopping"})" : R"({"status":"ok"})");
    r.status = c.stopping ? 503 : 200;
    return r;
}

bool is_json_media_type(std::string_view content_type) {
    const std::string_view type = content_type.substr(0, content_type.find(';'));
    std::string lower;
    for (char c : type)
        if (c != ' ' && c != '\t') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "application/json";
}

reply dispatch(const route& r, std::string_view segment, const request_view& req, const route_context& c) {
    if (r.endpoint == "/v1/validate") return post_validate(req);
    if (r.endpoint == "/v1/import") return post_import(req);
    if (r.endpoint == "/v1/render") return post_render(req);
    if (r.endpoint == "/v1/aggregate") return post_aggregate(req);
    if (r.endpoint == "/v1/series") return post_series(req);
    // The GET endpoints take no query parameter.
    const query none(req.target, {});
    if (r.endpoint == "/v1/schema/{format}") return get_schema(segment);
    if (r.endpoint == "/v1/keys/{format}") return get_keys(segment);
    if (r.endpoint == "/v1/rules") return get_rules();
    if (r.endpoint == "/v1/openapi.json") return json_reply(std::string(openapi_document()));
    if (r.endpoint == "/healthz") return get_healthz(c);
    reply m;
    m.content_type = "text/plain; version=0.0.4; charset=utf-8";
    m.body = c.counters ? c.counters->prometheus_text() : std::string();
    return m;
}

}  // namespace

std::string_view endpoint_of(std::string_view target) noexcept {
    std::string_view segment;
    const route* r = find_route(path_of(target), segment);
    return r ? r->endpoint : "other";
}

bool runs_on_import_workers(std::string_view endpoint) noexcept { return endpoint == "/v1/import"; }

bool exempt_from_concurrency_limit(std::string_view endpoint) noexcept {
    return endpoint == "/healthz" || endpoint == "/metrics";
}

reply handle(const request_view& req, const route_context& c) {
    const std::string_view path = path_of(req.target);
    std::string_view segment;
    const route* r = find_route(path, segment);
    if (!r)
        return problem_reply(
            make_problem(404, "not-found", "No such endpoint",
                         "no endpoint at '" + std::string(path) + "' (GET /v1/openapi.json lists every one)"),
            path);
    const bool get_like = r->method == "GET" && (req.method == "GET" || req.method == "HEAD");
    if (!get_like && req.method != r->method) {
        reply m = problem_reply(make_problem(405, "method-not-allowed", "Method not allowed",
                                             std::string(r->endpoint) + " takes " + std::string(r->method) +
                                                 (r->method == "GET" ? " (or HEAD)" : "") + ", not " +
                                                 std::string(req.method)),
                                path);
        m.headers.emplace_back("Allow", r->method == "GET" ? "GET, HEAD" : "POST");
        return m;
    }
    if (r->json_body && !is_json_media_type(req.content_type))
        return problem_reply(make_problem(415, "unsupported-media-type", "The body must be JSON",
                                          std::string(r->endpoint) + " takes Content-Type: application/json, not '" +
                                              std::string(req.content_type) + "'"),
                             path);
    try {
        return dispatch(*r, segment, req, c);
    } catch (const refused& x) {
        return problem_reply(x.doc, path);
    } catch (const bad_parameter& x) {
        problem_doc p = make_problem(400, "bad-parameter", "A query parameter is wrong", x.what());
        p.parameter = x.parameter;
        return problem_reply(p, path);
    } catch (const xxgk::error& e) {
        return problem_reply(problem_of(e), path);
    }
}

}  // namespace xxgk::serve
