#include "xxgk/json.hpp"

#include "json_codec.hpp"
#include "xxgk/detail/encoding.hpp"
#include "xxgk/detail/stack.hpp"
#include "json_events.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/text.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_set>

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
        w.plain_key("state");
        w.string(boost::describe::enum_to_string(c.state(), "?"));
    } else {
        w.plain_key("value");
        if (c.value().scale() == 0)
            w.integer(c.value().coefficient());
        else
            w.string(c.value().to_string());
        if (c.unit() != money_unit::none) {
            w.plain_key("unit");
            w.string(boost::describe::enum_to_string(c.unit(), "?"));
        }
    }
    if (c.raw()) {
        w.plain_key("raw");
        w.string(*c.raw());
    }
    if (c.source()) {
        w.plain_key("source");
        // The provenance object has a pointer of its own: members kept under it (lax mode) are
        // written back there, not lost.
        const std::size_t mark = ctx.path.size();
        if (ctx.tracking()) ctx.path += "/source";
        encode_value(w, *c.source(), ctx);
        ctx.path.resize(mark);
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
            ctx.report(errc::out_of_range,
                       "integer " + std::to_string(jv.get_uint64()) + " is out of the 64-bit range");
            return;
        case boost::json::kind::double_:
            if (ctx.at_big_integer())
                ctx.report(errc::out_of_range, "integer beyond the 64-bit range");
            else
                ctx.report(errc::wrong_type,
                           "a cell value must be an integer; write decimals as strings (\"17424.88\") "
                           "so that no digit is lost");
            return;
        case boost::json::kind::object: break;
        default:
            ctx.report(errc::wrong_type,
                       std::string("expected a cell (an integer, null or an object), found ") + json_kind_name(jv));
            return;
    }
    const auto& obj = jv.get_object();
    std::optional<cell_state> state;
    const auto state_it = obj.find("state");
    if (state_it != obj.end()) {
        cell_state s{};
        ctx.path += "/state";
        decode_value(state_it->value(), s, ctx);
        ctx.path.resize(ctx.path.size() - 6);
        if (state_it->value().is_string() &&
            events::enum_from_name(
                std::string_view(state_it->value().get_string().data(), state_it->value().get_string().size()), s))
            state = s;
    }
    const auto value_it = obj.find("value");
    bool value_failed = false;  // a problem reported already: say nothing more about the value
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
        if (ctx.problems.size() == before)
            out.set_value(d);
        else
            value_failed = true;
    } else if (state_it != obj.end() && !state) {
        value_failed = true;  // the state was reported as malformed
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
        else if (u != money_unit::none && !value_failed)
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

namespace {
// "/requests/other" → "requests.other"
std::string dotted(std::string_view pointer, std::string_view name) {
    std::string d(pointer.empty() ? pointer : pointer.substr(1));
    for (char& c : d)
        if (c == '/') c = '.';
    if (!d.empty()) d += '.';
    d += name;
    return d;
}

}  // namespace

// A member that exists only in the other format is its own kind of problem, in strict and lax mode.
bool classify_other_format_member(decode_context& ctx, std::string_view name) {
    const format_version other = ctx.format == format_version::v2019 ? format_version::v2021 : format_version::v2019;
    const std::string path = dotted(ctx.path, name);
    const bool of_other = (ctx.path.empty() && name == "processing_fees") ? false : is_row_or_key_of(other, path);
    if (!of_other) return false;
    ctx.report_at(name, errc::wrong_format,
                  "'" + path + "' exists only in the " + std::string(to_string(other)) + " format; this report is " +
                      std::string(to_string(ctx.format)));
    return true;
}

}  // namespace detail

namespace {

using detail::decode_context;

// Top-level members besides the described ones.
bool is_top_level_extra(std::string_view name) {
    return name == "format" || name == "proactive" || name == "requests" || name == "review_litigation";
}

// Records where byte `offset` is: line, and column counted in code points.
void locate(std::string_view text, std::size_t offset, problem& p) {
    const text_position where = position_of(text, offset);
    p.offset = offset;
    p.line = where.line;
    p.column = where.column;
}

// ---- parsing

using boost::json::string_view;
using json_error_code = boost::system::error_code;

// True when a number literal has neither fraction nor exponent: an integer that Boost.JSON
// turned into a double because it does not fit in 64 bits.
bool is_integer_literal(string_view s) noexcept {
    for (char c : s)
        if (c == '.' || c == 'e' || c == 'E') return false;
    return true;
}

// The handler of boost::json::parser (detail/handler.hpp), plus two counters: the member names
// read (the DOM drops repeated ones) and the integer literals too large for 64 bits.
struct dom_handler {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    boost::json::value_stack st;
    std::size_t members = 0;       ///< sum of the member counts of every object, as read
    std::size_t big_integers = 0;  ///< integer literals beyond 64 bits
    bool number_is_integral = true;
    std::size_t max_string = max_string_size;  ///< decode_options::max_string_bytes
    bool string_too_long = false;              ///< parsing stopped at a string longer than max_string

