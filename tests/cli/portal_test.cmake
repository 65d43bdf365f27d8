# CLI checks of portal files (ctest test cli.portal): validate, convert and render recognise a
# portal file from its content (docs/cli.md § Portal files).
#
#   cmake -DXXGK=<xxgk executable> -DSOURCE=<source dir> -DWORK=<scratch dir> -P tests/cli/portal_test.cmake
cmake_minimum_required(VERSION 3.19)

set(example "${SOURCE}/examples/data/cangnan-portal.json")
set(data "${SOURCE}/tests/data/portal")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failures "")

macro(run)
    execute_process(COMMAND "${XXGK}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(REPLACE ";" " " last "${ARGN}")
endmacro()
# check(<condition words>... WHAT <name>): the condition as if() reads it; a failure is recorded.
macro(check)
    cmake_parse_arguments(chk "" "WHAT" "" ${ARGN})
    if(${chk_UNPARSED_ARGUMENTS})
    else()
        string(SUBSTRING "${out}" 0 400 o)
        string(SUBSTRING "${err}" 0 400 e)
        message(STATUS "FAIL ${chk_WHAT}\n  command: xxgk ${last}\n  exit: ${rc}\n  stdout: ${o}\n  stderr: ${e}")
        list(APPEND failures "${chk_WHAT}")
    endif()
endmacro()

# validate: the example has one warning (exit 0); an error finding gives exit 1.
run(validate "${example}")
check(rc EQUAL 0 WHAT "validate example exit 0")
check(out MATCHES "XXGK-P-003 /departments/20" WHAT "validate example names XXGK-P-003")
run(validate --json --lang en "${example}")
string(JSON n LENGTH "${out}")
string(JSON code GET "${out}" 0 code)
check(n EQUAL 1 AND code STREQUAL "XXGK-P-003" WHAT "validate --json")
run(validate "${data}/errors.json")
check(rc EQUAL 1 WHAT "validate errors exit 1")
check(out MATCHES "XXGK-P-006" AND out MATCHES "XXGK-P-008" WHAT "validate errors: index number and dates")
run(validate "${data}/invalid.json")
check(rc EQUAL 2 WHAT "validate invalid exit 2")
check(err MATCHES "/departments/0/id" AND err MATCHES "/catalogs/0/level" WHAT "every problem with its pointer")
execute_process(COMMAND "${XXGK}" validate - INPUT_FILE "${example}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
set(last "validate - < example")
check(rc EQUAL 0 AND out MATCHES "XXGK-P-003" WHAT "validate from standard input")

# convert: canonical, and converting again gives the same bytes.
run(convert "${example}" -o "${WORK}/once.json")
check(rc EQUAL 0 WHAT "convert exit 0")
run(convert "${WORK}/once.json" -o "${WORK}/twice.json")
file(READ "${WORK}/once.json" once)
file(READ "${WORK}/twice.json" twice)
check(once STREQUAL twice WHAT "convert is idempotent")
string(SUBSTRING "${once}" 0 17 head)
check(head STREQUAL "{\"kind\":\"portal\"," WHAT "convert writes kind first")

# render: HTML with findings, CSV into a directory, formulas neutralised; md is a report view.
run(render "${example}" --findings -o "${WORK}/portal.html")
file(READ "${WORK}/portal.html" html)
check(rc EQUAL 0 AND html MATCHES "data-code=.XXGK-P-003." WHAT "render html --findings")
run(render "${example}" --to csv -o "${WORK}/csv")
check(rc EQUAL 0 AND EXISTS "${WORK}/csv/departments.csv" AND EXISTS "${WORK}/csv/catalog_sections.csv" WHAT "render csv")
run(render "${data}/formula.json" --to csv)
check(out MATCHES "'=1[+]2,-3,,'@SUM" WHAT "render csv neutralises formulas")
run(render "${example}" --to md)
check(rc EQUAL 2 WHAT "render md of a portal file exit 2")

# A report is still a report.
run(validate "${SOURCE}/examples/data/sample-2021.json")
check(rc EQUAL 0 WHAT "reports are unchanged")

if(failures)
    list(LENGTH failures n)
    message(FATAL_ERROR "${n} portal CLI check(s) failed: ${failures}")
endif()
