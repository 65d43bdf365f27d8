#include "xxgk/json.hpp"

#include "json_codec.hpp"
#include "xxgk/keys.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <sstream>

namespace xxgk {
namespace detail {

const char* json_kind_name(const boost::json::value& v) noexcept {
    switch (v.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::bool_: return "a boolean";
        case boost::json::kind::int64:
        case boost::json::kind::uint64: return "an integer";
        case boost::json::kind::double_: return "a number with a fraction or exponent";
        case boost::json::kind::string: return "a string";
        case boost::json::kind::array: return "an array";
        case boost::json::kind::object: return "an object";
    }
    return "a value";
}

// ---- cells

void encode_cell(json_writer& w, const cell& c, encode_context& ctx) {
    const bool unknown_here = ctx.has_unknown_here();
    if (!c.has_detail() && !unknown_here) {
        if (c.state() == cell_state::number && c.unit() == money_unit::none && c.value().scale() == 0) {
            w.integer(c.value().coefficient());
            return;
        }
        if (c.state() == cell_state::blank) {
            w.null();
            return;
        }
    }
    w.begin_object();
    if (c.state() != cell_state::number) {
        w.key("state");
        w.string(boost::describe::enum_to_string(c.state(), "?"));
    } else {
        w.key("value");
        if (c.value().scale() == 0)
            w.integer(c.value().coefficient());
        else
            w.string(c.value().to_string());
        if (c.unit() != money_unit::none) {
            w.key("unit");
            w.string(boost::describe::enum_to_string(c.unit(), "?"));
        }
    }
    if (c.raw()) {
        w.key("raw");
        w.string(*c.raw());
    }
    if (c.source()) {
        w.key("source");
        encode_value(w, *c.source(), ctx);
    }
    ctx.write_unknown_here(w);
    w.end_object();
}

namespace {
bool is_cell_member(std::string_view name) {
    return name == "state" || name == "value" || name == "unit" || name == "raw" || name == "source";
}
}  // namespace

void decode_cell(const boost::json::value& jv, cell& out, decode_context& ctx) {
    out = cell();
    switch (jv.kind()) {
        case boost::json::kind::null: return;
        case boost::json::kind::int64: out.set_value(decimal(jv.get_int64())); return;
        case boost::json::kind::uint64:
            ctx.report(errc::out_of_range, "integer " + std::to_string(jv.get_uint64()) + " is out of the 64-bit range");
            return;
        case boost::json::kind::double_:
            ctx.report(errc::wrong_type, "a cell value must be an integer; write decimals as strings (\"17424.88\") "
                                         "so that no digit is lost");
            return;
        case boost::json::kind::object: break;
        default:
            ctx.report(errc::wrong_type, std::string("expected a cell (an integer, null or an object), found ") +
                                             json_kind_name(jv));
            return;
    }
    const auto& obj = jv.get_object();
    std::optional<cell_state> state;
    if (auto it = obj.find("state"); it != obj.end()) {
        cell_state s{};
        ctx.path += "/state";
        decode_value(it->value(), s, ctx);
        ctx.path.resize(ctx.path.size() - 6);
        if (it->value().is_string() && boost::describe::enum_from_string(std::string(it->value().get_string()).c_str(), s))
            state = s;
    }
    const auto value_it = obj.find("value");
    if (value_it != obj.end()) {
        if (state && *state != cell_state::number)
            ctx.report_at("value", errc::invalid_value,
                          std::string("a value is allowed only with state \"number\", not \"") +
                              boost::describe::enum_to_string(*state, "?") + "\"");
        decimal d;
        const std::size_t before = ctx.problems.size();
        ctx.path += "/value";
        decode_value(value_it->value(), d, ctx);
        ctx.path.resize(ctx.path.size() - 6);
        if (ctx.problems.size() == before) out.set_value(d);
    } else if (!state) {
        ctx.report(errc::missing_member, "a cell object needs \"value\" (a number) or \"state\"");
    } else if (*state == cell_state::number) {
        ctx.report_at("value", errc::missing_member, "state \"number\" needs a \"value\"");
    } else {
        out.set_state(*state);
    }
    if (auto it = obj.find("unit"); it != obj.end()) {
        money_unit u{};
        ctx.path += "/unit";
        decode_value(it->value(), u, ctx);
        ctx.path.resize(ctx.path.size() - 5);
        if (out.is_number())
            out.set_value(out.value(), u);
        else if (u != money_unit::none)
            ctx.report_at("unit", errc::invalid_value, "a unit is allowed only with a value");
    }
    if (auto it = obj.find("raw"); it != obj.end()) {
        std::string raw;
        ctx.path += "/raw";
        decode_value(it->value(), raw, ctx);
        ctx.path.resize(ctx.path.size() - 4);
        out.set_raw(std::move(raw));
    }
    if (auto it = obj.find("source"); it != obj.end()) {
        provenance p;
        ctx.path += "/source";
        decode_value(it->value(), p, ctx);
        ctx.path.resize(ctx.path.size() - 7);
        out.set_source(p);
    }
    for (const auto& kv : obj)
        if (!is_cell_member(kv.key())) handle_unknown_member(ctx, kv.key(), kv.value());
}

void handle_unknown_member(decode_context& ctx, std::string_view name, const boost::json::value& v) {
    if (ctx.classify_unknown && ctx.classify_unknown(ctx, name)) return;
    if (ctx.strict || !ctx.unknown) {
        ctx.report_at(name, errc::unknown_member, "unknown member '" + std::string(name) + "'");
        return;
    }
    ctx.unknown->push_back({ctx.path, std::string(name), boost::json::serialize(v)});
}

}  // namespace detail

namespace {

using detail::decode_context;

// Top-level members besides the described ones.
bool is_top_level_extra(std::string_view name) {
    return name == "format" || name == "proactive" || name == "requests" || name == "review_litigation";
}

// "/requests/other" → "requests.other"
std::string dotted(std::string_view pointer, std::string_view name) {
    std::string d(pointer.empty() ? pointer : pointer.substr(1));
    for (char& c : d)
        if (c == '/') c = '.';
    if (!d.empty()) d += '.';
    d += name;
    return d;
}

// A member that exists only in the other format is its own kind of problem, in strict and lax mode.
bool classify_unknown(decode_context& ctx, std::string_view name) {
    const format_version other = ctx.format == format_version::v2019 ? format_version::v2021 : format_version::v2019;
    const std::string path = dotted(ctx.path, name);
    const bool of_other = (ctx.path.empty() && name == "processing_fees") ? false : is_row_or_key_of(other, path);
    if (!of_other) return false;
    ctx.report_at(name, errc::wrong_format,
                  "'" + path + "' exists only in the " + std::string(to_string(other)) + " format; this report is " +
                      std::string(to_string(ctx.format)));
    return true;
}

// Converts a byte offset into a 1-based line and a 1-based column counted in code points.
void locate(std::string_view text, std::size_t offset, problem& p) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    p.offset = offset;
    p.line = line;
    p.column = column;
}

template <class Tables>
void decode_tables(const boost::json::object& top, Tables& tables, decode_context& ctx) {
    detail::for_each_member<Tables>([&](auto d) {
        auto it = top.find(d.name);
        if (it == top.end()) {
            ctx.report_at(d.name, errc::missing_member, std::string("required member '") + d.name + "' is missing");
            return;
        }
        const std::size_t mark = ctx.path.size();
        detail::push_pointer(ctx.path, d.name);
        detail::decode_value(it->value(), tables.*d.pointer, ctx);
        ctx.path.resize(mark);
    });
}

void decode_report(const boost::json::value& root, report& out, decode_context& ctx) {
    if (!root.is_object()) {
        ctx.report(errc::wrong_type, std::string("expected a report object, found ") + detail::json_kind_name(root));
        return;
    }
    const auto& top = root.get_object();
    std::optional<format_version> format;
    if (auto it = top.find("format"); it == top.end()) {
        ctx.report_at("format", errc::missing_member, "required member 'format' (\"2019\" or \"2021\") is missing");
    } else if (!it->value().is_string()) {
        ctx.report_at("format", errc::wrong_type,
                      std::string("expected \"2019\" or \"2021\", found ") + detail::json_kind_name(it->value()));
    } else {
        format = parse_format_version(std::string_view(it->value().get_string().data(), it->value().get_string().size()));
        if (!format)
            ctx.report_at("format", errc::invalid_value,
                          "'" + std::string(it->value().get_string()) + "' is not a supported format (\"2019\" or \"2021\")");
    }
    if (format) {
        out = report::make(*format);
        ctx.format = *format;
        ctx.classify_unknown = classify_unknown;
        std::visit([&](auto& t) { decode_tables(top, t, ctx); }, out.tables);
    }
    // The described members other than the tables (handled above).
    std::size_t handled = 0;
    for (std::string_view n : {"format", "proactive", "requests", "review_litigation"})
        if (top.find(n) != top.end()) ++handled;
    if (format && *format == format_version::v2019) {
        if (auto it = top.find("processing_fees"); it != top.end()) {
            ctx.report_at("processing_fees", errc::wrong_format,
                          "'processing_fees' (the structured 信息处理费 statement) exists only in the 2021 format; "
                          "report fees of a 2019-format report in other_matters");
            ++handled;
        }
    }
    // Decode the remaining members through the generic walker of `report`'s description,
    // skipping the variant (`tables`), which has no JSON name of its own.
    std::size_t matched = handled;
    detail::for_each_member<report>([&](auto d) {
        using M = std::decay_t<decltype(out.*d.pointer)>;
        if constexpr (!std::is_same_v<M, report_tables>) {
            if (std::string_view(d.name) == "processing_fees" && format && *format == format_version::v2019) return;
            auto it = top.find(d.name);
            if (it == top.end()) {
                if constexpr (!detail::is_optional_member_v<M>)
                    ctx.report_at(d.name, errc::missing_member, std::string("required member '") + d.name + "' is missing");
                return;
            }
            ++matched;
            const std::size_t mark = ctx.path.size();
            detail::push_pointer(ctx.path, d.name);
            detail::decode_value(it->value(), out.*d.pointer, ctx);
            ctx.path.resize(mark);
        }
    });
    if (matched == top.size()) return;
    for (const auto& kv : top) {
        bool known = is_top_level_extra(kv.key()) || kv.key() == "processing_fees";
        detail::for_each_member<report>([&](auto d) { known = known || kv.key() == d.name; });
        if (!known) detail::handle_unknown_member(ctx, kv.key(), kv.value());
    }
}

}  // namespace

