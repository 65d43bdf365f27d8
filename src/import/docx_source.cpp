// Word import: the .docx container opened with libzip, its XML read with libxml2 (docs/import.md).
#include "document.hpp"

#include <xxgk/error.hpp>

namespace xxgk::import_detail {

document read_docx(std::string_view, std::size_t) {
    throw error(errc::unsupported_kind, "Word import is being built");
}

}  // namespace xxgk::import_detail
