# Encodings through the CLI (ctest test cli.encoding; issue 16, item 11): a report and a portal
# file with a UTF-8 byte order mark are read; JSON in UTF-16, UTF-32 or GB18030/GBK is refused
# naming the encoding; `xxgk import` reads GBK text, UTF-16 text with a byte order mark, a GBK page
# without <meta charset> and a UTF-16 page like their UTF-8 originals.
#
#   cmake -DXXGK=<xxgk executable> -DSOURCE=<source dir> -DWORK=<scratch dir> -P tests/cli/encoding_test.cmake
cmake_minimum_required(VERSION 3.19)  # string(JSON)

foreach(var XXGK SOURCE WORK)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "encoding_test.cmake: -D${var}=... is required")
    endif()
endforeach()

set(enc "${SOURCE}/tests/data/encoding")
set(data "${SOURCE}/tests/data/import")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

include("${CMAKE_CURRENT_LIST_DIR}/harness.cmake")

# ---- JSON
xxgk(validate "${enc}/report-utf8-bom.json")
expect_rc(0 "validate a report with a UTF-8 byte order mark")
xxgk(convert "${enc}/report-utf8-bom.json" -o "${WORK}/bom.json")
expect_rc(0 "convert a report with a UTF-8 byte order mark")
file(READ "${WORK}/bom.json" converted)
file(READ "${SOURCE}/examples/data/sample-2021.json" sample)
string(JSON body_bom GET "${converted}" header body)
string(JSON body GET "${sample}" header body)
if(NOT body_bom STREQUAL body)
    fail("convert a report with a UTF-8 byte order mark: body '${body_bom}', expected '${body}'")
endif()
xxgk(validate "${enc}/portal-utf8-bom.json")
expect_rc(0 "validate a portal file with a UTF-8 byte order mark")
expect_match("${out}" "网站公开数据 中国·苍南\n  警告 XXGK-P-003" "validate a portal file with a byte order mark: read as a portal")

foreach(case
        "report-utf16le-bom.json|UTF-16LE \\(it starts with the byte order mark FF FE\\)"
        "report-utf16be.json|UTF-16BE without a byte order mark"
        "report-utf32le-bom.json|UTF-32LE \\(it starts with the byte order mark FF FE 00 00\\)"
        "report-gbk.json|reads as GB18030 \\(GBK\\)")
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 name)
    list(GET parts 1 words)
    xxgk(validate "${enc}/${name}")
    expect_rc(2 "validate ${name}")
    expect_match("${err}" "error\\[invalid_json\\]: the input [^\n]*${words}[^\n]*not UTF-8 as JSON must be" "validate ${name}: names the encoding")
endforeach()

# ---- import
xxgk(import "${data}/cangnan-2020-annual-report.txt" --no-info -o "${WORK}/text.json")
xxgk(import "${data}/sample-2021.html" --no-info -o "${WORK}/page.json")
file(READ "${WORK}/text.json" text_json)
file(READ "${WORK}/page.json" page_json)
foreach(case
        "cangnan-2020-gbk.txt|text|GB18030"
        "cangnan-2020-utf16be-bom.txt|text|UTF-16BE"
        "sample-2021-gbk-no-meta.html|page|GB18030"
        "sample-2021-utf16-bom.html|page|UTF-16LE")
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 name)
    list(GET parts 1 original)
    list(GET parts 2 encoding)
    xxgk(import "${enc}/${name}" -o "${WORK}/${name}.json")
    expect_rc(0 "import ${name}")
    expect_match("${err}" "info\\[XXGK-I-091\\]: text decoded as ${encoding}" "import ${name}: decoded as ${encoding}")
    file(READ "${WORK}/${name}.json" got)
    foreach(key "requests;total;total" "requests;granted;total" "review_litigation;review;total;total")
        string(JSON a ERROR_VARIABLE e1 GET "${got}" ${key})
        string(JSON b ERROR_VARIABLE e2 GET "${${original}_json}" ${key})
        if(NOT a STREQUAL b)
            fail("import ${name}: ${key} is '${a}', the UTF-8 original's '${b}'")
        endif()
    endforeach()
endforeach()

report_failures("encodings")
