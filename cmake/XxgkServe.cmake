# xxgk_serve: the HTTP service of `xxgk serve` (src/serve, docs/serve.md) on Boost.Beast/Asio
# (header-only parts of Boost; Asio needs threads). Internal: linked by the CLI only.
find_package(Threads REQUIRED)
# The OpenAPI document is a file of the source tree, served from a copy compiled in.
set(xxgk_openapi_source "${CMAKE_CURRENT_SOURCE_DIR}/src/serve/openapi.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${xxgk_openapi_source}")
file(READ "${xxgk_openapi_source}" XXGK_OPENAPI_JSON)
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/src/serve/openapi.cpp.in" "${CMAKE_CURRENT_BINARY_DIR}/serve/openapi.cpp" @ONLY)
add_library(xxgk_serve STATIC
    src/serve/server.cpp src/serve/routes.cpp src/serve/metrics.cpp src/serve/problem.cpp
    "${CMAKE_CURRENT_BINARY_DIR}/serve/openapi.cpp")
target_include_directories(xxgk_serve PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
target_link_libraries(xxgk_serve PUBLIC xxgk::xxgk PRIVATE Boost::json Threads::Threads)
xxgk_set_warnings(xxgk_serve)