    /// Stops the parser at a string (or member name) of more than `max_string` bytes so far.
    bool within_limit(std::size_t n, json_error_code& ec) {
        if (n <= max_string) return true;
        string_too_long = true;
        ec = boost::json::error::string_too_large;
        return false;
    }

    template <class... Args>
    explicit dom_handler(Args&&... args) : st(std::forward<Args>(args)...) {}

    bool on_document_begin(json_error_code&) { return true; }
    bool on_document_end(json_error_code&) { return true; }
    bool on_object_begin(json_error_code&) { return true; }
    bool on_object_end(std::size_t n, json_error_code&) {
        members += n;
        st.push_object(n);
        return true;
    }
    bool on_array_begin(json_error_code&) { return true; }
    bool on_array_end(std::size_t n, json_error_code&) {
        st.push_array(n);
        return true;
    }
    bool on_key_part(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        st.push_chars(s);
        return true;
    }
    bool on_key(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        st.push_key(s);
        return true;
    }
    bool on_string_part(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        st.push_chars(s);
        return true;
    }
    bool on_string(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        st.push_string(s);
        return true;
    }
    bool on_number_part(string_view s, json_error_code&) {
        number_is_integral = number_is_integral && is_integer_literal(s);
        return true;
    }
    bool on_int64(std::int64_t i, string_view, json_error_code&) {
        number_is_integral = true;
        st.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, string_view, json_error_code&) {
        number_is_integral = true;
        st.push_uint64(u);
        return true;
    }
    bool on_double(double d, string_view s, json_error_code&) {
        if (number_is_integral && is_integer_literal(s)) ++big_integers;
        number_is_integral = true;
        st.push_double(d);
        return true;
    }
    bool on_bool(bool b, json_error_code&) {
        st.push_bool(b);
        return true;
    }
    bool on_null(json_error_code&) {
        st.push_null();
        return true;
    }
    bool on_comment_part(string_view, json_error_code&) { return true; }
    bool on_comment(string_view, json_error_code&) { return true; }
};

// The number of members of every object of the DOM. Less than the number read exactly when
// some object repeated a member name. Iterative: the depth is the caller's max_depth, which may
// be far deeper than the stack allows recursion.
std::size_t count_members(const boost::json::value& root) {
    std::size_t n = 0;
    std::vector<const boost::json::value*> todo{&root};
    while (!todo.empty()) {
        const boost::json::value* v = todo.back();
        todo.pop_back();
        if (const auto* o = v->if_object()) {
            n += o->size();
            for (const auto& kv : *o)
                if (kv.value().is_structured()) todo.push_back(&kv.value());
        } else if (const auto* a = v->if_array()) {
            for (const auto& e : *a)
                if (e.is_structured()) todo.push_back(&e);
        }
    }
    return n;
}

// A second pass over a well-formed text that builds no DOM: it follows the JSON Pointer of
// every value, reports each repeated member name, and lists the pointers of integer literals
// beyond 64 bits.
struct scan_handler {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    struct frame {
        bool object = false;
        std::size_t index = 0;                 // arrays: the current element
        std::string key;                       // objects: the current member name
        std::unordered_set<std::string> keys;  // objects: the names read so far
    };
    std::string_view text;
    std::vector<problem>* problems = nullptr;
    std::vector<std::string>* big_integers = nullptr;
    std::size_t max_problems = std::numeric_limits<std::size_t>::max();
    bool truncated = false;                    ///< a problem was dropped (max_problems)
    std::size_t max_string = max_string_size;  ///< decode_options::max_string_bytes
    std::optional<std::string> long_string;    ///< pointer of the first string longer than max_string
    std::vector<frame> frames;
    std::string key;
    const char* key_begin = nullptr;
    bool number_is_integral = true;

