// xxgk — the JSON Schema of the canonical JSON (docs/render.md § JSON Schema).
#ifndef XXGK_SCHEMA_HPP
#define XXGK_SCHEMA_HPP

#include <xxgk/format.hpp>

#include <string>

namespace xxgk {

/// The JSON Schema (draft 2020-12) of a canonical JSON report of `format`, pretty-printed.
///
/// Generated from the Boost.Describe descriptions of the model, like the JSON codec: member names,
/// required members (those the decoder requires), enumerations (the described enumerators), one
/// object per row and one property per cell key, `additionalProperties: false` everywhere. Sections,
/// rows and cells carry the official Chinese labels as `title` and the label path and canonical key
/// as `description`. A document is valid against the schema exactly when `decode_json` (strict)
/// accepts it, except for what a schema cannot say: a member name repeated in one object (JSON
/// Schema sees only one of them), an integral number written with a fraction or an exponent
/// (`2020.0`, `2.02e3`: an integer to JSON Schema, a wrong type to the decoder), and a decimal
/// string beyond the 64-bit range. Deterministic; does not throw except std::bad_alloc.
std::string json_schema(format_version format);

}  // namespace xxgk

#endif
