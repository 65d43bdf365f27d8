# What the native build says about the example reports, for the JavaScript tests to compare the
# WebAssembly build with (ctest fixture js.native; bindings/js/test/).
#   cmake -DXXGK=<xxgk CLI> -DSOURCE=<source dir> -DOUT=<dir> -P native_reference.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(cangnan "${SOURCE}/examples/data/cangnan-2020.json")

function(run expect_rc)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL expect_rc)
        message(FATAL_ERROR "${ARGN}: exit ${rc} (expected ${expect_rc})\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

run(0 "${XXGK}" convert "${cangnan}" -o "${OUT}/cangnan-2020.canonical.json")
# The 苍南 report has a real defect: exit code 1.
run(1 "${XXGK}" validate --json "${cangnan}")
file(WRITE "${OUT}/cangnan-2020.findings.json" "${out}")
run(0 "${XXGK}" render --to html-fragment --findings "${cangnan}" -o "${OUT}/cangnan-2020.fragment.html")
run(0 "${XXGK}" schema --format 2019 -o "${OUT}/schema-2019.json")
run(0 "${XXGK}" rules)
file(WRITE "${OUT}/rules.tsv" "${out}")
foreach(format 2019 2021)
    run(0 "${XXGK}" keys --format ${format})
    file(WRITE "${OUT}/keys-${format}.tsv" "${out}")
endforeach()
run(0 "${XXGK}" import --from text "${SOURCE}/examples/data/cangnan-2020-annual-report.txt"
    -o "${OUT}/cangnan-2020.imported.json")
