// Internal: the Chinese labels of the portal model's members (spec/portal.md), keyed by member
// name, for the JSON Schema titles and the HTML headers. One table, next to the model.
#ifndef XXGK_SRC_PORTAL_PORTAL_LABELS_HPP
#define XXGK_SRC_PORTAL_PORTAL_LABELS_HPP

#include <string_view>

namespace xxgk::detail {

/// The label of a portal member ("item_level1" → "一级事项"); "" when the member has none.
std::string_view portal_member_label(std::string_view member) noexcept;

}  // namespace xxgk::detail

#endif