    /// The JSON Pointer of the current value, through the first `depth` frames (all by default).
    std::string pointer(std::size_t depth = std::numeric_limits<std::size_t>::max()) const {
        std::string p;
        for (std::size_t i = 0; i < frames.size() && i < depth; ++i) {
            const frame& f = frames[i];
            detail::push_pointer(p, f.object ? f.key : std::to_string(f.index));
        }
        return p;
    }
    /// Stops at the first string longer than max_string; remembers where it is (a member name:
    /// the pointer of its object).
    bool within_limit(std::size_t n, bool is_key, json_error_code& ec) {
        if (n <= max_string) return true;
        long_string = pointer(is_key ? frames.size() - 1 : frames.size());
        ec = boost::json::error::string_too_large;
        return false;
    }
    void value_done() {
        if (!frames.empty() && !frames.back().object) ++frames.back().index;
    }

    bool on_document_begin(json_error_code&) { return true; }
    bool on_document_end(json_error_code&) { return true; }
    bool on_object_begin(json_error_code&) {
        frames.emplace_back();
        frames.back().object = true;
        return true;
    }
    bool on_object_end(std::size_t, json_error_code&) {
        frames.pop_back();
        value_done();
        return true;
    }
    bool on_array_begin(json_error_code&) {
        frames.emplace_back();
        return true;
    }
    bool on_array_end(std::size_t, json_error_code&) {
        frames.pop_back();
        value_done();
        return true;
    }
    bool on_key_part(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, true, ec)) return false;
        if (key.empty()) key_begin = s.data();
        key.append(s.data(), s.size());
        return true;
    }
    bool on_key(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, true, ec)) return false;
        if (key.empty()) key_begin = s.data();
        key.append(s.data(), s.size());
        frame& f = frames.back();
        f.key = std::move(key);
        key.clear();
        if (!f.keys.insert(f.key).second) {
            if (problems->size() >= max_problems) {
                truncated = true;
                return true;
            }
            problem p{errc::duplicate_member,
                      pointer(),
                      "member '" + f.key + "' appears more than once in this object; only the last value would be kept",
                      {},
                      {},
                      {}};
            // The opening quote of the repeated name, when its first character was read in place
            // (not from the parser's buffer for escapes).
            const std::less_equal<const char*> le;
            if (le(text.data() + 1, key_begin) && le(key_begin, text.data() + text.size()) && key_begin[-1] == '"')
                locate(text, static_cast<std::size_t>(key_begin - 1 - text.data()), p);
            problems->push_back(std::move(p));
        }
        return true;
    }
    bool on_string_part(string_view, std::size_t n, json_error_code& ec) { return within_limit(n, false, ec); }
    bool on_string(string_view, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, false, ec)) return false;
        value_done();
        return true;
    }
    bool on_number_part(string_view s, json_error_code&) {
        number_is_integral = number_is_integral && is_integer_literal(s);
        return true;
    }
    bool on_int64(std::int64_t, string_view, json_error_code&) { return number_done(); }
    bool on_uint64(std::uint64_t, string_view, json_error_code&) { return number_done(); }
    bool on_double(double, string_view s, json_error_code&) {
        if (number_is_integral && is_integer_literal(s)) big_integers->push_back(pointer());
        return number_done();
    }
    bool number_done() {
        number_is_integral = true;
        value_done();
        return true;
    }
    bool on_bool(bool, json_error_code&) {
        value_done();
        return true;
    }
    bool on_null(json_error_code&) {
        value_done();
        return true;
    }
    bool on_comment_part(string_view, json_error_code&) { return true; }
    bool on_comment(string_view, json_error_code&) { return true; }
};

// Returns true when problems were dropped (max_problems).
bool scan_for_duplicates(std::string_view json, const boost::json::parse_options& popts, std::vector<problem>& problems,
                         std::vector<std::string>& big_integers, std::size_t max_problems) {
    boost::json::basic_parser<scan_handler> scanner(popts);
    scanner.handler().text = json;
    scanner.handler().problems = &problems;
    scanner.handler().big_integers = &big_integers;
    scanner.handler().max_problems = max_problems;
    boost::system::error_code ec;
    scanner.write_some(false, json.data(), json.size(), ec);  // the text parsed once already
    std::sort(big_integers.begin(), big_integers.end());      // decode_context::at_big_integer searches it
    return scanner.handler().truncated;
}

