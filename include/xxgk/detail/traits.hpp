// xxgk — private helpers of the public headers. Users never include this file.
#ifndef XXGK_DETAIL_TRAITS_HPP
#define XXGK_DETAIL_TRAITS_HPP

#include <xxgk/cell.hpp>

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <type_traits>
#include <vector>

namespace xxgk::detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/// Statistical cells: `cell` and every `typed_cell<K>`.
template <class T>
inline constexpr bool is_cell_v = std::is_base_of_v<cell, T>;

/// The public data members of a described struct, in description order.
template <class T>
using members = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class C, class M>
M member_type_helper(M C::*);  // declaration only
/// A member's type, from its descriptor.
template <class D>
using member_type = decltype(member_type_helper(std::decay_t<D>::pointer));

/// Calls f(descriptor) for each public member of T.
template <class T, class F>
void for_each_member(F&& f) {
    boost::mp11::mp_for_each<members<T>>(f);
}

}  // namespace xxgk::detail

#endif
