# Packaging tests: does xxgk work for a user the three documented ways?
#
#   cmake -DSTEP=<step> -DKIND=static|shared -DSOURCE=<xxgk source> -DBUILD=<main build dir>
#         -DMAIN_KIND=static|shared -DWORK=<scratch dir> -DGENERATOR=<cmake generator>
#         -DCXX=<c++ compiler> -DLIBDIR=<CMAKE_INSTALL_LIBDIR> -DVERSION=<x.y.z>
#         -P packaging_test.cmake
#
# STEP install           installs KIND to WORK/KIND/prefix: the main build tree when it is of that
#                        kind, otherwise a library-only build of that kind made here
# STEP find_package      builds tests/packaging/find_package against that prefix and runs it
# STEP pkg_config        compiles consumer.cpp with `pkg-config --cflags --libs xxgk-cpp` and runs it
# STEP add_subdirectory  builds tests/packaging/add_subdirectory (xxgk built from SOURCE) and runs it
cmake_minimum_required(VERSION 3.16)

foreach(var STEP SOURCE WORK GENERATOR CXX LIBDIR VERSION)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "packaging_test.cmake: -D${var}=... is required")
    endif()
endforeach()

set(here "${CMAKE_CURRENT_LIST_DIR}")
set(report "${SOURCE}/examples/data/cangnan-2020.json")
# What consumer.cpp prints for the bundled report: its one error and the 228 concluded requests.
set(expected_output "^xxgk ${VERSION}: 1 errors; requests.total.total = 228\n$")
set(prefix "${WORK}/${KIND}/prefix")

# Runs a command; on failure stops the test, showing the command and everything it printed.
function(run)
    cmake_parse_arguments(arg "" "OUTPUT" "COMMAND" ${ARGN})
    execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " shown "${arg_COMMAND}")
        message(FATAL_ERROR "failed (${rc}): ${shown}\n${out}\n${err}")
    endif()
    if(arg_OUTPUT)
        set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
    endif()
endfunction()

