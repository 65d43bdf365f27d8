// Fuzz target: the PDF importer (xxgk::import_pdf, poppler underneath). Invariants:
// fuzz_import.hpp; a PDF may also be refused as encrypted or as having no text layer.
#include "fuzz_import.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return xxgk_fuzz::import_one(
        std::string_view(reinterpret_cast<const char*>(data), size),
        [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_pdf(s, o); },
        {xxgk::errc::invalid_value, xxgk::errc::encrypted, xxgk::errc::no_text_layer, xxgk::errc::limit_exceeded});
}
