# `xxgk import` (ctest test cli.import): the seed imported and then validated reports its one real
# defect; HTML by extension and by content; the log on standard error; exit codes. docs/cli.md
# documents what is checked here.
#
#   cmake -DXXGK=<xxgk executable> -DSOURCE=<source dir> -DWORK=<scratch dir> -P tests/cli/import_test.cmake
#
# Every check runs; the test fails at the end listing each check that failed.
cmake_minimum_required(VERSION 3.19)  # string(JSON)

foreach(var XXGK SOURCE WORK)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "import_test.cmake: -D${var}=... is required")
    endif()
endforeach()

set(data "${SOURCE}/tests/data/import")
set(seed "${data}/cangnan-2020-annual-report.txt")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

include("${CMAKE_CURRENT_LIST_DIR}/harness.cmake")

# ---- the seed: import, then validate finds the blank 总计 whose row sums to 2 (formats.md §13.2)
xxgk(import "${seed}" -o "${WORK}/cangnan.json")
expect_rc(0 "import seed")
expect_match("${err}" "cangnan-2020-annual-report\\.txt:217:[0-9]+: warning\\[XXGK-I-050\\] requests\\.other: " "import seed: row （六）")
expect_match("${err}" ":220:[0-9]+: warning\\[XXGK-I-050\\] requests\\.carried_forward: " "import seed: row 四")
expect_match("${err}" "    reading: 自然人=12; 总计=12" "import seed: candidate readings")
expect_match("${err}" "info\\[XXGK-I-001\\]: format 2019 from the table labels" "import seed: format decision")
if(NOT EXISTS "${WORK}/cangnan.json")
    fail("import seed -o: no output file")
endif()

xxgk(validate "${WORK}/cangnan.json")
expect_rc(1 "validate imported seed")
expect_match("${out}" "错误 XXGK-T3-004 requests\\.withheld_prohibited_by_law\\.total" "validate imported seed")
expect_match("${out}" "共 1 个错误" "validate imported seed: summary")

# The seed's one error; the five cells of row 四 the text does not show are not captured (the
# trust rule, docs/import.md "When a cell is blank") and have findings of their own (XXGK-V-008).
xxgk(validate --json --no-info "${WORK}/cangnan.json")
string(JSON count ERROR_VARIABLE json_error LENGTH "${out}")
set(error_key "")
if(NOT json_error AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        string(JSON severity GET "${out}" ${i} severity)
        if(severity STREQUAL "error")
            string(JSON error_key GET "${out}" ${i} key)
        endif()
    endforeach()
endif()
if(json_error OR NOT error_key STREQUAL "requests.withheld_prohibited_by_law.total")
    fail("validate --json imported seed: the error finding at '${error_key}' ${json_error}")
endif()

# The imported JSON is canonical: convert gives the same bytes.
xxgk(convert "${WORK}/cangnan.json" -o "${WORK}/cangnan-again.json")
file(READ "${WORK}/cangnan.json" once)
file(READ "${WORK}/cangnan-again.json" twice)
if(NOT once STREQUAL twice)
    fail("convert of the imported seed changed it")
endif()

# ---- HTML: by extension, by content on standard input, forced with --from
xxgk(import "${data}/cangnan-2020.html" --no-info)
expect_rc(0 "import html")
expect_match("${out}" "^\\{\"format\":\"2019\",\"header\":\\{\"body\":\"苍南县人民政府\"" "import html: JSON on stdout")
expect_match("${out}" "\"source\":\\{\"table\":2,\"row\":5,\"cell\":2\\}" "import html: table/row/cell provenance")
expect_match("${err}" "\\[table 2, row 25\\]: warning\\[XXGK-I-050\\]|^$|warning" "import html: log")
expect_no_match("${err}" "info\\[" "import html --no-info")

xxgk(import - INPUT "${data}/sample-2021.html")
expect_rc(0 "import html from stdin (detected by content)")
expect_match("${out}" "^\\{\"format\":\"2021\"" "import html from stdin")

xxgk(import --from text "${seed}" --log-json "${WORK}/log.json" -o "${WORK}/seed2.json")
expect_rc(0 "import --log-json")
file(READ "${WORK}/log.json" log_json)
string(JSON log_type ERROR_VARIABLE json_error TYPE "${log_json}")
if(json_error OR NOT log_type STREQUAL "ARRAY")
    fail("--log-json: not a JSON array")
endif()
expect_match("${log_json}" "\"code\":\"XXGK-I-050\",\"message\":" "--log-json content")

# ---- options
xxgk(import "${seed}" --format 2021 --year 2020 -o "${WORK}/forced.json")
expect_rc(0 "import --format 2021")
expect_match("${err}" "info\\[XXGK-I-005\\]: format 2021 forced by the caller" "import --format")
expect_match("${err}" "warning\\[XXGK-I-006\\]" "import --format: disagreement logged")

xxgk(import "${seed}" --from pdf)
expect_rc(2 "import --from pdf (bad usage)")

# ---- not a report, missing file
file(WRITE "${WORK}/notes.txt" "会议纪要\n今天讨论了食堂的菜单。\n")
xxgk(import "${WORK}/notes.txt")
expect_rc(2 "import of a text that is not a report")
expect_match("${err}" "not a 政府信息公开工作年度报告" "import of a text that is not a report")
expect_match("${out}" "^$" "import of a text that is not a report: no JSON")

xxgk(import "${WORK}/missing.txt")
expect_rc(2 "import of a missing file")

report_failures("xxgk import")