decode_result decode_json(std::string_view json, const decode_options& options) {
    decode_result result;
    if (json.size() > options.max_input_bytes) {
        result.problems.push_back({errc::limit_exceeded, "",
                                   "input of " + std::to_string(json.size()) + " bytes exceeds the limit of " +
                                       std::to_string(options.max_input_bytes) + " bytes",
                                   {}, {}, {}});
        return result;
    }
    // The DOM lives only while we walk it: a monotonic arena makes it cheap to build and free.
    unsigned char arena[16384];
    boost::json::monotonic_resource mr(arena, sizeof arena);
    boost::json::parse_options popts;
    popts.max_depth = options.max_depth;
    boost::json::parser parser(&mr, popts);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(json.data(), json.size(), ec);
    if (ec) {
        problem p{errc::invalid_json, "", "", {}, {}, {}};
        if (ec == boost::json::error::too_deep) {
            p.code = errc::limit_exceeded;
            p.message = "nesting deeper than " + std::to_string(options.max_depth) + " levels";
        } else {
            p.message = "invalid JSON: " + ec.message();
        }
        locate(json, consumed, p);
        p.message += " at line " + std::to_string(*p.line) + ", column " + std::to_string(*p.column);
        result.problems.push_back(std::move(p));
        return result;
    }
    const boost::json::value root = parser.release();
    report r;
    decode_context ctx{result.problems, true, nullptr, {}, nullptr, format_version::v2019};
    ctx.strict = options.strict;
    ctx.unknown = &r.unknown_members;
    decode_report(root, r, ctx);
    if (result.problems.empty()) result.value = std::move(r);
    return result;
}

