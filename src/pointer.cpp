// JSON Pointers into a report (include/xxgk/pointer.hpp), on the model: the pointer is resolved
// against the model's description (what it may name), then against the report's values (what
// the report holds); a read encodes only that part, a write decodes only the new value.
#include "xxgk/pointer.hpp"

#include "json_codec.hpp"
#include "json_writer.hpp"
#include "xxgk/detail/traits.hpp"
#include "xxgk/json.hpp"
#include "xxgk/keys.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace xxgk {
namespace {

using tokens = std::vector<std::string>;

[[noreturn]] void fail(errc code, std::string pointer, std::string message) {
    throw decode_error({problem{code, std::move(pointer), std::move(message), {}, {}, {}}});
}

/// "-" (the end of a list) or a list index: digits without a leading zero.
bool is_index(const std::string& s) {
    if (s == "-") return true;
    if (s.empty() || s.size() > 18) return false;
    if (s.size() > 1 && s[0] == '0') return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string join(const tokens& t, std::size_t n, char sep) {
    std::string s;
    for (std::size_t i = 0; i < n && i < t.size(); ++i) {
        if (i) s += sep;
        s += t[i];
    }
    return s;
}

std::string prefix_pointer(const tokens& t, std::size_t n) {
    return make_pointer(tokens(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(std::min(n, t.size()))));
}

// ---- what the model's description allows

template <class T>
member_kind kind_of() {
    using namespace detail;
    if constexpr (is_optional<T>::value)
        return kind_of<typename T::value_type>();
    else if constexpr (is_cell_v<T>)
        return member_kind::cell;
    else if constexpr (boost::describe::has_describe_members<T>::value)
        return member_kind::object;
    else if constexpr (is_vector<T>::value)
        return member_kind::array;
    else if constexpr (std::is_same_v<T, bool>)
        return member_kind::boolean;
    else if constexpr (std::is_enum_v<T>)
        return member_kind::string;
    else if constexpr (std::is_integral_v<T>)
        return member_kind::integer;
    else
        return member_kind::string;  // std::string, decimal, calendar_date
}

template <class T>
std::optional<member_kind> kind_at(const tokens& t, std::size_t i) {
    using namespace detail;
    if constexpr (is_optional<T>::value) {
        return kind_at<typename T::value_type>(t, i);
    } else {
        if (i == t.size()) return kind_of<T>();
        if constexpr (boost::describe::has_describe_members<T>::value && !is_cell_v<T>) {
            std::optional<member_kind> result;
            bool matched = false;
            for_each_member<T>([&](auto d) {
                if (!matched && t[i] == d.name) {
                    matched = true;
                    result = kind_at<detail::member_type<decltype(d)>>(t, i + 1);
                }
            });
            return result;
        } else if constexpr (is_vector<T>::value) {
            if (!is_index(t[i])) return std::nullopt;
            return kind_at<typename T::value_type>(t, i + 1);
        } else {
            return std::nullopt;  // cells and scalars are leaves
        }
    }
}

/// The top level: the described members of `report` and, inlined, those of its tables.
template <class Tables>
std::optional<member_kind> kind_in_report(const tokens& t) {
    if (t.empty()) return member_kind::object;
    std::optional<member_kind> result;
    bool matched = false;
    detail::for_each_member<Tables>([&](auto d) {
        if (!matched && t[0] == d.name) {
            matched = true;
            result = kind_at<detail::member_type<decltype(d)>>(t, 1);
        }
    });
    detail::for_each_member<report>([&](auto d) {
        using M = detail::member_type<decltype(d)>;
        if constexpr (!std::is_same_v<M, report_tables>) {
            if (!matched && t[0] == d.name) {
                matched = true;
                result = kind_at<M>(t, 1);
            }
        }
    });
    return result;
}

/// What `t` names in `r`'s model; throws the pointer's error when nothing.
member_kind resolve(const report& r, const tokens& t, const std::string& pointer) {
    const format_version format = r.format();
    const std::optional<member_kind> kind =
        format == format_version::v2019 ? kind_in_report<tables_2019>(t) : kind_in_report<tables_2021>(t);
    if (kind) return *kind;
    const format_version other = format == format_version::v2019 ? format_version::v2021 : format_version::v2019;
    if (t.size() > 3 && find_cell_key(format, join(t, 3, '.')))
        fail(errc::unknown_key, pointer,
             "'" + pointer + "' points inside the cell '" + join(t, 3, '.') + "': address the cell itself");
    for (std::size_t len = std::min<std::size_t>(t.size(), 3); len >= 2; --len) {
        const std::string dotted = join(t, len, '.');
        if (is_row_or_key_of(other, dotted) && !is_row_or_key_of(format, dotted))
            fail(errc::wrong_format, pointer,
                 "'" + dotted + "' exists only in the " + std::string(to_string(other)) + " format; this report is " +
                     std::string(to_string(format)));
    }
    fail(errc::unknown_key, pointer,
         "'" + pointer + "' names nothing in the " + std::string(to_string(format)) + " report model");
}

// ---- where the pointer leads in the report's values

/// Calls `found(node, depth)` with the node the tokens lead to (depth == t.size()), or with the
/// node where they leave what the report holds (depth < t.size()): an absent optional member, or
/// a list whose token t[depth] is its end (its size, or "-") or past it. The tokens were checked
/// against the model first (`resolve`).
template <class T, class F>
void reach(T& node, const tokens& t, std::size_t i, F&& found) {
    using namespace detail;
    using U = std::remove_const_t<T>;
    if (i == t.size()) return found(node, i);
    if constexpr (is_optional<U>::value) {
        if (!node) return found(node, i);
        reach(*node, t, i, found);
    } else if constexpr (is_vector<U>::value) {
        const std::size_t index = t[i] == "-" ? node.size() : static_cast<std::size_t>(std::stoull(t[i]));
        if (index >= node.size()) return found(node, i);
        reach(node[index], t, i + 1, found);
    } else if constexpr (boost::describe::has_describe_members<U>::value && !is_cell_v<U>) {
        for_each_member<U>([&](auto d) {
            if (t[i] == d.name) reach(node.*d.pointer, t, i + 1, found);
        });
    }
}

template <class R, class F>
void reach_in_report(R& r, const tokens& t, F&& found) {
    bool matched = false;
    std::visit(
        [&](auto& tables) {
            using T = std::decay_t<decltype(tables)>;
            detail::for_each_member<T>([&](auto d) {
                if (t[0] == d.name) {
                    matched = true;
                    reach(tables.*d.pointer, t, 1, found);
                }
            });
        },
        r.tables);
    if (matched) return;
    detail::for_each_member<report>([&](auto d) {
        using M = detail::member_type<decltype(d)>;
        if constexpr (!std::is_same_v<M, report_tables>) {
            if (t[0] == d.name) reach(r.*d.pointer, t, 1, found);
        }
    });
}

/// A member kept by a lax decode that holds the pointer: its value's JSON at the rest of the
/// pointer ("null" when the rest names nothing in it); nullopt when no kept member holds it.
std::optional<std::string> in_unknown_member(const report& r, const tokens& t) {
    for (const unknown_member& u : r.unknown_members) {
        tokens at = u.parent_pointer.empty() ? tokens{} : parse_pointer(u.parent_pointer);
        at.push_back(u.name);
        if (at.size() > t.size() || !std::equal(at.begin(), at.end(), t.begin())) continue;
        boost::json::parse_options po;
        po.max_depth = decode_options::max_depth_cap;
        const boost::json::value root = boost::json::parse(u.json, {}, po);
        const boost::json::value* v = &root;
        for (std::size_t i = at.size(); i < t.size() && v; ++i) {
            if (const auto* o = v->if_object()) {
                const auto it = o->find(t[i]);
                v = it == o->end() ? nullptr : &it->value();
            } else if (const auto* a = v->if_array(); a && is_index(t[i]) && t[i] != "-") {
                const std::size_t k = static_cast<std::size_t>(std::stoull(t[i]));
                v = k < a->size() ? &(*a)[k] : nullptr;
            } else {
                v = nullptr;
            }
        }
        return v ? boost::json::serialize(*v) : std::string("null");
    }
    return std::nullopt;
}

// ---- writing: decode the new value alone

/// Decodes `text` into `out` (every check of decode_json, strict) as the value at `base`;
/// `wrapped` bytes at the start of `text` were added around the caller's value (enclosing
/// members made for it): positions are given in the caller's text.
template <class T>
void decode_part(const report& r, const std::string& text, std::size_t wrapped, const std::string& base, T& out) {
    std::vector<problem> problems;
    detail::decode_document(
        text, decode_options{}, problems, nullptr,
        [&](const boost::json::value& root, detail::decode_context& ctx) {
            ctx.format = r.format();
            ctx.classify_unknown = detail::classify_other_format_member;
            detail::decode_value(root, out, ctx);
        },
        base);
    if (problems.empty()) return;
    for (problem& p : problems) {
        if (p.offset) *p.offset = *p.offset >= wrapped ? *p.offset - wrapped : 0;
        if (p.line && *p.line == 1 && p.column) *p.column = *p.column > wrapped ? *p.column - wrapped : 1;
    }
    throw decode_error(std::move(problems));
}

/// The JSON of a value at t[from..] inside a new enclosing value: `{"name": …}` for a member,
/// `[…]` for the first element of a new list. Returns the number of bytes added before `json`.
std::size_t wrap(const tokens& t, std::size_t from, std::string_view json, std::string& out) {
    std::string before, after;
    for (std::size_t i = from; i < t.size(); ++i) {
        if (is_index(t[i])) {
            if (t[i] != "0" && t[i] != "-")
                throw std::out_of_range("index " + t[i] + " is past the end of the list " + prefix_pointer(t, i) +
                                        " (0 elements; use 0 or \"-\" to append)");
            before += '[';
            after.insert(after.begin(), ']');
        } else {
            before += '{' + boost::json::serialize(boost::json::value(t[i])) + ':';
            after.insert(after.begin(), '}');
        }
    }
    out = before;
    out.append(json.data(), json.size());
    out += after;
    return before.size();
}

/// Drops the members kept by a lax decode at or under `pointer` (they are replaced with it).
void drop_unknown_under(report& r, const std::string& pointer) {
    auto& kept = r.unknown_members;
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const unknown_member& u) {
                                  const std::string at = u.parent_pointer + make_pointer({u.name});
                                  return at.compare(0, pointer.size(), pointer) == 0 &&
                                         (at.size() == pointer.size() || at[pointer.size()] == '/');
                              }),
               kept.end());
}

}  // namespace

