# CLI checks (ctest test cli.tests): exit codes and output of every subcommand against the
# bundled example reports. docs/cli.md documents what is checked here.
#
#   cmake -DXXGK=<xxgk executable> -DSOURCE=<source dir> -DWORK=<scratch dir> [-DVERSION=x.y.z]
#         -P tests/cli/cli_test.cmake
#
# Every check runs; the test fails at the end listing each check that failed.
cmake_minimum_required(VERSION 3.19)  # string(JSON)

foreach(var XXGK SOURCE WORK)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "cli_test.cmake: -D${var}=... is required")
    endif()
endforeach()

set(cangnan "${SOURCE}/examples/data/cangnan-2020.json")
set(sample "${SOURCE}/examples/data/sample-2021.json")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

include("${CMAKE_CURRENT_LIST_DIR}/harness.cmake")

# Number of lines of a text ending in a newline.
function(count_lines text result)
    string(REGEX MATCHALL "\n" newlines "${text}")
    list(LENGTH newlines n)
    set(${result} ${n} PARENT_SCOPE)
endfunction()

# ---- validate: the real report has one real defect (a blank 总计 whose row sums to 2)
xxgk(validate "${cangnan}")
expect_rc(1 "validate cangnan")
expect_match("${out}" "错误 XXGK-T3-004 requests\\.withheld_prohibited_by_law\\.total" "validate cangnan")
expect_match("${out}" "共 1 个错误" "validate cangnan summary")

xxgk(validate --json "${cangnan}")
expect_rc(1 "validate --json cangnan")
string(JSON type ERROR_VARIABLE json_error TYPE "${out}")
if(json_error OR NOT type STREQUAL "ARRAY")
    fail("validate --json: not a JSON array (${json_error})")
else()
    string(JSON count LENGTH "${out}")
    set(codes "")
    if(count GREATER 0)
        math(EXPR last "${count} - 1")
        foreach(i RANGE ${last})
            string(JSON code GET "${out}" ${i} code)
            list(APPEND codes "${code}")
        endforeach()
    endif()
    if(NOT "XXGK-T3-004" IN_LIST codes)
        fail("validate --json: no finding with code XXGK-T3-004 (codes: ${codes})")
    endif()
    string(JSON pointer GET "${out}" 0 pointer)
    if(NOT pointer STREQUAL "/requests/withheld_prohibited_by_law/total")
        fail("validate --json: first finding's pointer is '${pointer}'")
    endif()
endif()

xxgk(validate --lang en "${cangnan}")
expect_rc(1 "validate --lang en")
expect_match("${out}" "report \\(2019 format\\)" "validate --lang en")
expect_match("${out}" "error XXGK-T3-004" "validate --lang en")
expect_match("${out}" "1 errors, 0 warnings" "validate --lang en")
expect_no_match("${out}" "错误|共 " "validate --lang en prints no Chinese UI text")

xxgk(validate --no-info "${cangnan}")
expect_rc(1 "validate --no-info")
expect_no_match("${out}" "XXGK-T3-008" "validate --no-info leaves out the info finding")

xxgk(validate "${sample}")
expect_rc(0 "validate sample-2021")
expect_match("${out}" "共 0 个错误" "validate sample-2021")

xxgk(validate - INPUT "${sample}")
expect_rc(0 "validate from standard input")

# ---- unreadable input: exit 2, and say where the problem is
file(WRITE "${WORK}/truncated.json" "{\"format\": \"2019\",\n  \"header\": {\"body\": \"x\",\n")
xxgk(validate "${WORK}/truncated.json")
expect_rc(2 "validate truncated JSON")
expect_match("${err}" "truncated\\.json:[0-9]+:[0-9]+: error\\[invalid_json\\]" "validate truncated JSON: line:column")

file(WRITE "${WORK}/wrong-types.json" "{\"format\": \"2019\", \"header\": {\"body\": 1, \"year\": \"2020\"}}")
xxgk(validate "${WORK}/wrong-types.json")
expect_rc(2 "validate wrong types")
expect_match("${err}" "error\\[wrong_type\\] /header/body" "validate wrong types: JSON Pointer of body")
expect_match("${err}" "error\\[wrong_type\\] /header/year" "validate wrong types: every problem, not the first")

