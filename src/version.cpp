#include "xxgk/version.hpp"

namespace xxgk {
// Compiled into the library, so it reports the library's version even when a caller's headers differ.
const char* version() noexcept { return XXGK_VERSION_STRING; }
}  // namespace xxgk