std::vector<std::string> parse_pointer(std::string_view p) {
    tokens t;
    if (p.empty()) return t;
    if (p[0] != '/')
        throw std::invalid_argument("'" + std::string(p) +
                                    "' is not a JSON Pointer: it must be \"\" or start with \"/\" (\"/header/body\")");
    std::string cur;
    for (std::size_t i = 1; i <= p.size(); ++i) {
        if (i == p.size() || p[i] == '/') {
            t.push_back(std::move(cur));
            cur.clear();
        } else if (p[i] == '~') {
            if (i + 1 < p.size() && (p[i + 1] == '0' || p[i + 1] == '1')) {
                cur += p[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                throw std::invalid_argument("'" + std::string(p) +
                                            "' is not a JSON Pointer: '~' must be followed by 0 or 1");
            }
        } else {
            cur += p[i];
        }
    }
    return t;
}

std::string make_pointer(const std::vector<std::string>& t) {
    std::string p;
    for (const std::string& s : t) detail::push_pointer(p, s);
    return p;
}

member_kind member_at(const report& r, std::string_view pointer) {
    return resolve(r, parse_pointer(pointer), std::string(pointer));
}

std::string get_json(const report& r, std::string_view pointer) {
    const tokens t = parse_pointer(pointer);
    if (t.empty()) return to_json(r);
    if (!r.unknown_members.empty())
        if (std::optional<std::string> kept = in_unknown_member(r, t)) return *kept;
    if (t.size() == 1 && t[0] == "format") return '"' + std::string(to_string(r.format())) + '"';
    resolve(r, t, std::string(pointer));
    std::string out = "null";
    reach_in_report(r, t, [&](const auto& node, std::size_t depth) {
        using T = std::decay_t<decltype(node)>;
        if (depth < t.size()) return;  // past what the report holds: left out
        if constexpr (detail::is_optional<T>::value) {
            if (!node) return;
        } else if constexpr (detail::is_vector<T>::value) {
            if (node.empty()) return;  // the canonical JSON omits an empty list
        }
        out.clear();
        detail::json_writer w(out);
        detail::encode_context ctx;
        ctx.write_back(r.unknown_members);
        ctx.path = make_pointer(t);
        detail::encode_value(w, node, ctx);
    });
    return out;
}

void set_json(report& r, std::string_view pointer, std::string_view json) {
    const tokens t = parse_pointer(pointer);
    const std::string where = make_pointer(t);
    if (t.empty()) {
        // A report read in lax mode may keep its unknown members; nothing new may sneak in that way.
        decode_options options;
        options.strict = r.unknown_members.empty();
        decode_result d = decode_json(json, options);
        if (!d.ok()) throw decode_error(std::move(d.problems));
        for (const unknown_member& u : d.value->unknown_members)
            if (std::find(r.unknown_members.begin(), r.unknown_members.end(), u) == r.unknown_members.end())
                fail(errc::unknown_member, u.parent_pointer + make_pointer({u.name}),
                     "unknown member '" + u.name + "'");
        r = std::move(*d.value);
        return;
    }
    if (t.size() == 1 && t[0] == "format") {
        format_version f = r.format();
        decode_part(r, std::string(json), 0, where, f);
        if (f != r.format())
            fail(errc::invalid_value, where,
                 "the format of a report is not changed in place: convert it (as_2019, as_2021) or make a new report");
        return;
    }
    resolve(r, t, std::string(pointer));
    if (t[0] == "processing_fees" && r.format() == format_version::v2019)  // as decode_json says it
        fail(errc::wrong_format, "/processing_fees",
             "'processing_fees' (the structured 信息处理费 statement) exists only in the 2021 format; report fees of a "
             "2019-format report in other_matters");
    reach_in_report(r, t, [&](auto& node, std::size_t depth) {
        using T = std::decay_t<decltype(node)>;
        if (depth == t.size()) {  // the member itself (present, or an absent optional)
            T value{};
            decode_part(r, std::string(json), 0, where, value);
            node = std::move(value);
            drop_unknown_under(r, where);
        } else if constexpr (detail::is_optional<T>::value) {  // an absent enclosing member: made
            std::string text;
            const std::size_t wrapped = wrap(t, depth, json, text);
            typename T::value_type value{};
            decode_part(r, text, wrapped, prefix_pointer(t, depth), value);
            node.emplace(std::move(value));
        } else if constexpr (detail::is_vector<T>::value) {  // the end of a list: appended
            const std::size_t index = t[depth] == "-" ? node.size() : static_cast<std::size_t>(std::stoull(t[depth]));
            if (index > node.size())
                throw std::out_of_range("index " + t[depth] + " is past the end of the list " +
                                        prefix_pointer(t, depth) + " (" + std::to_string(node.size()) +
                                        " elements; use " + std::to_string(node.size()) + " or \"-\" to append)");
            std::string text;
            const std::size_t wrapped = wrap(t, depth + 1, json, text);
            typename T::value_type value{};
            decode_part(r, text, wrapped, prefix_pointer(t, depth) + "/" + std::to_string(index), value);
            node.push_back(std::move(value));
        }
    });
}

}  // namespace xxgk
