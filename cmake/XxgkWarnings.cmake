# Warning settings shared by every target of the project.
function(xxgk_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        # -Wshadow, -Wconversion and -Wundef too (issue 18): a shadowed name, a silent narrowing or an
        # undefined macro in #if is a bug waiting; explicit static_cast says the narrowing is meant.
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wconversion -Wundef)
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # Clang's -Wconversion also means -Wsign-conversion, which GCC's does not in C++: keep
            # the two compilers (sanitizer and WebAssembly builds use Clang) to the same set.
            target_compile_options(${target} PRIVATE -Wno-sign-conversion)
        endif()
        if(XXGK_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()
