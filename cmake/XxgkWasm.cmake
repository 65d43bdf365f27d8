# The WebAssembly build (EMSCRIPTEN; bindings/js, docs/web.md): compiler settings and Boost.
#
# C++ exceptions are WebAssembly exceptions in every translation unit (the C ABI's wall catches
# what the core throws; Emscripten's default would abort on the first throw). Node 20 and
# Chromium run them natively.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# Emscripten compiles against its own sysroot: Debian's Boost CMake package (x86-64 libraries) and
# /usr/include as a whole (glibc's headers) cannot be used. Boost is header-only for what xxgk
# needs, so the build gets a directory holding only a `boost` link to the system's Boost headers,
# and Boost.JSON compiled from its header-only form (<boost/json/src.hpp>, bindings/js/boost_json.cpp).
# The targets keep the names of Boost's own package (Boost::headers, Boost::json), so nothing else
# in the build changes.
set(XXGK_BOOST_INCLUDE_DIR "/usr/include" CACHE PATH "The directory holding the Boost headers (boost/)")
if(NOT EXISTS "${XXGK_BOOST_INCLUDE_DIR}/boost/json/src.hpp")
    message(FATAL_ERROR "Boost.JSON headers not found in ${XXGK_BOOST_INCLUDE_DIR}/boost (Debian: libboost-json1.81-dev)")
endif()
set(_xxgk_boost_only "${CMAKE_BINARY_DIR}/boost-headers")
file(MAKE_DIRECTORY "${_xxgk_boost_only}")
if(NOT EXISTS "${_xxgk_boost_only}/boost")
    file(CREATE_LINK "${XXGK_BOOST_INCLUDE_DIR}/boost" "${_xxgk_boost_only}/boost" SYMBOLIC)
endif()

add_library(xxgk_boost_headers INTERFACE)
# SYSTEM: Boost's own warnings are not ours (-Werror).
target_include_directories(xxgk_boost_headers SYSTEM INTERFACE "${_xxgk_boost_only}")
target_compile_definitions(xxgk_boost_headers INTERFACE BOOST_ALL_NO_LIB)
add_library(Boost::headers ALIAS xxgk_boost_headers)

add_library(xxgk_boost_json STATIC "${PROJECT_SOURCE_DIR}/bindings/js/boost_json.cpp")
target_link_libraries(xxgk_boost_json PUBLIC xxgk_boost_headers)
target_compile_features(xxgk_boost_json PUBLIC cxx_std_17)
add_library(Boost::json ALIAS xxgk_boost_json)
