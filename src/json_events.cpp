#include "json_events.hpp"

#include "xxgk/text.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <variant>

namespace xxgk::detail::events {

namespace {

using json_error_code = boost::system::error_code;
using boost::json::string_view;

// The handler of boost::json::basic_parser: appends one event per value, member name and
// bracket; stops at a string longer than the limit.
struct recorder {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    std::vector<event>* out = nullptr;
    std::deque<std::string>* copies = nullptr;
    std::string_view input;
    std::size_t max_string = max_string_size;
    std::string part;  // the pieces of a string the parser unescaped in parts

    void push(kind k) { out->push_back(event{k, false, nullptr, {}}); }
    bool push_text(kind k, string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        const bool in_input =
            part.empty() && s.data() >= input.data() && s.data() + s.size() <= input.data() + input.size();
        event e{k, false, s.data(), {}};
        e.size = s.size();
        if (!in_input) {  // unescaped into the parser's buffer: keep a copy
            part.append(s.data(), s.size());
            copies->push_back(std::move(part));
            part.clear();
            e.data = copies->back().data();
            e.size = copies->back().size();
        }
        out->push_back(e);
        return true;
    }
    bool push_part(string_view s, std::size_t n, json_error_code& ec) {
        if (!within_limit(n, ec)) return false;
        part.append(s.data(), s.size());
        return true;
    }
    bool within_limit(std::size_t n, json_error_code& ec) {
        if (n <= max_string) return true;
        ec = boost::json::error::string_too_large;
        return false;
    }

