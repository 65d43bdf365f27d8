# Runs PROGRAM with ARGS (a ;-list) and checks its exit code and output.
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_EXIT=1 [-DEXPECT_OUTPUT=regex] -P run_expect.cmake
cmake_minimum_required(VERSION 3.16)
execute_process(COMMAND ${PROGRAM} ${ARGS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT "${rc}" STREQUAL "${EXPECT_EXIT}")
    message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT_EXIT}")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
    message(FATAL_ERROR "output does not match '${EXPECT_OUTPUT}'")
endif()
