// xxgk — library version.
//
// This header is the single source of truth for the version number: CMakeLists.txt reads the
// three XXGK_VERSION_* lines below before project(), and the C ABI (xxgk.h) reports the same
// numbers. Bump them here and nowhere else.
#ifndef XXGK_VERSION_HPP
#define XXGK_VERSION_HPP

/// Version of the headers in use; compare with xxgk::version() for the linked library.
#define XXGK_VERSION_MAJOR 0
#define XXGK_VERSION_MINOR 1
#define XXGK_VERSION_PATCH 0

/// The version as one comparable integer: MAJOR * 10000 + MINOR * 100 + PATCH (0.1.0 -> 100).
#define XXGK_VERSION_NUMBER (XXGK_VERSION_MAJOR * 10000 + XXGK_VERSION_MINOR * 100 + XXGK_VERSION_PATCH)

#define XXGK_VERSION_DETAIL_STR(x) #x
#define XXGK_VERSION_DETAIL_XSTR(x) XXGK_VERSION_DETAIL_STR(x)
/// The version as a string literal, "0.1.0", built from the three numbers above.
#define XXGK_VERSION_STRING                                                       \
    XXGK_VERSION_DETAIL_XSTR(XXGK_VERSION_MAJOR) "." XXGK_VERSION_DETAIL_XSTR(    \
        XXGK_VERSION_MINOR) "." XXGK_VERSION_DETAIL_XSTR(XXGK_VERSION_PATCH)

namespace xxgk {
/// "0.1.0" — the version of the linked library (XXGK_VERSION_STRING when it was built).
/// Differs from XXGK_VERSION_STRING only when headers and library come from different releases.
const char* version() noexcept;
}  // namespace xxgk

#endif