// The JSON Pointer of the first string longer than `max_string` bytes (a member name: of its
// object), found by parsing again up to it.
std::string pointer_of_long_string(std::string_view json, const boost::json::parse_options& popts,
                                   std::size_t max_string) {
    boost::json::basic_parser<scan_handler> scanner(popts);
    std::vector<problem> ignored;
    std::vector<std::string> ignored_integers;
    scanner.handler().text = json;
    scanner.handler().problems = &ignored;
    scanner.handler().big_integers = &ignored_integers;
    scanner.handler().max_problems = 0;
    scanner.handler().max_string = max_string;
    boost::system::error_code ec;
    scanner.write_some(false, json.data(), json.size(), ec);
    return scanner.handler().long_string.value_or("");
}

// ---- document order

// Where a pointer's value sits in the document: the index of each step in its parent. A
// member that is absent sorts after the members of its parent object (where it was expected).
std::vector<std::size_t> document_position(const boost::json::value& root, std::string_view pointer) {
    std::vector<std::size_t> pos;
    const boost::json::value* v = &root;
    std::string token;
    std::size_t i = 0;
    while (i < pointer.size() && v) {
        // pointer[i] == '/': read the next reference token, undoing RFC 6901 escapes.
        token.clear();
        for (++i; i < pointer.size() && pointer[i] != '/'; ++i) {
            if (pointer[i] == '~' && i + 1 < pointer.size()) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        const boost::json::value* next = nullptr;
        if (const auto* o = v->if_object()) {
            // A hashed lookup, not a walk: an object of n unknown members gives n problems.
            const auto it = o->find(token);
            if (it != o->end()) next = &it->value();
            pos.push_back(static_cast<std::size_t>(it - o->begin()));
        } else if (const auto* a = v->if_array()) {
            std::size_t k = token.empty() ? a->size() : 0;
            for (char c : token) {
                if (c < '0' || c > '9' || k >= a->size()) {
                    k = a->size();
                    break;
                }
                k = k * 10 + static_cast<std::size_t>(c - '0');
            }
            if (k < a->size()) next = &(*a)[k];
            pos.push_back(std::min(k, a->size()));
        }
        v = next;
    }
    return pos;
}

void sort_in_document_order(const boost::json::value& root, std::vector<problem>& problems, std::string_view base) {
    std::vector<std::pair<std::vector<std::size_t>, problem>> keyed;
    keyed.reserve(problems.size());
    for (problem& p : problems) {
        const std::string_view pointer = std::string_view(p.pointer).substr(std::min(base.size(), p.pointer.size()));
        keyed.emplace_back(document_position(root, pointer), std::move(p));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < problems.size(); ++i) problems[i] = std::move(keyed[i].second);
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
        detail::push_name(ctx.path, d.name);
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
        format =
            parse_format_version(std::string_view(it->value().get_string().data(), it->value().get_string().size()));
        if (!format)
            ctx.report_at("format", errc::invalid_value,
                          "'" + std::string(it->value().get_string()) +
                              "' is not a supported format (\"2019\" or \"2021\")");
    }
    if (format) {
        // Built on the heap: a report is several KiB, and this frame is on the caller's stack.
        const std::unique_ptr<report> made(new report(report::make(*format)));
        out = std::move(*made);
        ctx.format = *format;
        ctx.classify_unknown = detail::classify_other_format_member;
    }
    // The described members other than the tables (handled above).
    std::size_t handled = 0;
    for (std::string_view n : {"format", "proactive", "requests", "review_litigation"})
        if (top.find(n) != top.end()) ++handled;
    // Decode the members through the generic walker of `report`'s description, in description
    // order; the variant (`tables`) has no JSON name of its own: its sections are top-level members.
    std::size_t matched = handled;
    detail::for_each_member<report>([&](auto d) {
        using M = std::decay_t<decltype(out.*d.pointer)>;
        if constexpr (std::is_same_v<M, report_tables>) {
            if (format) std::visit([&](auto& t) { decode_tables(top, t, ctx); }, out.tables);
        } else {
            auto it = top.find(d.name);
            if (std::string_view(d.name) == "processing_fees" && format && *format == format_version::v2019) {
                if (it != top.end()) {
                    ctx.report_at("processing_fees", errc::wrong_format,
                                  "'processing_fees' (the structured 信息处理费 statement) exists only in the 2021 "
                                  "format; report fees of a 2019-format report in other_matters");
                    ++matched;
                }
                return;
            }
            if (it == top.end()) {
                if constexpr (!detail::is_optional_member_v<M>)
                    ctx.report_at(d.name, errc::missing_member,
                                  std::string("required member '") + d.name + "' is missing");
                return;
            }
            ++matched;
            const std::size_t mark = ctx.path.size();
            detail::push_name(ctx.path, d.name);
            detail::decode_value(it->value(), out.*d.pointer, ctx);
            ctx.path.resize(mark);
        }
    });
    if (matched == top.size()) return;
    for (const auto& kv : top) {
        // `tables` has no JSON name of its own: a member "tables" is unknown like any other.
        bool known = is_top_level_extra(kv.key()) || kv.key() == "processing_fees";
        detail::for_each_member<report>([&](auto d) { known = known || (kv.key() == d.name && kv.key() != "tables"); });
        if (!known) detail::handle_unknown_member(ctx, kv.key(), kv.value());
    }
}

}  // namespace

