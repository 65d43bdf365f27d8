#include "xxgk/keys.hpp"

#include "xxgk/detail/traits.hpp"

#include <algorithm>
#include <unordered_map>

namespace xxgk {
namespace {

// One accessor per cell, instantiated from the member pointers of the descriptions:
// tables.*section.*row.*column. No offsets, no key lists written by hand.
template <class Tables, auto Section, auto Row, auto Column>
cell& access(Tables& t) noexcept {
    return (t.*Section).*Row.*Column;
}

/// Calls f(s, r, c) with the Boost.Describe descriptors of the section, row and column of every
/// cell of `Tables`, in key order. Optional members (a printed 法人或其他组织 subtotal) are
/// outside the key space. The one walk behind the key list and `cell_pointers`.
template <class Tables, class F>
void for_each_cell_member(F&& f) {
    detail::for_each_member<Tables>([&](auto s) {
        detail::for_each_member<detail::member_type<decltype(s)>>([&](auto r) {
            detail::for_each_member<detail::member_type<decltype(r)>>([&](auto c) {
                if constexpr (detail::is_cell_v<detail::member_type<decltype(c)>>) f(s, r, c);
            });
        });
    });
}

template <class Tables>
struct registry {
    using accessor = cell& (*)(Tables&) noexcept;
    std::vector<cell_key> keys;
    std::vector<accessor> access;
    std::unordered_map<std::string_view, std::size_t> by_key;
    std::unordered_map<std::string, bool> rows;  // "section.row"

    explicit registry(format_version format) {
        const label_table& labels = xxgk::labels(format);
        for_each_cell_member<Tables>([&](auto s, auto r, auto c) {
            using cell_t = detail::member_type<decltype(c)>;
            rows.emplace(std::string(s.name) + "." + r.name, true);
            cell_key k;
            k.section = s.name;
            k.row = r.name;
            k.column = c.name;
            k.key = std::string(s.name) + "." + r.name + "." + c.name;
            k.pointer = "/" + std::string(s.name) + "/" + r.name + "/" + c.name;
            k.kind = cell_t::kind;
            k.index = keys.size();
            k.row_info = labels.row(k.section, k.row);
            k.column_info = labels.column(k.section, k.column);
            keys.push_back(std::move(k));
            access.push_back(&xxgk::access<Tables, decltype(s)::pointer, decltype(r)::pointer, decltype(c)::pointer>);
        });
        for (const cell_key& k : keys) by_key.emplace(k.key, k.index);
    }
};

const registry<tables_2019>& registry_2019() {
    static const registry<tables_2019> r(format_version::v2019);
    return r;
}
const registry<tables_2021>& registry_2021() {
    static const registry<tables_2021> r(format_version::v2021);
    return r;
}

template <class Tables>
const registry<Tables>& registry_of() {
    if constexpr (std::is_same_v<Tables, tables_2019>)
        return registry_2019();
    else
        return registry_2021();
}

[[noreturn]] void throw_unknown_key(format_version format, std::string_view key) {
    const format_version other = format == format_version::v2019 ? format_version::v2021 : format_version::v2019;
    std::string message =
        "'" + std::string(key) + "' is not a cell key of the " + std::string(to_string(format)) + " format";
    if (find_cell_key(other, key))
        message += " (it exists only in the " + std::string(to_string(other)) + " format)";
    else
        message += " (keys have the form <section>.<row>.<column>, e.g. requests.granted.natural_person)";
    throw key_error(std::string(key), message);
}

}  // namespace

std::string cell_key::label_path(format_version format) const {
    const label_table& t = labels(format);
    std::string path(t.section(section)->label);
    std::string groups = t.row_group_path(section, row);
    if (!groups.empty()) path += " › " + groups;
    path += " › ";
    path += row_info->label;
    path += " › ";
    if (!column_info->group.empty()) {
        path += column_info->group;
        path += " › ";
    }
    path += column_info->label;
    return path;
}

const std::vector<cell_key>& cell_keys(format_version format) noexcept {
    return format == format_version::v2019 ? registry_2019().keys : registry_2021().keys;
}

const cell_key* find_cell_key(format_version format, std::string_view key) noexcept {
    auto find = [&](const auto& reg) -> const cell_key* {
        auto it = reg.by_key.find(key);
        return it == reg.by_key.end() ? nullptr : &reg.keys[it->second];
    };
    return format == format_version::v2019 ? find(registry_2019()) : find(registry_2021());
}

bool is_row_or_key_of(format_version format, std::string_view dotted) noexcept {
    if (find_cell_key(format, dotted)) return true;
    const auto& rows = format == format_version::v2019 ? registry_2019().rows : registry_2021().rows;
    return rows.count(std::string(dotted)) != 0;
}

cell& cell_at(report& r, std::size_t index) noexcept {
    return std::visit(
        [&](auto& t) -> cell& {
            using T = std::decay_t<decltype(t)>;
            return registry_of<T>().access[index](t);
        },
        r.tables);
}

const cell& cell_at(const report& r, std::size_t index) noexcept { return cell_at(const_cast<report&>(r), index); }

void cell_pointers(const report& r, const cell** out) noexcept {
    // Unrolled at compile time: one store per cell, no call through the accessor table.
    std::visit(
        [out](const auto& t) mutable {
            for_each_cell_member<std::decay_t<decltype(t)>>([&](auto s, auto row, auto c) {
                *out++ = &(((t.*decltype(s)::pointer).*decltype(row)::pointer).*decltype(c)::pointer);
            });
        },
        r.tables);
}

cell& cell_at(report& r, std::string_view key) {
    const cell_key* k = find_cell_key(r.format(), key);
    if (!k) throw_unknown_key(r.format(), key);
    return cell_at(r, k->index);
}

const cell& cell_at(const report& r, std::string_view key) { return cell_at(const_cast<report&>(r), key); }

void set_cell(report& r, std::string_view key, cell value) { cell_at(r, key) = std::move(value); }

}  // namespace xxgk