function(expect_file path)
    if(NOT EXISTS "${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endfunction()

# Runs the consumer on the bundled report and checks what it prints.
function(run_consumer exe)
    set(env "")
    if(KIND STREQUAL "shared")
        set(env "LD_LIBRARY_PATH=${prefix}/${LIBDIR}")
    endif()
    run(COMMAND ${CMAKE_COMMAND} -E env ${env} "${exe}" "${report}" OUTPUT out)
    if(NOT out MATCHES "${expected_output}")
        message(FATAL_ERROR "consumer printed:\n${out}\nexpected (regex): ${expected_output}")
    endif()
    message(STATUS "consumer: ${out}")
endfunction()

function(configure_and_build source build)
    file(REMOVE_RECURSE "${build}")
    run(COMMAND ${CMAKE_COMMAND} -S "${source}" -B "${build}" -G "${GENERATOR}"
                -DCMAKE_CXX_COMPILER=${CXX} ${ARGN})
    run(COMMAND ${CMAKE_COMMAND} --build "${build}")
endfunction()

if(STEP STREQUAL "install")
    file(REMOVE_RECURSE "${prefix}")
    if(KIND STREQUAL MAIN_KIND)
        run(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${prefix}")
    else()
        if(KIND STREQUAL "shared")
            set(shared ON)
        else()
            set(shared OFF)
        endif()
        # Only the library: no build type (fastest to compile), nothing but the install rules.
        configure_and_build("${SOURCE}" "${WORK}/${KIND}/build"
            -DBUILD_SHARED_LIBS=${shared} -DXXGK_BUILD_TESTS=OFF -DXXGK_BUILD_CLI=OFF
            -DXXGK_BUILD_EXAMPLES=OFF -DXXGK_INSTALL=ON
            -DCMAKE_INSTALL_PREFIX=${prefix} -DCMAKE_INSTALL_LIBDIR=${LIBDIR})
        run(COMMAND ${CMAKE_COMMAND} --install "${WORK}/${KIND}/build")
    endif()
    expect_file("${prefix}/include/xxgk/xxgk.hpp")
    expect_file("${prefix}/include/xxgk/version.hpp")
    expect_file("${prefix}/${LIBDIR}/cmake/xxgk/xxgkConfig.cmake")
    expect_file("${prefix}/${LIBDIR}/cmake/xxgk/xxgkConfigVersion.cmake")
    expect_file("${prefix}/${LIBDIR}/cmake/xxgk/xxgkTargets.cmake")
    expect_file("${prefix}/${LIBDIR}/pkgconfig/xxgk-cpp.pc")
    if(KIND STREQUAL "shared")
        expect_file("${prefix}/${LIBDIR}/libxxgkcpp.so")
    else()
        expect_file("${prefix}/${LIBDIR}/libxxgkcpp.a")
    endif()
    # The CMake package must ask for Boost.JSON exactly when a consumer has to link it.
    file(READ "${prefix}/${LIBDIR}/cmake/xxgk/xxgkConfig.cmake" config)
    if(KIND STREQUAL "static" AND NOT config MATCHES "find_dependency\\(Boost [0-9.]+ CONFIG COMPONENTS json\\)")
        message(FATAL_ERROR "static xxgkConfig.cmake does not find Boost.JSON:\n${config}")
    endif()
    if(KIND STREQUAL "shared" AND config MATCHES "COMPONENTS json")
        message(FATAL_ERROR "shared xxgkConfig.cmake needlessly requires Boost.JSON:\n${config}")
    endif()

elseif(STEP STREQUAL "find_package")
    set(build "${WORK}/${KIND}/find_package")
    configure_and_build("${here}/find_package" "${build}"
        -DCMAKE_PREFIX_PATH=${prefix} -DXXGK_EXPECTED_VERSION=${VERSION})
    # The package found must be the one just installed, not one elsewhere on the system.
    file(STRINGS "${build}/CMakeCache.txt" found REGEX "^xxgk_DIR:")
    if(NOT found MATCHES "=${prefix}/")
        message(FATAL_ERROR "found the wrong xxgk package: ${found}")
    endif()
    run_consumer("${build}/consumer")

elseif(STEP STREQUAL "pkg_config")
    find_program(PKG_CONFIG NAMES pkg-config pkgconf)
    if(NOT PKG_CONFIG)
        message(FATAL_ERROR "pkg-config not found (Debian package pkg-config; scripts/bootstrap installs it)")
    endif()
    set(pc_env PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig)
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --modversion xxgk-cpp OUTPUT modversion)
    string(STRIP "${modversion}" modversion)
    if(NOT modversion STREQUAL VERSION)
        message(FATAL_ERROR "pkg-config --modversion xxgk-cpp: '${modversion}', expected '${VERSION}'")
    endif()
    # The .pc file is relocatable: its prefix is wherever it was installed.
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --variable=prefix xxgk-cpp OUTPUT pc_prefix)
    string(STRIP "${pc_prefix}" pc_prefix)
    get_filename_component(pc_prefix "${pc_prefix}" REALPATH)
    get_filename_component(real_prefix "${prefix}" REALPATH)
    if(NOT pc_prefix STREQUAL real_prefix)
        message(FATAL_ERROR "xxgk-cpp.pc prefix is '${pc_prefix}', expected '${real_prefix}'")
    endif()
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --libs xxgk-cpp OUTPUT libs)
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --static --libs xxgk-cpp OUTPUT static_libs)
    # Static: Boost.JSON in Libs (users rarely pass --static). Shared: only in Libs.private.
    if(NOT static_libs MATCHES "-lboost_json")
        message(FATAL_ERROR "pkg-config --static --libs xxgk-cpp lacks -lboost_json: ${static_libs}")
    endif()
    if(KIND STREQUAL "static" AND NOT libs MATCHES "-lboost_json")
        message(FATAL_ERROR "static xxgk-cpp.pc: Libs lacks -lboost_json: ${libs}")
    endif()
    if(KIND STREQUAL "shared" AND libs MATCHES "-lboost_json")
        message(FATAL_ERROR "shared xxgk-cpp.pc: Libs needlessly has -lboost_json: ${libs}")
    endif()
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --cflags --libs xxgk-cpp OUTPUT flags)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    file(MAKE_DIRECTORY "${WORK}/${KIND}/pkg_config")
    set(exe "${WORK}/${KIND}/pkg_config/consumer")
    file(REMOVE "${exe}")
    # Sources first, then the flags: the order a Makefile user writes.
    run(COMMAND ${CXX} -Wall -Wextra -Werror "${here}/consumer.cpp" ${flags} -o "${exe}")
    run_consumer("${exe}")

elseif(STEP STREQUAL "add_subdirectory")
    set(build "${WORK}/add_subdirectory")
    configure_and_build("${here}/add_subdirectory" "${build}" -DXXGK_SOURCE_DIR=${SOURCE})
    run_consumer("${build}/consumer")

else()
    message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()