namespace detail {

namespace {
void decode_text(std::string_view json, const decode_options& options, std::vector<problem>& problems,
                 std::vector<unknown_member>* unknown,
                 const std::function<void(const boost::json::value&, decode_context&)>& walk, std::string_view base);
}

void decode_document(std::string_view json, const decode_options& options, std::vector<problem>& problems,
                     std::vector<unknown_member>* unknown,
                     const std::function<void(const boost::json::value&, decode_context&)>& walk,
                     std::string_view base) {
    // A UTF-8 byte order mark is ignored (RFC 8259 §8.1 allows it); offsets still count its three
    // bytes, lines and columns start after it (as an editor shows the text).
    const std::string_view text = without_utf8_bom(json);
    const std::size_t first = problems.size();
    decode_text(text, options, problems, unknown, walk, base);
    if (text.size() != json.size())
        for (std::size_t i = first; i < problems.size(); ++i)
            if (problems[i].offset) *problems[i].offset += json.size() - text.size();
}

namespace {
void decode_text(std::string_view json, const decode_options& options, std::vector<problem>& problems,
                 std::vector<unknown_member>* unknown,
                 const std::function<void(const boost::json::value&, decode_context&)>& walk, std::string_view base) {
    if (json.size() > options.max_input_bytes) {
        problems.push_back({errc::limit_exceeded,
                            "",
                            "input of " + std::to_string(json.size()) + " bytes exceeds the limit of " +
                                std::to_string(options.max_input_bytes) + " bytes",
                            {},
                            {},
                            {}});
        return;
    }
    // The DOM lives only while we walk it: a monotonic arena makes it cheap to build and free.
    // Arena and the parser's value stack are one heap block, not on the caller's stack (a
    // 64 KiB thread stack must do: docs/security.md, "Nesting depth").
    constexpr std::size_t arena_bytes = 16384, temp_bytes = 4096;
    const std::unique_ptr<unsigned char[]> block(new unsigned char[arena_bytes + temp_bytes]);
    boost::json::monotonic_resource mr(block.get(), arena_bytes);
    boost::json::parse_options popts;
    popts.max_depth = std::min(options.max_depth, decode_options::max_depth_cap);
    unsigned char* const temp = block.get() + arena_bytes;  // the parser's value stack, before values land in the DOM
    boost::json::basic_parser<dom_handler> parser(popts, boost::json::storage_ptr(), temp, temp_bytes);
    parser.handler().st.reset(&mr);
    parser.handler().max_string = options.max_string_bytes;
    boost::system::error_code ec;
    std::size_t consumed = parser.write_some(false, json.data(), json.size(), ec);
    if (!ec && consumed < json.size()) ec = boost::json::error::extra_data;
    if (ec) {
        problem p{errc::invalid_json, "", "", {}, {}, {}};  // about the text: "" is the whole input
        if (ec == boost::json::error::too_deep) {
            p.code = errc::limit_exceeded;
            p.message = "nesting deeper than " + std::to_string(popts.max_depth) + " levels";
        } else if (parser.handler().string_too_long) {
            p.code = errc::limit_exceeded;
            p.pointer = std::string(base) + pointer_of_long_string(json, popts, options.max_string_bytes);
            p.message = "string longer than " + std::to_string(options.max_string_bytes) + " bytes";
        } else if (foreign_text other = foreign_encoding(json); !other.message.empty()) {
            // Not a syntax error of JSON but text in another encoding: say which.
            p.message = std::move(other.message);
            consumed = other.offset;
        } else if (const std::size_t bad = invalid_utf8_offset(json);
                   bad != valid_utf8 && bad <= consumed && !cut_inside_last_character(json, bad)) {
            p.message = "invalid JSON: not valid UTF-8 at byte " + std::to_string(bad);
            consumed = bad;
        } else {
            p.message = "invalid JSON: " + ec.message();
        }
        locate(json, consumed, p);
        p.message += " at line " + std::to_string(*p.line) + ", column " + std::to_string(*p.column);
        problems.push_back(std::move(p));
        return;
    }
    const dom_handler& h = parser.handler();
    const boost::json::value root = parser.handler().st.release();
    // What the DOM cannot tell: members dropped because their name repeated (Boost.JSON keeps
    // the last silently), and integer literals beyond 64 bits (parsed as doubles). Both are
    // rare; only then is the text scanned again to find where they are.
    std::vector<std::string> big_integers;
    bool truncated = false;
    if (h.big_integers != 0 || count_members(root) != h.members) {
        const std::size_t first = problems.size();
        truncated = scan_for_duplicates(json, popts, problems, big_integers, options.max_problems);
        if (!base.empty()) {  // pointers into the whole document the text is part of
            for (std::size_t i = first; i < problems.size(); ++i) problems[i].pointer.insert(0, base);
            for (std::string& b : big_integers) b.insert(0, base);
        }
    }
    decode_context ctx{problems, true, nullptr, std::string(base), nullptr, format_version::v2019};
    ctx.strict = options.strict;
    ctx.unknown = unknown;
    ctx.max_problems = options.max_problems;
    if (!big_integers.empty()) ctx.big_integers = &big_integers;
    walk(root, ctx);
    // The walk follows the model's description; report in the order of the document.
    if (problems.size() > 1) sort_in_document_order(root, problems, base);
    if (truncated || ctx.truncated)
        problems.push_back({errc::limit_exceeded,
                            "",
                            "more than " + std::to_string(options.max_problems) +
                                " problems: only the first are reported (max_problems)",
                            {},
                            {},
                            {}});
}
}  // namespace

}  // namespace detail