    bool on_document_begin(json_error_code&) { return true; }
    bool on_document_end(json_error_code&) { return true; }
    bool on_object_begin(json_error_code&) { return push(kind::object_begin), true; }
    bool on_object_end(std::size_t, json_error_code&) { return push(kind::object_end), true; }
    bool on_array_begin(json_error_code&) { return push(kind::array_begin), true; }
    bool on_array_end(std::size_t, json_error_code&) { return push(kind::array_end), true; }
    bool on_key_part(string_view s, std::size_t n, json_error_code& ec) { return push_part(s, n, ec); }
    bool on_key(string_view s, std::size_t n, json_error_code& ec) { return push_text(kind::key, s, n, ec); }
    bool on_string_part(string_view s, std::size_t n, json_error_code& ec) { return push_part(s, n, ec); }
    bool on_string(string_view s, std::size_t n, json_error_code& ec) { return push_text(kind::string, s, n, ec); }
    bool on_number_part(string_view, json_error_code&) { return true; }
    bool on_int64(std::int64_t i, string_view, json_error_code&) {
        event e{kind::integer, false, nullptr, {}};
        e.integer = i;
        out->push_back(e);
        return true;
    }
    bool on_uint64(std::uint64_t, string_view, json_error_code&) { return push(kind::other), true; }
    bool on_double(double, string_view, json_error_code&) { return push(kind::other), true; }
    bool on_bool(bool b, json_error_code&) {
        out->push_back(event{kind::boolean, b, nullptr, {}});
        return true;
    }
    bool on_null(json_error_code&) { return push(kind::null), true; }
    bool on_comment_part(string_view, json_error_code&) { return true; }
    bool on_comment(string_view, json_error_code&) { return true; }
};

// The events and copies of one decoding, kept per thread so that their memory is reused.
struct buffers {
    std::vector<event> events;
    std::deque<std::string> copies;
    ~buffers() = default;
};

// Empties the buffers when a decoding ends; lets go of the memory a very large document took.
struct release_on_exit {
    buffers& b;
    ~release_on_exit() {
        b.copies.clear();
        if (b.events.capacity() > (std::size_t{1} << 16)) b.events = std::vector<event>();
    }
};

// The report's own members other than `tables` (whose sections are top-level members), and the
// sections of the format read: a top-level member is one of either.
template <class Tables>
bool read_report_members(cursor& c, report& r, Tables& tables, format_version format) {
    static constexpr auto own = member_names<report>();
    static constexpr std::size_t tables_index = find_name(own, "tables", 0);
    static_assert(tables_index < own.size());
    constexpr std::uint64_t tables_bit = std::uint64_t{1} << tables_index;
    std::uint64_t seen_own = 0, seen_sections = 0;
    std::size_t hint_own = 0, hint_sections = 0;
    while (!c.take(kind::object_end)) {
        const event& k = c.next();
        if (k.what != kind::key) return false;
        const std::string_view name = k.text();
        match m = read_named_member(c, tables, name, seen_sections, hint_sections);
        if (m == match::absent) {
            if (name == "processing_fees" && format == format_version::v2019) return false;  // 2021 only
            m = read_named_member(c, r, name, seen_own, hint_own, tables_bit);
        }
        if (m != match::read) return false;
    }
    constexpr std::uint64_t required_own = required_members<report>() & ~tables_bit;
    constexpr std::uint64_t required_sections = required_members<Tables>();
    return (seen_own & required_own) == required_own && (seen_sections & required_sections) == required_sections;
}

}  // namespace

bool record(std::string_view json, const decode_options& options, std::vector<event>& out,
            std::deque<std::string>& copies) {
    out.clear();
    // The parser checks UTF-8 a code point at a time, which is most of its work on Chinese
    // text; checked here at once over the whole text, the parser need not (a text that is valid
    // as a whole has valid strings).
    if (invalid_utf8_offset(json) != valid_utf8) return false;
    out.reserve(std::min<std::size_t>(json.size() / 8 + 16, std::size_t{1} << 16));  // about one event per 8 bytes
    boost::json::parse_options popts;
    popts.allow_invalid_utf8 = true;
    popts.max_depth = std::min(options.max_depth, decode_options::max_depth_cap);
    boost::json::basic_parser<recorder> parser(popts);
    recorder& h = parser.handler();
    h.out = &out;
    h.copies = &copies;
    h.input = json;
    h.max_string = options.max_string_bytes;
    json_error_code ec;
    const std::size_t consumed = parser.write_some(false, json.data(), json.size(), ec);
    return !ec && consumed == json.size();
}

bool read_decimal(const event& e, decimal& out) {
    if (e.what == kind::integer) {
        out = decimal(e.integer);
        return true;
    }
    if (e.what != kind::string) return false;
    const auto d = decimal::parse(e.text());
    if (!d) return false;
    out = *d;
    return true;
}

bool read_date(const event& e, calendar_date& out) {
    if (e.what != kind::string) return false;
    const auto d = calendar_date::parse(e.text());
    if (!d) return false;
    out = *d;
    return true;
}

// A cell is null (blank), an integer, or an object of state / value / unit / raw / source; the
// rules of their combination are those of decode_cell (json.cpp), which this must agree with.
bool read_cell(cursor& c, cell& out) {
    out = cell();
    const event& first = c.next();
    if (first.what == kind::null) return true;
    if (first.what == kind::integer) {
        out.set_value(decimal(first.integer));
        return true;
    }
    if (first.what != kind::object_begin) return false;
    std::optional<cell_state> state;
    const event* value = nullptr;
    std::optional<money_unit> unit;
    const event* raw = nullptr;
    std::optional<provenance> source;
    while (!c.take(kind::object_end)) {
        const event& k = c.next();
        if (k.what != kind::key) return false;
        const std::string_view name = k.text();
        if (name == "state") {
            cell_state s{};
            if (state || !read_enum(c.next(), s)) return false;
            state = s;
        } else if (name == "value") {
            if (value) return false;
            value = &c.next();
        } else if (name == "unit") {
            money_unit u{};
            if (unit || !read_enum(c.next(), u)) return false;
            unit = u;
        } else if (name == "raw") {
            if (raw) return false;
            raw = &c.next();
            if (raw->what != kind::string) return false;
        } else if (name == "source") {
            if (source || !read_object(c, source.emplace())) return false;
        } else {
            return false;
        }
    }
    if (value) {
        decimal d;
        if ((state && *state != cell_state::number) || !read_decimal(*value, d)) return false;
        out.set_value(d);
    } else {
        if (!state || *state == cell_state::number) return false;
        out.set_state(*state);
    }
    if (unit) {
        if (out.is_number())
            out.set_value(out.value(), *unit);
        else if (*unit != money_unit::none)
            return false;
    }
    if (raw) out.set_raw(std::string(raw->text()));
    if (source) out.set_source(*source);
    return true;
}

bool decode_report(std::string_view json, const decode_options& options, report& out) {
    if (json.size() > options.max_input_bytes) return false;
    thread_local buffers b;
    release_on_exit release{b};
    if (!record(json, options, b.events, b.copies)) return false;
    cursor c(b.events);
    // Canonical documents begin with "format", which decides the tables; anything else goes the
    // DOM way (which finds "format" wherever it is).
    if (!c.take(kind::object_begin)) return false;
    const event& k = c.next();
    if (k.what != kind::key || k.text() != "format") return false;
    const event& v = c.next();
    if (v.what != kind::string) return false;
    const auto format = parse_format_version(v.text());
    if (!format) return false;
    if (*format == format_version::v2021) out.tables.emplace<tables_2021>();  // a fresh report holds 2019 tables
    return std::visit([&](auto& tables) { return read_report_members(c, out, tables, *format); }, out.tables);
}

}  // namespace xxgk::detail::events
