# Shared by the CLI test scripts that include it: run `xxgk`, record failed checks, report them at
# the end. Expects XXGK (the executable) to be set.

# xxgk(<args>... [INPUT file]): runs the CLI; sets rc, out (stdout), err (stderr) in the caller.
function(xxgk)
    cmake_parse_arguments(arg "" "INPUT" "" ${ARGN})
    set(input "")
    if(arg_INPUT)
        set(input INPUT_FILE "${arg_INPUT}")
    endif()
    execute_process(COMMAND "${XXGK}" ${arg_UNPARSED_ARGUMENTS} ${input}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(REPLACE ";" " " shown "${arg_UNPARSED_ARGUMENTS}")
    set(rc "${rc}" PARENT_SCOPE)
    set(out "${out}" PARENT_SCOPE)
    set(err "${err}" PARENT_SCOPE)
    set(last_command "xxgk ${shown}" PARENT_SCOPE)
endfunction()

# Failures are collected in a global property, so every check runs and all are reported.
function(fail what)
    string(SUBSTRING "${out}" 0 600 out_head)
    string(SUBSTRING "${err}" 0 1200 err_head)
    message(STATUS "FAIL ${what}\n  command: ${last_command}\n  exit: ${rc}\n  stdout: ${out_head}\n  stderr: ${err_head}")
    set_property(GLOBAL APPEND PROPERTY xxgk_cli_failures "${what}")
endfunction()

# Functions, not macros: a macro would expand the regex escapes a second time.
function(expect_rc expected what)
    if(NOT "${rc}" STREQUAL "${expected}")
        fail("${what}: exit code ${rc}, expected ${expected}")
    endif()
endfunction()

function(expect_match text regex what)
    if(NOT "${text}" MATCHES "${regex}")
        fail("${what}: output does not match '${regex}'")
    endif()
endfunction()

function(expect_no_match text regex what)
    if("${text}" MATCHES "${regex}")
        fail("${what}: output matches '${regex}'")
    endif()
endfunction()

# Fails the test listing every check that failed, or says that all of `what` passed.
function(report_failures what)
    get_property(failures GLOBAL PROPERTY xxgk_cli_failures)
    if(failures)
        list(LENGTH failures n)
        string(REPLACE ";" "\n  " shown "${failures}")
        message(FATAL_ERROR "${n} ${what} check(s) failed:\n  ${shown}")
    endif()
    message(STATUS "every ${what} check passed")
endfunction()
