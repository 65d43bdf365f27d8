// Fuzz target: the HTML importer (xxgk::import_html, libxml2's HTML parser underneath).
// Invariants: fuzz_import.hpp. Built only once include/xxgk/import.hpp and src/import/ are part
// of the library.
#include "fuzz_import.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return xxgk_fuzz::import_one(
        std::string_view(reinterpret_cast<const char*>(data), size),
        [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_html(s, o); },
        // limit_exceeded: an element with more than 128 attributes
        {xxgk::errc::invalid_value, xxgk::errc::limit_exceeded});
}
