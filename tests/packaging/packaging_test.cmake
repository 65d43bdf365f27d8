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
# STEP c_pkg_config      (needs -DCC) compiles consumer.c with `pkg-config --cflags --libs xxgk` (the C ABI)
# STEP c_find_package    (needs -DCC) builds tests/packaging/find_package_c: COMPONENTS c, xxgk::c
# STEP readme            (needs -DCC) runs README.md's own lines against the prefix: its find_package
#                        block in a project, its pkg-config commands in a shell; and checks that the
#                        version policy refuses the next major version
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
    cmake_parse_arguments(arg "" "OUTPUT;WORKING_DIRECTORY" "COMMAND" ${ARGN})
    if(NOT arg_WORKING_DIRECTORY)
        set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    endif()
    execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}")
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

# The C consumer (consumer.c, through the C ABI) prints what consumer.cpp prints. libxxgk.so is
# always a shared library: it is found through LD_LIBRARY_PATH, whatever KIND is.
function(run_c_consumer exe)
    run(COMMAND ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${prefix}/${LIBDIR}" "${exe}" "${report}" OUTPUT out)
    if(NOT out MATCHES "${expected_output}")
        message(FATAL_ERROR "C consumer printed:\n${out}\nexpected (regex): ${expected_output}")
    endif()
    message(STATUS "C consumer: ${out}")
endfunction()

# The fenced code blocks of README.md in language `lang` whose text contains `needle`.
function(readme_blocks lang needle out_var)
    file(STRINGS "${SOURCE}/README.md" lines ENCODING UTF-8)
    set(blocks "")
    set(inside FALSE)
    set(block "")
    foreach(line IN LISTS lines)
        if(inside)
            if(line STREQUAL "```")
                set(inside FALSE)
                string(FIND "${block}" "${needle}" at)
                if(NOT at EQUAL -1)
                    string(REPLACE ";" "\\;" block "${block}")
                    list(APPEND blocks "${block}")
                endif()
            else()
                string(APPEND block "${line}\n")
            endif()
        elseif(line STREQUAL "```${lang}")
            set(inside TRUE)
            set(block "")
        endif()
    endforeach()
    if(NOT blocks)
        message(FATAL_ERROR "README.md has no ```${lang} block containing '${needle}'")
    endif()
    set(${out_var} "${blocks}" PARENT_SCOPE)
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
    # include/xxgk/detail/ is private: not installed, and no installed header may need it.
    if(EXISTS "${prefix}/include/xxgk/detail")
        message(FATAL_ERROR "installed, but private: ${prefix}/include/xxgk/detail")
    endif()
    file(GLOB installed_headers "${prefix}/include/xxgk/*.h" "${prefix}/include/xxgk/*.hpp")
    foreach(header IN LISTS installed_headers)
        file(STRINGS "${header}" detail_includes REGEX "#[ \t]*include[ \t]*[<\"]xxgk/detail/")
        if(detail_includes)
            message(FATAL_ERROR "${header} includes a private header: ${detail_includes}")
        endif()
    endforeach()
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

elseif(STEP STREQUAL "c_pkg_config")
    find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
    set(pc_env PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig)
    # Relocatable: the prefix is wherever it was installed, not the build's CMAKE_INSTALL_PREFIX.
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --variable=prefix xxgk OUTPUT pc_prefix)
    string(STRIP "${pc_prefix}" pc_prefix)
    get_filename_component(pc_prefix "${pc_prefix}" REALPATH)
    get_filename_component(real_prefix "${prefix}" REALPATH)
    if(NOT pc_prefix STREQUAL real_prefix)
        message(FATAL_ERROR "xxgk.pc prefix is '${pc_prefix}', expected '${real_prefix}'")
    endif()
    run(COMMAND ${CMAKE_COMMAND} -E env ${pc_env} ${PKG_CONFIG} --cflags --libs xxgk OUTPUT flags)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    file(MAKE_DIRECTORY "${WORK}/${KIND}/c_pkg_config")
    set(exe "${WORK}/${KIND}/c_pkg_config/consumer_c")
    file(REMOVE "${exe}")
    run(COMMAND ${CC} -std=c89 -pedantic -Wall -Wextra -Werror "${here}/consumer.c" ${flags} -o "${exe}")
    run_c_consumer("${exe}")

