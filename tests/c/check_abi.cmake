# The ABI gate: compares libxxgk.so with the committed baseline (bindings/c/abi/libxxgk.abi).
#
# Compatible: added functions, and members appended at the end of a versioned struct
# (bindings/c/abi/suppressions.ini). Everything else fails: a removed function, a changed
# signature, a changed struct layout or enum value type.
#
# abidiff's exit status alone is not enough: it sets bit 3 (incompatible) only for removed
# symbols and reports changed signatures and struct layouts with bit 2 (some change), which
# additions set too. So the summary lines decide: nothing may be "Removed" or "Changed".
#
# Update the baseline only on purpose, when releasing additions:
#   cmake --build <build-dir> --target xxgk_c_abi_baseline
#
#   cmake -DABIDIFF=abidiff -DBASELINE=libxxgk.abi -DSUPPRESSIONS=suppressions.ini -DLIB=libxxgk.so -P check_abi.cmake
cmake_minimum_required(VERSION 3.16)
execute_process(COMMAND ${ABIDIFF} --exported-interfaces-only --no-show-locs --suppressions ${SUPPRESSIONS}
                        ${BASELINE} ${LIB}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc MATCHES "^[0-9]+$")
    message(FATAL_ERROR "abidiff did not run: ${rc}")
endif()
# Exit status bits: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
math(EXPR failed "${rc} & 3")
math(EXPR incompatible "${rc} & 8")
if(failed)
    message(FATAL_ERROR "abidiff failed (exit status ${rc})")
endif()
if(rc EQUAL 0)
    message(STATUS "ABI identical to the baseline")
    return()
endif()
if(NOT out MATCHES "Functions changes summary")
    message(FATAL_ERROR "unexpected abidiff output (no summary): the gate cannot decide")
endif()
if(incompatible OR out MATCHES "[1-9][0-9]* Removed" OR out MATCHES "[1-9][0-9]* Changed")
    message(FATAL_ERROR "INCOMPATIBLE ABI change against ${BASELINE} (see above). Within a major version the C "
                        "ABI only grows: restore the removed or changed interface (add a new function or a new "
                        "struct version instead), or bump the major version and regenerate the baseline.")
endif()
message(STATUS "compatible ABI additions against the baseline; regenerate it (target xxgk_c_abi_baseline) "
               "when releasing them")
