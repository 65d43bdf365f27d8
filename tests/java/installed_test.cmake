# The Java package as installed (packaging.<kind>.install puts the main build into PREFIX): the three
# jars under share/java, and the example run against the installed jar and libxxgk.so, found once
# through -Djna.library.path and once through the loader's path (LD_LIBRARY_PATH standing in for a
# system directory), as docs/java.md describes.
#   cmake -DPREFIX=... -DLIBDIR=lib -DVERSION=0.4.0 -DJAVA=java -DJNA=jna.jar -DEXAMPLE=example.jar
#         -DREPORT=cangnan-2020.json -P installed_test.cmake
cmake_minimum_required(VERSION 3.16)
set(java_dir "${PREFIX}/share/java")
foreach(jar xxgk-${VERSION}.jar xxgk.jar xxgk-${VERSION}-sources.jar xxgk-${VERSION}-javadoc.jar)
    if(NOT EXISTS "${java_dir}/${jar}")
        message(FATAL_ERROR "not installed: ${java_dir}/${jar}")
    endif()
endforeach()
set(classpath "${EXAMPLE}:${java_dir}/xxgk.jar:${JNA}")
foreach(way jna.library.path system)
    if(way STREQUAL "jna.library.path")
        set(command "${JAVA}" "-Djna.library.path=${PREFIX}/${LIBDIR}" -cp "${classpath}" Validate "${REPORT}")
    else()
        set(command ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${PREFIX}/${LIBDIR}" "${JAVA}" -cp "${classpath}" Validate "${REPORT}")
    endif()
    execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 1 OR NOT out MATCHES "error XXGK-T3-004 requests[.]withheld_prohibited_by_law[.]total")
        message(FATAL_ERROR "the installed package (${way}): exit ${rc}\n${out}${err}")
    endif()
    message("the installed jar and libxxgk.so through ${way}: exit 1, the finding printed")
endforeach()