report load_json(std::string_view json, const decode_options& options) {
    decode_result r = decode_json(json, options);
    if (!r.ok()) throw decode_error(std::move(r.problems));
    return std::move(*r.value);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io_error, "cannot open '" + path + "' for reading");
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw error(errc::io_error, "cannot read '" + path + "'");
    return std::move(s).str();
}

report load_json_file(const std::string& path, const decode_options& options) {
    std::string text;
    try {
        text = read_file(path);
    } catch (const error& e) {
        throw decode_error({{errc::io_error, "", e.what(), {}, {}, {}}});
    }
    return load_json(text, options);
}

std::string to_json(const report& r) {
    std::string out;
    out.reserve(8192);
    detail::json_writer w(out);
    detail::encode_context ctx;
    ctx.unknown = &r.unknown_members;
    w.begin_object();
    w.key("format");
    w.string(to_string(r.format()));
    detail::for_each_member<report>([&](auto d) {
        const auto& m = r.*d.pointer;
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, report_tables>) {
            std::visit([&](const auto& t) { detail::encode_members(w, t, ctx); }, m);
        } else {
            if constexpr (detail::is_optional<M>::value) {
                if (!m) return;
            }
            w.key(d.name);
            const std::size_t mark = ctx.path.size();
            if (ctx.tracking()) detail::push_pointer(ctx.path, d.name);
            detail::encode_value(w, m, ctx);
            ctx.path.resize(mark);
        }
    });
    ctx.write_unknown_here(w);
    w.end_object();
    return out;
}

}  // namespace xxgk
