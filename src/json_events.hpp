// Internal: the one-pass decoder. Boost.JSON's parser reports the document as a flat list of
// events (begin/end of objects and arrays, member names, scalars) and the Describe-driven
// readers below turn those events straight into the model: no DOM is built.
//
// It decodes the documents that have no problem, which is nearly all of them, and gives up —
// returning false, having reported nothing — at the first thing it does not accept: any syntax
// error, a member the model does not have, a repeated member, a missing required member, a value
// of the wrong type or out of range, a string over the limit. The caller then decodes the same
// text with the DOM decoder of json_codec.hpp, which finds and locates every problem. So what this
// reader accepts it must decode exactly as the DOM decoder does; tests/unit/fast_paths_test.cpp
// compares the two on every test document and on mutated ones.
#ifndef XXGK_SRC_JSON_EVENTS_HPP
#define XXGK_SRC_JSON_EVENTS_HPP

#include "xxgk/cell.hpp"
#include "xxgk/json.hpp"
#include "xxgk/report.hpp"
#include "xxgk/detail/traits.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::detail {

/// True for members that may be absent from their object: optionals, arrays (absent = empty)
/// and enumerations (absent = their first enumerator, "unknown": header.scope, header.level).
/// The rule of both decoders and of the schema's "required".
template <class M>
inline constexpr bool is_optional_member_v = is_optional<M>::value || is_vector<M>::value || std::is_enum_v<M>;

}  // namespace xxgk::detail

namespace xxgk::detail::events {

/// What one event of the parser was.
enum class kind : std::uint8_t {
    object_begin,
    object_end,
    array_begin,
    array_end,
    key,
    string,
    integer,  ///< an integer literal that fits in 64 bits signed
    boolean,
    null,
    other,  ///< a number the readers never accept: beyond int64, or with a fraction or exponent
};

/// One event. Member names and strings are views: into the input where the parser could point
/// there (no escapes), else into the recorder's own copies.
struct event {
    kind what = kind::other;
    bool truth = false;  ///< booleans: the literal's value
    const char* data = nullptr;
    union {
        std::size_t size = 0;  ///< names and strings: bytes
        std::int64_t integer;  ///< integers
    };
    std::string_view text() const noexcept { return {data, size}; }
};

/// The enumerator of E named exactly `name` (no lookup through a C string: a name with a NUL
/// inside names nothing).
template <class E>
bool enum_from_name(std::string_view name, E& out) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!found && name == d.name) {
            out = d.value;
            found = true;
        }
    });
    return found;
}

/// Parses `json` into `out` (cleared first) within the limits of `options` (depth, string
/// length). Strings that needed unescaping are copied into `copies`, which must outlive `out`.
/// Returns false on any syntax error or limit crossed.
bool record(std::string_view json, const decode_options& options, std::vector<event>& out,
            std::deque<std::string>& copies);

/// Reads events in order.
class cursor {
public:
    explicit cursor(const std::vector<event>& events) noexcept
        : it_(events.data()), end_(events.data() + events.size()) {}
    bool at_end() const noexcept { return it_ == end_; }
    /// The next event. Only called inside an object or array, whose end event is still to come
    /// (the recorder keeps only whole, balanced documents).
    const event& next() noexcept { return *it_++; }
    /// Consumes the next event when it is of kind `k`.
    bool take(kind k) noexcept {
        if (it_ == end_ || it_->what != k) return false;
        ++it_;
        return true;
    }

private:
    const event* it_;
    const event* end_;
};

bool read_cell(cursor& c, cell& out);
bool read_decimal(const event& e, decimal& out);
bool read_date(const event& e, calendar_date& out);

template <class T>
bool read_value(cursor& c, T& out);

