# `xxgk import` (ctest test cli.import): the seed imported and then validated reports its one real
# defect; HTML by extension and by content; PDF, GB18030 text, refused kinds; several files and
# directories; the log and the summary line on standard error; exit codes. docs/cli.md
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

xxgk(import "${seed}" --from odt)
expect_rc(2 "import --from odt (bad usage)")
xxgk(import "${seed}" --from pdf)
expect_rc(2 "import --from pdf of a text")
expect_match("${err}" "not a readable PDF" "import --from pdf of a text: says so")

# ---- the summary line ends every import
xxgk(import "${seed}" --no-info -o "${WORK}/seed3.json")
expect_match("${err}" "cangnan-2020-annual-report\\.txt: [0-9]+ cells read, [0-9]+ blank seen, [0-9]+ not captured\n$"
             "import: summary line last")

# ---- PDF, GB18030 text, refused kinds
xxgk(import "${data}/pdf/hongze-2023.pdf" --no-info -o "${WORK}/hongze.json")
expect_rc(0 "import pdf")
expect_match("${err}" "hongze-2023\\.pdf: 200 cells read, 0 blank seen, 0 not captured" "import pdf: every cell read")
expect_match("${err}" "hongze-2023\\.pdf\\[page [0-9]+, table [0-9]+, row [0-9]+" "import pdf: log lines name the page")
xxgk(validate --no-info "${WORK}/hongze.json")
expect_rc(1 "validate imported pdf: the report's two real defects")
expect_match("${out}" "XXGK-T4-001 review_litigation\\.review\\.total" "validate imported pdf: 复议 total")
expect_match("${out}" "XXGK-T4-001 review_litigation\\.litigation_after_review\\.total" "validate imported pdf: 复议后起诉 total")
expect_match("${out}" "共 2 个错误" "validate imported pdf: exactly two errors")

xxgk(import "${data}/cangnan-2020-gb18030.txt" -o "${WORK}/gb.json")
expect_rc(0 "import GB18030 text")
expect_match("${err}" "info\\[XXGK-I-091\\]: text decoded as GB18030" "import GB18030 text: decoded")
file(READ "${WORK}/gb.json" gb_json)
file(READ "${WORK}/cangnan.json" utf8_json)
string(JSON gb_total GET "${gb_json}" requests total total)
string(JSON utf8_total GET "${utf8_json}" requests total total)
if(NOT gb_total STREQUAL utf8_total)
    fail("import GB18030 text: 总计 ${gb_total}, the UTF-8 text ${utf8_total}")
endif()

execute_process(COMMAND printf "\\320\\317\\021\\340\\241\\261\\032\\341 legacy" OUTPUT_FILE "${WORK}/legacy.doc")
xxgk(import "${WORK}/legacy.doc")
expect_rc(2 "import legacy .doc")
expect_match("${err}" "soffice --headless --convert-to docx" "import legacy .doc: names the conversion")
xxgk(import "${data}/pdf/image-only.pdf")
expect_rc(2 "import scanned pdf")
expect_match("${err}" "OCR" "import scanned pdf: says it needs OCR")
xxgk(import /dev/zero)
expect_rc(2 "import /dev/zero")
expect_match("${err}" "character device" "import /dev/zero: refused before reading")

# ---- several inputs: one JSON per input in -o DIR; a directory is walked
xxgk(import "${seed}" "${data}/cangnan-2020.html" "${data}/pdf/hongze-2023.pdf" --no-info -o "${WORK}/many")
expect_rc(0 "import several files")
foreach(name cangnan-2020-annual-report cangnan-2020 hongze-2023)
    if(NOT EXISTS "${WORK}/many/${name}.json")
        fail("import several files: no ${name}.json")
    endif()
endforeach()
expect_match("${err}" "xxgk: 3 of 3 files imported into" "import several files: total")
file(MAKE_DIRECTORY "${WORK}/pdfs/sub")
file(COPY "${data}/pdf/hongze-2023.pdf" "${data}/pdf/truncated.pdf" "${data}/pdf/image-only.pdf" DESTINATION "${WORK}/pdfs")
file(COPY "${data}/pdf/encrypted.pdf" DESTINATION "${WORK}/pdfs/sub")
file(WRITE "${WORK}/pdfs/notes.odt" "not a kind import reads: left alone")
xxgk(import "${WORK}/pdfs" --no-info -o "${WORK}/dir" --log-json "${WORK}/dir-logs")
expect_rc(2 "import a directory with files that cannot be imported")
expect_match("${err}" "xxgk: 1 of 4 files imported into" "import a directory: total")
if(NOT EXISTS "${WORK}/dir/hongze-2023.json" OR NOT EXISTS "${WORK}/dir-logs/hongze-2023.log.json")
    fail("import a directory: no hongze-2023.json or its log")
endif()
if(EXISTS "${WORK}/dir/truncated.json")
    fail("import a directory: a JSON written for a file that could not be imported")
endif()
xxgk(import "${seed}" "${data}/cangnan-2020.html")
expect_rc(2 "import several files without -o")
expect_match("${err}" "several inputs need -o DIR" "import several files without -o: says so")

# ---- not a report, missing file
file(WRITE "${WORK}/notes.txt" "会议纪要\n今天讨论了食堂的菜单。\n")
xxgk(import "${WORK}/notes.txt")
expect_rc(2 "import of a text that is not a report")
expect_match("${err}" "not a 政府信息公开工作年度报告" "import of a text that is not a report")
expect_match("${out}" "^$" "import of a text that is not a report: no JSON")

xxgk(import "${WORK}/missing.txt")
expect_rc(2 "import of a missing file")

report_failures("xxgk import")
