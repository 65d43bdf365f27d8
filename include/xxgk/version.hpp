// xxgk — library version.
//
// The numbers live in version.h (C89, shared with the C ABI xxgk.h); CMakeLists.txt reads them
// from there before project(). Bump them there and nowhere else.
#ifndef XXGK_VERSION_HPP
#define XXGK_VERSION_HPP

// XXGK_VERSION_MAJOR, _MINOR, _PATCH, _NUMBER and _STRING: the version of the headers in use.
#include <xxgk/version.h>

namespace xxgk {
/// "0.2.0" — the version of the linked library (XXGK_VERSION_STRING when it was built).
/// Differs from XXGK_VERSION_STRING only when headers and library come from different releases.
const char* version() noexcept;
}  // namespace xxgk

#endif
