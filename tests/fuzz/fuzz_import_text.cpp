// Fuzz target: the plain-text importer (xxgk::import_text). Invariants: fuzz_import.hpp.
// Built only once include/xxgk/import.hpp and src/import/ are part of the library.
#include "fuzz_import.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return xxgk_fuzz::import_one(
        std::string_view(reinterpret_cast<const char*>(data), size),
        [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_text(s, o); });
}
