// Internal: the Describe-driven JSON walkers. Every encoder and decoder of xxgk is an
// instantiation of these two templates; JSON member names are the described member names.
#ifndef XXGK_SRC_JSON_CODEC_HPP
#define XXGK_SRC_JSON_CODEC_HPP

#include "json_events.hpp"
#include "json_writer.hpp"
#include "xxgk/cell.hpp"
#include "xxgk/error.hpp"
#include "xxgk/json.hpp"
#include "xxgk/report.hpp"
#include "xxgk/detail/traits.hpp"

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xxgk::detail {

// ---------------------------------------------------------------------------------------------
// Encoding

/// State of one encoding run: where we are (only tracked when kept unknown members must be
/// written back) and the members to write back.
struct encode_context {
    const std::vector<unknown_member>* unknown = nullptr;  ///< null or empty: nothing to write back
    std::string path;                                      ///< JSON Pointer of the current value

    /// Points the context at the members to write back, indexed by the pointer of their object
    /// (in the order read): one lookup per object written, not a scan of every kept member —
    /// a lax report may keep as many members as it has objects.
    void write_back(const std::vector<unknown_member>& members) {
        unknown = &members;
        by_parent_.clear();
        for (const unknown_member& u : members) by_parent_[u.parent_pointer].push_back(&u);
    }
    bool tracking() const noexcept { return unknown && !unknown->empty(); }
    bool has_unknown_here() const { return tracking() && by_parent_.count(path) != 0; }
    void write_unknown_here(json_writer& w) const {
        if (!tracking()) return;
        const auto it = by_parent_.find(path);
        if (it == by_parent_.end()) return;
        for (const unknown_member* u : it->second) {
            w.key(u->name);
            w.raw(u->json);
        }
    }

private:
    std::unordered_map<std::string_view, std::vector<const unknown_member*>> by_parent_;
};

/// Appends "/" + a member name of the model: a C++ identifier, which has nothing to escape.
inline void push_name(std::string& path, std::string_view described_name) {
    path += '/';
    path += described_name;
}

/// Appends "/" + an array index.
inline void push_index(std::string& path, std::size_t index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    path += '/';
    path.append(digits, end);
}

/// Appends "/" + escaped token to a JSON Pointer (RFC 6901: "~" → "~0", "/" → "~1").
inline void push_pointer(std::string& path, std::string_view token) {
    path += '/';
    for (char c : token) {
        if (c == '~')
            path += "~0";
        else if (c == '/')
            path += "~1";
        else
            path += c;
    }
}

void encode_cell(json_writer& w, const cell& c, encode_context& ctx);

template <class T>
void encode_value(json_writer& w, const T& v, encode_context& ctx);

/// Writes the described members of `v` into the currently open object.
template <class T>
void encode_members(json_writer& w, const T& v, encode_context& ctx) {
    for_each_member<T>([&](auto d) {
        const auto& m = v.*d.pointer;
        using M = std::decay_t<decltype(m)>;
        if constexpr (is_optional<M>::value) {
            if (!m) return;
        } else if constexpr (is_vector<M>::value) {
            if (m.empty()) return;
        }
        constexpr std::string_view name = std::decay_t<decltype(d)>::name;  // no strlen per member
        w.plain_key(name);
        const std::size_t mark = ctx.path.size();
        if (ctx.tracking()) push_pointer(ctx.path, d.name);
        encode_value(w, m, ctx);
        ctx.path.resize(mark);
    });
}

template <class T>
void encode_value(json_writer& w, const T& v, encode_context& ctx) {
    if constexpr (is_cell_v<T>) {
        encode_cell(w, v, ctx);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        w.begin_object();
        encode_members(w, v, ctx);
        ctx.write_unknown_here(w);
        w.end_object();
    } else if constexpr (is_optional<T>::value) {
        encode_value(w, *v, ctx);
    } else if constexpr (is_vector<T>::value) {
        w.begin_array();
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t mark = ctx.path.size();
            if (ctx.tracking()) push_pointer(ctx.path, std::to_string(i));
            encode_value(w, v[i], ctx);
            ctx.path.resize(mark);
        }
        w.end_array();
    } else if constexpr (std::is_same_v<T, std::string>) {
        w.string(v);
    } else if constexpr (std::is_same_v<T, bool>) {
        w.boolean(v);
    } else if constexpr (std::is_enum_v<T>) {
        w.string(boost::describe::enum_to_string(v, "?"));
    } else if constexpr (std::is_integral_v<T>) {
        w.integer(static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, decimal>) {
        w.string(v.to_string());
    } else if constexpr (std::is_same_v<T, calendar_date>) {
        w.string(v.to_string());
    } else {
        static_assert(sizeof(T) == 0, "no JSON encoding for this type");
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// State of one decoding run: the problems found so far, the current JSON Pointer, and where
/// unknown members go.
struct decode_context {
    std::vector<problem>& problems;
    bool strict = true;
    std::vector<unknown_member>* unknown = nullptr;
    std::string path;
    /// Called for a member the model does not have; returns true when it reported the member
    /// itself (a row of the other format version). Null: plain unknown member.
    bool (*classify_unknown)(decode_context&, std::string_view name) = nullptr;
    format_version format = format_version::v2019;
    /// JSON Pointers of the integer literals beyond 64 bits (which the DOM holds as doubles),
    /// sorted; null when there are none.
    const std::vector<std::string>* big_integers = nullptr;
    /// decode_options::max_problems: past it, problems are dropped and `truncated` is set.
    std::size_t max_problems = std::numeric_limits<std::size_t>::max();
    bool truncated = false;

    /// True when the double at the current path was written as an integer literal.
    bool at_big_integer() const {
        return big_integers && std::binary_search(big_integers->begin(), big_integers->end(), path);
    }

    void report(errc code, std::string message) {
        if (problems.size() >= max_problems) {
            truncated = true;
            return;
        }
        problems.push_back({code, path, std::move(message), {}, {}, {}});
    }
    void report_at(std::string_view member, errc code, std::string message) {
        const std::size_t mark = path.size();
        push_pointer(path, member);
        report(code, std::move(message));
        path.resize(mark);
    }
};

const char* json_kind_name(const boost::json::value& v) noexcept;

void decode_cell(const boost::json::value& jv, cell& out, decode_context& ctx);
void handle_unknown_member(decode_context& ctx, std::string_view name, const boost::json::value& v);

template <class T>
void decode_value(const boost::json::value& jv, T& out, decode_context& ctx);

/// Decodes the members of a described struct from `obj`, reporting missing and unknown ones.
/// `known_extra` lists further member names that the caller handles itself.
template <class T>
void decode_members(const boost::json::object& obj, T& out, decode_context& ctx, std::size_t handled_elsewhere = 0,
                    bool (*is_handled_elsewhere)(std::string_view) = nullptr) {
    std::size_t matched = handled_elsewhere;
    // Canonical documents list the members in description order: try the next position first,
    // and once every member of the object has been matched, the rest are absent: no lookup.
    auto next = obj.begin();
    for_each_member<T>([&](auto d) {
        using M = std::decay_t<decltype(out.*d.pointer)>;
        constexpr std::string_view name = std::decay_t<decltype(d)>::name;  // no strlen per object
        auto it = next != obj.end() && next->key() == name ? next : matched == obj.size() ? obj.end() : obj.find(name);
        if (it != obj.end()) next = it + 1;
        if (it == obj.end()) {
            if constexpr (!is_optional_member_v<M>)
                ctx.report_at(d.name, errc::missing_member, std::string("required member '") + d.name + "' is missing");
            return;
        }
        ++matched;
        const std::size_t mark = ctx.path.size();
        push_name(ctx.path, name);
        decode_value(it->value(), out.*d.pointer, ctx);
        ctx.path.resize(mark);
    });
    if (matched == obj.size()) return;
    // Some members are not in the description: find them (rare path).
    for (const auto& kv : obj) {
        bool known = is_handled_elsewhere && is_handled_elsewhere(kv.key());
        for_each_member<T>([&](auto d) { known = known || kv.key() == d.name; });
        if (!known) handle_unknown_member(ctx, kv.key(), kv.value());
    }
}

template <class I>
void decode_integer(const boost::json::value& jv, I& out, decode_context& ctx) {
    std::int64_t v = 0;
    if (jv.is_int64()) {
        v = jv.get_int64();
    } else if (jv.is_uint64()) {
        ctx.report(errc::out_of_range, "integer " + std::to_string(jv.get_uint64()) + " is out of range");
        return;
    } else if (jv.is_double()) {
        if (ctx.at_big_integer())
            ctx.report(errc::out_of_range, "integer beyond the 64-bit range");
        else
            ctx.report(errc::wrong_type, "expected an integer, found a number with a fraction or exponent");
        return;
    } else {
        ctx.report(errc::wrong_type, std::string("expected an integer, found ") + json_kind_name(jv));
        return;
    }
    using limits = std::numeric_limits<I>;
    const bool in_range =
        std::is_signed_v<I>
            ? (v >= static_cast<std::int64_t>(limits::min()) && v <= static_cast<std::int64_t>(limits::max()))
            : (v >= 0 && static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(limits::max()));
    if (!in_range) {
        ctx.report(errc::out_of_range, "integer " + std::to_string(v) + " is out of range [" +
                                           std::to_string(limits::min()) + ", " + std::to_string(limits::max()) + "]");
        return;
    }
    out = static_cast<I>(v);
}

template <class E>
std::string enum_names() {
    std::string names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!names.empty()) names += ", ";
        names += '"';
        names += d.name;
        names += '"';
    });
    return names;
}

