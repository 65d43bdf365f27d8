# Fails unless DOCUMENT contains SNIPPET verbatim inside a fenced code block, so that a code
# example shown in the docs is exactly the one that is compiled and run as a test.
#   cmake -DSNIPPET=examples/cpp/readme.cpp -DDOCUMENT=README.md -P cmake/XxgkCheckSnippet.cmake
file(READ "${SNIPPET}" snippet)
file(READ "${DOCUMENT}" document)
string(FIND "${document}" "```cpp\n${snippet}```" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${DOCUMENT} does not show ${SNIPPET} verbatim in a ```cpp block; "
                        "copy the file's content into it")
endif()
