# The reports of the cross-check (ctest fixture js.crosscheck.setup): 500 generated reports per
# format with known faults (`xxgk generate --faults`), and the native build's findings for each
# (tests/js/native_findings.py, through the C ABI). bindings/js/test/crosscheck/ compares them
# with the WebAssembly build's.
#   cmake -DXXGK=<xxgk CLI> -DLIB=<libxxgk.so> -DPYTHON=<python3> -DSOURCE=<dir> -DOUT=<dir> -P crosscheck_setup.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE "${OUT}")
foreach(format 2019 2021)
    execute_process(COMMAND "${XXGK}" generate --format ${format} --count 500 --seed ${format} --faults 0.15
                            -o "${OUT}/generated-${format}"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(rc)
        message(FATAL_ERROR "xxgk generate --format ${format}: exit ${rc}\n${err}")
    endif()
    execute_process(COMMAND "${PYTHON}" "${SOURCE}/tests/js/native_findings.py" --lib "${LIB}"
                            --dir "${OUT}/generated-${format}" --out "${OUT}/native-${format}.json"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(rc)
        message(FATAL_ERROR "native_findings.py (${format}): exit ${rc}\n${err}")
    endif()
endforeach()