elseif(STEP STREQUAL "c_find_package")
    set(build "${WORK}/${KIND}/c_find_package")
    file(REMOVE_RECURSE "${build}")
    run(COMMAND ${CMAKE_COMMAND} -S "${here}/find_package_c" -B "${build}" -G "${GENERATOR}"
                -DCMAKE_C_COMPILER=${CC} -DCMAKE_PREFIX_PATH=${prefix} -DXXGK_EXPECTED_VERSION=${VERSION})
    run(COMMAND ${CMAKE_COMMAND} --build "${build}")
    run_c_consumer("${build}/consumer_c")

elseif(STEP STREQUAL "readme")
    set(dir "${WORK}/${KIND}/readme")
    file(REMOVE_RECURSE "${dir}")
    file(MAKE_DIRECTORY "${dir}/cmake")
    # README's "From CMake" block, as a user pastes it into a project with my_app.
    readme_blocks("cmake" "find_package(xxgk" cmake_blocks)
    list(GET cmake_blocks 0 cmake_block)
    configure_file("${here}/consumer.cpp" "${dir}/cmake/my_app.cpp" COPYONLY)
    file(WRITE "${dir}/cmake/CMakeLists.txt"
        "cmake_minimum_required(VERSION 3.16)\nproject(my_app LANGUAGES CXX)\nadd_executable(my_app my_app.cpp)\n${cmake_block}")
    configure_and_build("${dir}/cmake" "${dir}/cmake/build" -DCMAKE_PREFIX_PATH=${prefix})
    run_consumer("${dir}/cmake/build/my_app")
    # The version policy (SameMajorVersion) must refuse the next major version.
    string(REGEX MATCH "^[0-9]+" major "${VERSION}")
    math(EXPR next_major "${major} + 1")
    string(REGEX REPLACE "find_package\\(xxgk [0-9.]+" "find_package(xxgk ${next_major}.0" refused "${cmake_block}")
    file(WRITE "${dir}/cmake/CMakeLists.txt"
        "cmake_minimum_required(VERSION 3.16)\nproject(my_app LANGUAGES CXX)\nadd_executable(my_app my_app.cpp)\n${refused}")
    file(REMOVE_RECURSE "${dir}/cmake/build")
    execute_process(COMMAND ${CMAKE_COMMAND} -S "${dir}/cmake" -B "${dir}/cmake/build" -G "${GENERATOR}"
                            -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix}
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
    if(rc EQUAL 0 OR NOT err MATCHES "not compatible|version")
        message(FATAL_ERROR "find_package(xxgk ${next_major}.0) accepted version ${VERSION} (rc ${rc}):\n${err}")
    endif()
    # README's "With pkg-config" commands, run as printed (my_app.cpp: consumer.cpp, my_host.c: consumer.c).
    readme_blocks("sh" "pkg-config --cflags --libs xxgk" sh_blocks)
    list(GET sh_blocks 0 sh_block)
    file(MAKE_DIRECTORY "${dir}/sh")
    configure_file("${here}/consumer.cpp" "${dir}/sh/my_app.cpp" COPYONLY)
    configure_file("${here}/consumer.c" "${dir}/sh/my_host.c" COPYONLY)
    file(WRITE "${dir}/sh/readme.sh" "set -e\n${sh_block}")
    run(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig sh -x readme.sh
        WORKING_DIRECTORY "${dir}/sh")
    run_consumer("${dir}/sh/my_app")
    run_c_consumer("${dir}/sh/my_host")

else()
    message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()
