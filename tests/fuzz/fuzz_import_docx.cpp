// Fuzz target: the Word importer (xxgk::import_docx: libzip and libxml2 underneath). Invariants:
// fuzz_import.hpp; a Word file may also be refused as encrypted, as another kind of file (a legacy
// .doc, a zip without word/document.xml) or as unpacking beyond the limit. The seeds are the docx
// fixtures and the hostile Word files; most mutations land in compressed data and are caught by
// the zip's CRC, so the hostile corpus also holds stored (uncompressed) archives whose XML the
// fuzzer can reach.
#include "fuzz_import.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return xxgk_fuzz::import_one(
        std::string_view(reinterpret_cast<const char*>(data), size),
        [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_docx(s, o); },
        {xxgk::errc::invalid_value, xxgk::errc::encrypted, xxgk::errc::unsupported_kind, xxgk::errc::limit_exceeded});
}
