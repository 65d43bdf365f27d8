// xxgk — library version.
#ifndef XXGK_VERSION_HPP
#define XXGK_VERSION_HPP

/// Version of the headers in use; compare with xxgk::version() for the linked library.
#define XXGK_CPP_VERSION_MAJOR 0
#define XXGK_CPP_VERSION_MINOR 1
#define XXGK_CPP_VERSION_PATCH 0

namespace xxgk {
/// "0.1.0" — the version of the linked library.
const char* version() noexcept;
}  // namespace xxgk

#endif