template <class T>
void decode_value(const boost::json::value& jv, T& out, decode_context& ctx) {
    if constexpr (is_cell_v<T>) {
        decode_cell(jv, out, ctx);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        if (!jv.is_object()) {
            ctx.report(errc::wrong_type, std::string("expected an object, found ") + json_kind_name(jv));
            return;
        }
        decode_members(jv.get_object(), out, ctx);
    } else if constexpr (is_optional<T>::value) {
        // null is an absent member, except for an optional cell, where it is a blank cell
        // (the encoder writes a present blank cell as null).
        if (jv.is_null() && !is_cell_v<typename T::value_type>) {
            out.reset();
            return;
        }
        decode_value(jv, out.emplace(), ctx);
    } else if constexpr (is_vector<T>::value) {
        if (!jv.is_array()) {
            ctx.report(errc::wrong_type, std::string("expected an array, found ") + json_kind_name(jv));
            return;
        }
        const auto& arr = jv.get_array();
        out.resize(arr.size());
        for (std::size_t i = 0; i < arr.size(); ++i) {
            const std::size_t mark = ctx.path.size();
            push_index(ctx.path, i);
            decode_value(arr[i], out[i], ctx);
            ctx.path.resize(mark);
        }
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!jv.is_string()) {
            ctx.report(errc::wrong_type, std::string("expected a string, found ") + json_kind_name(jv));
            return;
        }
        out.assign(jv.get_string().data(), jv.get_string().size());
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!jv.is_bool()) {
            ctx.report(errc::wrong_type, std::string("expected true or false, found ") + json_kind_name(jv));
            return;
        }
        out = jv.get_bool();
    } else if constexpr (std::is_enum_v<T>) {
        if (!jv.is_string()) {
            ctx.report(errc::wrong_type,
                       std::string("expected one of ") + enum_names<T>() + ", found " + json_kind_name(jv));
            return;
        }
        const std::string_view name(jv.get_string().data(), jv.get_string().size());
        if (!events::enum_from_name(name, out))
            ctx.report(errc::invalid_value, "'" + std::string(name) + "' is not one of " + enum_names<T>());
    } else if constexpr (std::is_integral_v<T>) {
        decode_integer(jv, out, ctx);
    } else if constexpr (std::is_same_v<T, decimal>) {
        if (jv.is_int64()) {
            out = decimal(jv.get_int64());
        } else if (jv.is_string()) {
            auto d = decimal::parse(std::string_view(jv.get_string().data(), jv.get_string().size()));
            if (d)
                out = *d;
            else
                ctx.report(
                    errc::invalid_value,
                    "'" + std::string(jv.get_string()) +
                        "' is not a decimal such as \"17424.88\" (at most 18 digits after the point, 64-bit range)");
        } else if (jv.is_uint64() || (jv.is_double() && ctx.at_big_integer())) {
            ctx.report(errc::out_of_range, "integer beyond the 64-bit range");
        } else {
            ctx.report(errc::wrong_type,
                       std::string("expected a decimal string such as \"17424.88\", found ") + json_kind_name(jv));
        }
    } else if constexpr (std::is_same_v<T, calendar_date>) {
        if (!jv.is_string()) {
            ctx.report(errc::wrong_type, std::string("expected a date \"YYYY-MM-DD\", found ") + json_kind_name(jv));
            return;
        }
        auto d = calendar_date::parse(std::string_view(jv.get_string().data(), jv.get_string().size()));
        if (d)
            out = *d;
        else
            ctx.report(errc::invalid_value,
                       "'" + std::string(jv.get_string()) + "' is not a real day written YYYY-MM-DD");
    } else {
        static_assert(sizeof(T) == 0, "no JSON decoding for this type");
    }
}

