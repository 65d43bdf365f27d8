# Install rules: headers, the C++ library (libxxgkcpp), the xxgk CMake package and xxgk-cpp.pc.
# (xxgk.pc describes the C ABI, libxxgk; bindings/c installs it.)
#
# Both descriptions must say the same thing about Boost (tests/packaging checks it for a static
# and a shared build):
#   - Boost headers are part of the interface (Boost.Describe in every public header).
#   - Boost.JSON is a private dependency. A static libxxgk.a leaves its symbols unresolved, so a
#     consumer must link it; a shared libxxgk.so carries the dependency itself.
#   - libxml2 (the HTML importer's parser, src/import), poppler-cpp (PDF import) and libzip (Word
#     import) are private in the same way.
include(CMakePackageConfigHelpers)

set(XXGK_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/xxgk" CACHE STRING
    "Where the xxgk CMake package is installed, relative to the prefix")
mark_as_advanced(XXGK_INSTALL_CMAKEDIR)

get_target_property(xxgk_library_type xxgk TYPE)
if(xxgk_library_type STREQUAL "STATIC_LIBRARY")
    set(XXGK_CONSUMER_LINKS_BOOST_JSON ON)
else()
    set(XXGK_CONSUMER_LINKS_BOOST_JSON OFF)
endif()

install(TARGETS xxgk EXPORT xxgkTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# include/xxgk/detail/ holds helpers of the compiled sources and the bindings, not of the public
# headers (none includes it; tests/packaging checks that): it is not installed.
install(DIRECTORY include/xxgk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h"
        PATTERN "detail" EXCLUDE)

# ---- CMake package: find_package(xxgk CONFIG) + target xxgk::xxgk
if(XXGK_CONSUMER_LINKS_BOOST_JSON)
    # A static library also leaves libxml2 (the HTML importer's parser), poppler-cpp and qpdf (PDF) and
    # libzip (Word) to the consumer; pkg-config finds both.
    set(XXGK_BOOST_DEPENDENCY "find_dependency(Boost ${Boost_VERSION_MAJOR}.${Boost_VERSION_MINOR} CONFIG COMPONENTS json)\nfind_dependency(LibXml2)\nfind_dependency(PkgConfig)\npkg_check_modules(POPPLER_CPP REQUIRED QUIET IMPORTED_TARGET poppler-cpp)\npkg_check_modules(LIBZIP REQUIRED QUIET IMPORTED_TARGET libzip)\npkg_check_modules(QPDF REQUIRED QUIET IMPORTED_TARGET libqpdf)")
    if(XXGK_WITH_OCR)  # OCR: Tesseract and Leptonica too
        string(APPEND XXGK_BOOST_DEPENDENCY "\npkg_check_modules(TESSERACT REQUIRED QUIET IMPORTED_TARGET tesseract)\npkg_check_modules(LEPTONICA REQUIRED QUIET IMPORTED_TARGET lept)")
    endif()
else()
    set(XXGK_BOOST_DEPENDENCY "find_dependency(Boost ${Boost_VERSION_MAJOR}.${Boost_VERSION_MINOR} CONFIG)")
endif()
install(EXPORT xxgkTargets NAMESPACE xxgk:: DESTINATION ${XXGK_INSTALL_CMAKEDIR})
configure_package_config_file(cmake/xxgkConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/xxgkConfig.cmake
    INSTALL_DESTINATION ${XXGK_INSTALL_CMAKEDIR})
# Compatibility policy (README "Versions and compatibility"): within a major version — 0 included —
# a release only adds (the C ABI's rule, docs/c-api.md; libxxgk.so.0 and libxxgkcpp.so.0 carry the
# major version as their SONAME). So find_package(xxgk 0.1) accepts 0.2, never 1.0, never 0.0.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/xxgkConfigVersion.cmake
    COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/xxgkConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/xxgkConfigVersion.cmake
    DESTINATION ${XXGK_INSTALL_CMAKEDIR})

# ---- pkg-config: xxgk-cpp.pc, relocatable (prefix found from the .pc file's own directory)
# The flags a consumer needs for Boost: -I/-L only when Boost is outside the compiler's default dirs.
set(XXGK_PC_CFLAGS_BOOST "")
get_target_property(xxgk_boost_includes Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
foreach(dir IN LISTS xxgk_boost_includes)
    if(NOT dir IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
        string(APPEND XXGK_PC_CFLAGS_BOOST " -I${dir}")
    endif()
endforeach()
set(xxgk_boost_json_flags "-lboost_json")
get_target_property(xxgk_boost_json_location Boost::json LOCATION)
if(xxgk_boost_json_location)
    get_filename_component(xxgk_boost_json_dir "${xxgk_boost_json_location}" DIRECTORY)
    if(NOT xxgk_boost_json_dir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
        set(xxgk_boost_json_flags "-L${xxgk_boost_json_dir} -lboost_json")
    endif()
endif()
set(xxgk_ocr_libs "")
if(XXGK_WITH_OCR)
    set(xxgk_ocr_libs " -ltesseract -lleptonica")
endif()
if(XXGK_CONSUMER_LINKS_BOOST_JSON)
    set(XXGK_PC_LIBS "-L\${libdir} -lxxgkcpp ${xxgk_boost_json_flags} -lxml2 -lpoppler-cpp -lzip -lqpdf${xxgk_ocr_libs}")
    set(XXGK_PC_LIBS_PRIVATE "")
else()
    set(XXGK_PC_LIBS "-L\${libdir} -lxxgkcpp")
    set(XXGK_PC_LIBS_PRIVATE "${xxgk_boost_json_flags} -lxml2 -lpoppler-cpp -lzip -lqpdf${xxgk_ocr_libs}")
endif()
# ${pcfiledir}/<as many .. as the pkgconfig dir is deep> is the prefix, wherever it is installed
# (cmake --install --prefix DIR works). For the system prefix /usr (distribution packages, DESTDIR)
# the paths are written out, so that pkg-config recognises /usr/include and the system libdir and
# leaves them out of the flags.
set(xxgk_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${xxgk_pc_dir}" OR CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(XXGK_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
    set(xxgk_pc_install_dir "${xxgk_pc_dir}")
else()
    set(XXGK_PC_PREFIX "\${pcfiledir}")
    string(REPLACE "/" ";" xxgk_pc_parts "${xxgk_pc_dir}")
    foreach(part IN LISTS xxgk_pc_parts)
        if(NOT part STREQUAL "" AND NOT part STREQUAL ".")
            string(APPEND XXGK_PC_PREFIX "/..")
        endif()
    endforeach()
    set(xxgk_pc_install_dir "${xxgk_pc_dir}")
endif()
configure_file(cmake/xxgk-cpp.pc.in ${CMAKE_CURRENT_BINARY_DIR}/xxgk-cpp.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/xxgk-cpp.pc DESTINATION ${xxgk_pc_install_dir})
