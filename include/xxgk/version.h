/*
 * xxgk — the library version, as C89 macros: the single source of truth.
 *
 * Included by the C header (xxgk.h) and the C++ header (version.hpp); CMakeLists.txt reads the
 * three numbers from here before project(). Bump them here and nowhere else.
 *
 * Compare these compile-time values with xxgk_version_number() / xxgk_version_string() to learn
 * which library a program is actually running against.
 */
#ifndef XXGK_VERSION_H
#define XXGK_VERSION_H

#define XXGK_VERSION_MAJOR 0
#define XXGK_VERSION_MINOR 4
#define XXGK_VERSION_PATCH 0

/* MAJOR * 10000 + MINOR * 100 + PATCH: 0.1.0 is 100, 1.2.3 is 10203. */
#define XXGK_VERSION_NUMBER (XXGK_VERSION_MAJOR * 10000 + XXGK_VERSION_MINOR * 100 + XXGK_VERSION_PATCH)

/* "MAJOR.MINOR.PATCH", built from the three numbers above. */
#define XXGK_VERSION_DETAIL_STR(x) #x
#define XXGK_VERSION_DETAIL_XSTR(x) XXGK_VERSION_DETAIL_STR(x)
#define XXGK_VERSION_STRING                                                                                            \
    XXGK_VERSION_DETAIL_XSTR(XXGK_VERSION_MAJOR)                                                                       \
    "." XXGK_VERSION_DETAIL_XSTR(XXGK_VERSION_MINOR) "." XXGK_VERSION_DETAIL_XSTR(XXGK_VERSION_PATCH)

#endif
