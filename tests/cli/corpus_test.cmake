# `xxgk generate` and `xxgk corpus` (ctest test cli.corpus): generated reports with faults, the
# seed text and bad files in one directory; output independent of --jobs; exit codes. docs/cli.md
# documents what is checked here.
#
#   cmake -DXXGK=<xxgk executable> -DSOURCE=<source dir> -DWORK=<scratch dir> -P tests/cli/corpus_test.cmake
#
# Every check runs; the test fails at the end listing each check that failed.
cmake_minimum_required(VERSION 3.19)  # string(JSON)

foreach(var XXGK SOURCE WORK)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "corpus_test.cmake: -D${var}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

include("${CMAKE_CURRENT_LIST_DIR}/harness.cmake")

# ---- generate: reports and the fault manifest
xxgk(generate --format 2021 --count 30 --seed 11 --faults 0.2 -o "${WORK}/in/a")
expect_rc(0 "generate 2021")
xxgk(generate --format 2019 --count 30 --seed 11 -o "${WORK}/in/b/c")
expect_rc(0 "generate 2019")
if(NOT EXISTS "${WORK}/in/a/report-2021-000029.json" OR NOT EXISTS "${WORK}/in/b/c/report-2019-000000.json")
    fail("generate: report files missing")
endif()
file(READ "${WORK}/in/a/faults.csv" manifest)
expect_match("${manifest}" "^file,kind,code,key,pointer,before,after\n" "faults.csv header")
expect_match("${manifest}" "\nreport-2021-0000[0-9][0-9].json,[a-z_]+,XXGK-" "faults.csv rows")
file(READ "${WORK}/in/b/c/faults.csv" manifest)
expect_match("${manifest}" "^file,kind,code,key,pointer,before,after\n$" "faults.csv without faults")
xxgk(validate "${WORK}/in/b/c/report-2019-000007.json" --lang en)
expect_rc(0 "a generated valid report validates")
expect_match("${out}" "0 errors, 0 warnings, 0 infos" "a generated valid report has no finding")
xxgk(generate --format 2021 --count 1 --seed 1 --faults 1.5)
expect_rc(2 "generate with a fault rate above 1")
xxgk(generate --format 2018 --count 1 --seed 1)
expect_rc(2 "generate with an unknown format")

# ---- corpus: the seed text and bad files beside the generated reports
file(COPY "${SOURCE}/examples/data/cangnan-2020-annual-report.txt" DESTINATION "${WORK}/in")
file(WRITE "${WORK}/in/broken.json" "{\"format\": ")
file(WRITE "${WORK}/in/minutes.txt" "会议纪要\n")
xxgk(corpus "${WORK}/in" -o "${WORK}/out1" --jobs 1 --lang en)
expect_rc(0 "corpus --jobs 1")
expect_match("${out}" "^63 files: 61 reports validated \\([0-9]+ with errors\\), 2 unusable" "corpus summary line")
expect_no_match("${err}" "\\[#" "no progress bar when standard error is not a terminal")
xxgk(corpus "${WORK}/in" -o "${WORK}/out2" --jobs 2 --lang en)
expect_rc(0 "corpus --jobs 2")
foreach(name findings.csv cells.csv errors.csv)
    file(READ "${WORK}/out1/${name}" one)
    file(READ "${WORK}/out2/${name}" two)
    if(NOT one STREQUAL two)
        fail("corpus: ${name} differs between --jobs 1 and --jobs 2")
    endif()
endforeach()
file(READ "${WORK}/out1/errors.csv" errors)
expect_match("${errors}" "\nbroken.json,invalid_json,,1,12," "errors.csv: broken JSON with its position")
expect_match("${errors}" "\nminutes.txt,invalid_value,,,," "errors.csv: text that is not a report")
file(READ "${WORK}/out1/findings.csv" findings)
expect_match("${findings}" "\ncangnan-2020-annual-report.txt,XXGK-T3-004,error,requests.withheld_prohibited_by_law.total,"
             "findings.csv: the seed's defect")
file(READ "${WORK}/out1/summary.json" summary)
string(JSON files GET "${summary}" files)
string(JSON unusable GET "${summary}" unusable)
string(JSON jobs GET "${summary}" jobs)
if(NOT files EQUAL 63 OR NOT unusable EQUAL 2 OR NOT jobs EQUAL 1)
    fail("summary.json: files ${files}, unusable ${unusable}, jobs ${jobs}")
endif()
xxgk(corpus "${WORK}/missing" -o "${WORK}/out3")
expect_rc(2 "corpus of a missing directory")

report_failures("xxgk generate/corpus")
