// PDF import: the text layer read with poppler, tables rebuilt from geometry (docs/import.md).
#include "document.hpp"

#include <xxgk/error.hpp>

namespace xxgk::import_detail {

document read_pdf(std::string_view) {
    throw error(errc::unsupported_kind, "PDF import is being built");
}

}  // namespace xxgk::import_detail
