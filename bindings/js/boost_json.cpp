// Boost.JSON, header-only, for the WebAssembly build (cmake/XxgkWasmBoost.cmake): the one
// translation unit that compiles the library's sources.
#include <boost/json/src.hpp>