/// The JSON names of T's described members, in description order.
template <class T>
constexpr auto member_names() {
    using list = members<T>;
    std::array<std::string_view, boost::mp11::mp_size<list>::value> names{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<list>([&](auto d) { names[i++] = std::decay_t<decltype(d)>::name; });
    return names;
}

/// Bit i set: member i of T must be present.
template <class T>
constexpr std::uint64_t required_members() {
    std::uint64_t mask = 0;
    std::size_t i = 0;
    boost::mp11::mp_for_each<members<T>>([&](auto d) {
        if (!is_optional_member_v<member_type<decltype(d)>>) mask |= std::uint64_t{1} << i;
        ++i;
    });
    return mask;
}

/// The index of `name` among `names`, trying `hint` first (canonical documents list members in
/// description order); names.size() when absent.
template <std::size_t N>
constexpr std::size_t find_name(const std::array<std::string_view, N>& names, std::string_view name,
                                std::size_t hint) noexcept {
    if (hint < N && names[hint] == name) return hint;
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return i;
    return N;
}

/// Reads the value of member `index` of `out`.
template <class T>
bool read_member(cursor& c, T& out, std::size_t index) {
    using list = members<T>;
    return boost::mp11::mp_with_index<boost::mp11::mp_size<list>::value>(index, [&](auto i) {
        using D = boost::mp11::mp_at_c<list, decltype(i)::value>;
        if constexpr (std::is_same_v<member_type<D>, report_tables>)
            return false;  // the report's tables have no JSON name: their sections are read by name
        else
            return read_value(c, out.*D::pointer);
    });
}

/// What became of a member name offered to a struct.
enum class match : std::uint8_t { absent, failed, read };

/// Reads the value of the member of `out` named `name` (its name event consumed). `absent`: T
/// has no such member (or it is one of the `excluded` bits); `failed`: it was seen before, or its
/// value was not accepted. `seen` (a bit per member) and `hint` (where the next member is looked
/// for first) carry over between the members of one object.
template <class T>
match read_named_member(cursor& c, T& out, std::string_view name, std::uint64_t& seen, std::size_t& hint,
                        std::uint64_t excluded = 0) {
    static constexpr auto names = member_names<T>();
    static_assert(names.size() <= 64, "a described struct of more than 64 members needs a wider mask");
    const std::size_t i = find_name(names, name, hint);
    if (i == names.size() || ((excluded >> i) & 1)) return match::absent;
    if ((seen >> i) & 1) return match::failed;  // repeated
    seen |= std::uint64_t{1} << i;
    hint = i + 1;
    return read_member(c, out, i) ? match::read : match::failed;
}

template <class T>
bool read_object(cursor& c, T& out) {
    if (!c.take(kind::object_begin)) return false;
    std::uint64_t seen = 0;
    std::size_t hint = 0;
    while (!c.take(kind::object_end)) {
        const event& k = c.next();
        if (k.what != kind::key || read_named_member(c, out, k.text(), seen, hint) != match::read) return false;
    }
    constexpr std::uint64_t required = required_members<T>();
    return (seen & required) == required;
}

template <class I>
bool read_integer(const event& e, I& out) {
    if (e.what != kind::integer) return false;
    using limits = std::numeric_limits<I>;
    const std::int64_t v = e.integer;
    const bool in_range =
        std::is_signed_v<I>
            ? (v >= static_cast<std::int64_t>(limits::min()) && v <= static_cast<std::int64_t>(limits::max()))
            : (v >= 0 && static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(limits::max()));
    if (!in_range) return false;
    out = static_cast<I>(v);
    return true;
}

template <class E>
bool read_enum(const event& e, E& out) {
    return e.what == kind::string && enum_from_name(e.text(), out);
}

template <class T>
bool read_value(cursor& c, T& out) {
    if constexpr (is_cell_v<T>) {
        return read_cell(c, out);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        return read_object(c, out);
    } else if constexpr (is_optional<T>::value) {
        // null is an absent member, except for an optional cell, where it is a blank cell.
        if constexpr (!is_cell_v<typename T::value_type>) {
            if (c.take(kind::null)) {
                out.reset();
                return true;
            }
        }
        return read_value(c, out.emplace());
    } else if constexpr (is_vector<T>::value) {
        if (!c.take(kind::array_begin)) return false;
        out.clear();
        while (!c.take(kind::array_end))
            if (!read_value(c, out.emplace_back())) return false;
        return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
        const event& e = c.next();
        if (e.what != kind::string) return false;
        out.assign(e.data, e.size);
        return true;
    } else if constexpr (std::is_same_v<T, bool>) {
        const event& e = c.next();
        if (e.what != kind::boolean) return false;
        out = e.truth;
        return true;
    } else if constexpr (std::is_enum_v<T>) {
        return read_enum(c.next(), out);
    } else if constexpr (std::is_integral_v<T>) {
        return read_integer(c.next(), out);
    } else if constexpr (std::is_same_v<T, decimal>) {
        return read_decimal(c.next(), out);
    } else if constexpr (std::is_same_v<T, calendar_date>) {
        return read_date(c.next(), out);
    } else {
        static_assert(sizeof(T) == 0, "no JSON decoding for this type");
    }
}

/// Decodes a whole report in one pass into `out`, which must be a default-constructed report.
/// Returns false — `out` then unspecified — when the text has anything the DOM decoder would
/// report (see the top of this file).
bool decode_report(std::string_view json, const decode_options& options, report& out);

}  // namespace xxgk::detail::events

#endif
