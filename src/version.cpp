#include "xxgk/version.hpp"

namespace xxgk {
const char* version() noexcept { return XXGK_VERSION_STRING; }
}  // namespace xxgk