file(WRITE "${WORK}/empty.json" "")
xxgk(validate "${WORK}/empty.json")
expect_rc(2 "validate empty file")
expect_match("${err}" "empty\\.json:1:1: error\\[invalid_json\\]" "validate empty file: line:column")

xxgk(validate "${WORK}")
expect_rc(2 "validate a directory")
expect_match("${err}" "is a directory, not a file" "validate a directory: says so")

xxgk(validate "${WORK}/does-not-exist.json")
expect_rc(2 "validate missing file")
expect_match("${err}" "does-not-exist\\.json" "validate missing file names the file")

# ---- convert: canonical JSON, a fixed point
xxgk(convert "${cangnan}" -o "${WORK}/once.json")
expect_rc(0 "convert cangnan")
xxgk(convert "${WORK}/once.json" -o "${WORK}/twice.json")
expect_rc(0 "convert converted")
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/once.json" "${WORK}/twice.json" RESULT_VARIABLE same)
if(NOT same EQUAL 0)
    fail("convert: converting the output again is not byte-identical")
endif()
xxgk(convert "${sample}")
expect_rc(0 "convert to standard output")
expect_match("${out}" "^\\{\"format\":\"2021\",\"header\":" "convert writes compact canonical JSON")
xxgk(convert "${WORK}/truncated.json")
expect_rc(2 "convert truncated JSON")

# ---- cells: CSV long format, one line per cell key
xxgk(cells "${cangnan}")
expect_rc(0 "cells cangnan")
expect_match("${out}" "^key,section,row_label,column_label,value,state,unit,raw\n" "cells header")
count_lines("${out}" lines)
if(NOT lines EQUAL 199)
    fail("cells cangnan: ${lines} lines, expected the header and 198 cells")
endif()
expect_match("${out}" "\nrequests\\.total\\.total,[^\n]*,228,number,," "cells: requests.total.total is 228")

# ---- keys: 198 cells in the 2019 format, 200 in 2021
foreach(pair "2021;200" "2019;198")
    list(GET pair 0 format)
    list(GET pair 1 expected)
    xxgk(keys --format ${format})
    expect_rc(0 "keys --format ${format}")
    count_lines("${out}" lines)
    math(EXPR keys "${lines} - 1")
    if(NOT keys EQUAL expected)
        fail("keys --format ${format}: ${keys} keys, expected ${expected}")
    endif()
endforeach()
xxgk(keys --format 2021)
expect_match("${out}" "^key\tvalue_kind\tlabel\nproactive\\.regulations\\.issued\tcount\t" "keys --format 2021 first key")
xxgk(keys --format 2020)
expect_rc(2 "keys --format 2020 is a usage error")

# ---- rules: the catalog, one code per line
xxgk(rules)
expect_rc(0 "rules")
expect_match("${out}" "(^|\n)XXGK-T3-004\tR2\terror\t" "rules lists XXGK-T3-004")
count_lines("${out}" n_lines)
string(REGEX MATCHALL "\nXXGK-[A-Z0-9]+-[0-9]+\t" code_starts "\n${out}")
list(LENGTH code_starts n_codes)
if(n_lines EQUAL 0 OR NOT n_lines EQUAL n_codes)
    fail("rules: ${n_lines} lines but ${n_codes} begin with a code")
endif()

# ---- --version, usage errors
xxgk(--version)
expect_rc(0 "--version")
if(DEFINED VERSION AND NOT VERSION STREQUAL "")
    expect_match("${out}" "^xxgk ${VERSION}\n$" "--version")
else()
    expect_match("${out}" "^xxgk [0-9]+\\.[0-9]+\\.[0-9]+\n$" "--version")
endif()
xxgk()
expect_rc(2 "no subcommand is a usage error")
xxgk(validate --no-such-option "${cangnan}")
expect_rc(2 "unknown option is a usage error")
xxgk(validate --lang fr "${cangnan}")
expect_rc(2 "--lang fr is a usage error")

report_failures("CLI")
