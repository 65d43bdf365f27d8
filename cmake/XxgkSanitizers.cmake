# Sanitizer builds (docs/security.md, scripts/run-sanitizers).
#
#   cmake -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DXXGK_SANITIZE=address,undefined ...
#   cmake ... -DXXGK_SANITIZE=thread
#
# XXGK_SANITIZE is the list given to -fsanitize= (empty: no sanitizer). The flags go into the
# CMAKE_<LANG>_FLAGS and linker flags, so that every target of the project — the C++ core, the C
# ABI, the tests, the examples, the CLI — is instrumented alike (bindings/c/CMakeLists.txt looks
# for -fsanitize there to leave out --no-undefined: the executable brings the runtime).
#
# Every finding is fatal (-fno-sanitize-recover=all): a test that triggers one fails.
#
# C programs that link the C++ library (the C ABI tests and examples) need the C++ part of the
# UBSan runtime (-fsanitize=vptr lives there) and libstdc++ after it: clang links the C++ runtime
# of a sanitizer only for C++ links unless told so.
set(XXGK_SANITIZE "" CACHE STRING "Sanitizers to build with, as for -fsanitize= (e.g. address,undefined or thread); empty: none")

# XXGK_BUILD_FUZZ (tests/fuzz): libFuzzer needs coverage instrumentation in every object, and is
# worth little without ASan + UBSan, which are then the default.
if(XXGK_BUILD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "XXGK_BUILD_FUZZ needs clang (-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)")
    endif()
    if(NOT XXGK_SANITIZE)
        set(XXGK_SANITIZE address,undefined CACHE STRING "" FORCE)
    endif()
    foreach(_lang C CXX)
        string(APPEND CMAKE_${_lang}_FLAGS " -fsanitize=fuzzer-no-link")
    endforeach()
endif()

if(XXGK_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "XXGK_SANITIZE needs clang for C and C++ "
                            "(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)")
    endif()
    if(XXGK_SANITIZE MATCHES "thread" AND XXGK_SANITIZE MATCHES "address|leak|memory")
        message(FATAL_ERROR "XXGK_SANITIZE=${XXGK_SANITIZE}: thread cannot be combined with address, leak or memory")
    endif()
    set(_xxgk_san "-fsanitize=${XXGK_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer")
    if(XXGK_SANITIZE MATCHES "undefined")
        # The default set of -fsanitize=undefined leaves float-divide-by-zero out; a ratio over an
        # empty column must never divide by zero silently.
        string(APPEND _xxgk_san " -fsanitize=float-divide-by-zero")
    endif()
    foreach(_lang C CXX)
        string(APPEND CMAKE_${_lang}_FLAGS " ${_xxgk_san}")
    endforeach()
    string(APPEND CMAKE_EXE_LINKER_FLAGS " -fsanitize=${XXGK_SANITIZE}")
    string(APPEND CMAKE_SHARED_LINKER_FLAGS " -fsanitize=${XXGK_SANITIZE}")
    if(XXGK_SANITIZE MATCHES "undefined")
        # C executables that load the C++ library (tests/c, examples/c). Not in the flags above:
        # CMake's own C checks (FindThreads) link plain C programs with them.
        add_link_options("$<$<LINK_LANGUAGE:C>:-fsanitize-link-c++-runtime;-lstdc++>")
    endif()
    message(STATUS "xxgk: sanitizers ${XXGK_SANITIZE}")
endif()