namespace {
// The DOM decoder into `result` (its value emplaced; reset when there are problems). One report
// object throughout: a report is several KiB, and copies of it would sit on the caller's stack.
void decode_with_dom_into(std::string_view json, const decode_options& options, decode_result& result) {
    report& r = result.value.emplace();
    detail::decode_document(json, options, result.problems, &r.unknown_members,
                            [&](const boost::json::value& root, decode_context& ctx) { decode_report(root, r, ctx); });
    if (!result.problems.empty()) result.value.reset();
}
}  // namespace

decode_result detail::decode_json_with_dom(std::string_view json, const decode_options& options) {
    decode_result result;
    decode_with_dom_into(json, options, result);
    return result;
}

decode_result decode_json(std::string_view json, const decode_options& options) {
    // One pass from the parser's events for a document without problems; the DOM decoder, which
    // locates every problem, for the rest (json_events.hpp). Deep input on a stack of its own.
    return detail::with_bounded_stack(json, options.max_depth, [&] {
        decode_result result;
        if (!detail::events::decode_report(detail::without_utf8_bom(json), options, result.value.emplace())) {
            result.value.reset();
            decode_with_dom_into(json, options, result);
        }
        return result;
    });
}

report load_json(std::string_view json, const decode_options& options) {
    decode_result r = decode_json(json, options);
    if (!r.ok()) throw decode_error(std::move(r.problems));
    return std::move(*r.value);
}

std::string detail::read_file_for_decoding(const std::string& path, std::size_t max_bytes) {
    try {
        return read_file(path, max_bytes);
    } catch (const error& e) {
        throw decode_error({{e.code(), "", e.what(), {}, {}, {}}});
    }
}

report load_json_file(const std::string& path, const decode_options& options) {
    return load_json(detail::read_file_for_decoding(path, options.max_input_bytes), options);
}

std::string to_json(const report& r) {
    std::string out;
    out.reserve(8192);
    detail::json_writer w(out);
    detail::encode_context ctx;
    ctx.write_back(r.unknown_members);
    w.begin_object();
    w.plain_key("format");
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
            constexpr std::string_view name = std::decay_t<decltype(d)>::name;  // no strlen per member
            w.plain_key(name);
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