/// Parses `json` within the limits of `options` (size, depth, string length, problem count),
/// reports syntax errors with line and column and repeated member names, then lets `walk` decode
/// the DOM with a context set up from `options` (strict, `unknown` for lax mode). Problems end up
/// in document order. Every decoder of a whole document (report, portal) goes through here.
/// `base`: the JSON Pointer of the decoded text within a larger document (set_json decodes one
/// member of a report): the pointers of the problems found in the values, and the walk's context,
/// start there; problems of the text itself (syntax, size, depth) keep "" (the whole input).
void decode_document(std::string_view json, const decode_options& options, std::vector<problem>& problems,
                     std::vector<unknown_member>* unknown,
                     const std::function<void(const boost::json::value&, decode_context&)>& walk,
                     std::string_view base = {});

/// For decode_context::classify_unknown in a report: a member that is a row or cell of the other
/// format version is reported as errc::wrong_format (returns true); false for any other name.
bool classify_other_format_member(decode_context& ctx, std::string_view name);

/// decode_json without its one-pass reader: the DOM decoder alone (for the tests that compare them).
decode_result decode_json_with_dom(std::string_view json, const decode_options& options);

/// The text of a file for the load_*_file functions, read by `read_file(path, max_bytes)`: throws
/// decode_error (errc::io_error, or errc::limit_exceeded for a file larger than `max_bytes`) when
/// it cannot be read, so that they fail the way they fail for bad content.
std::string read_file_for_decoding(const std::string& path, std::size_t max_bytes);

}  // namespace xxgk::detail

#endif
