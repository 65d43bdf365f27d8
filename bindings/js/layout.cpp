// The layout of the C ABI's structs in the WebAssembly build (wasm32: 4-byte pointers and
// size_t), as bindings/js/src/index.js reads and writes them (its LAYOUT table). A change to a
// struct of xxgk.h fails this build instead of misreading memory at run time.
#include <xxgk/xxgk.h>

#include <cstddef>

#define XXGK_AT(type, member, offset) static_assert(offsetof(type, member) == (offset), #type "." #member)
XXGK_AT(xxgk_key_info, index, 4);
XXGK_AT(xxgk_key_info, kind, 8);
XXGK_AT(xxgk_key_info, key, 12);
XXGK_AT(xxgk_key_info, label_path, 52);
static_assert(sizeof(xxgk_key_info) == 56, "xxgk_key_info");
XXGK_AT(xxgk_rule_info, code, 4);
XXGK_AT(xxgk_rule_info, severity, 12);
XXGK_AT(xxgk_rule_info, template_en, 28);
static_assert(sizeof(xxgk_rule_info) == 32, "xxgk_rule_info");
XXGK_AT(xxgk_problem, status, 4);
XXGK_AT(xxgk_problem, pointer, 8);
XXGK_AT(xxgk_problem, message, 16);
XXGK_AT(xxgk_problem, offset, 24);
XXGK_AT(xxgk_problem, column, 32);
static_assert(sizeof(xxgk_problem) == 36, "xxgk_problem");
XXGK_AT(xxgk_validate_options, omit_info, 4);
XXGK_AT(xxgk_validate_options, max_findings, 8);
static_assert(sizeof(xxgk_validate_options) == 12, "xxgk_validate_options");
XXGK_AT(xxgk_load_options, keep_unknown_members, 4);
XXGK_AT(xxgk_load_options, max_input_bytes, 8);
XXGK_AT(xxgk_load_options, max_problems, 20);
static_assert(sizeof(xxgk_load_options) == 24, "xxgk_load_options");
XXGK_AT(xxgk_render_options, lang, 4);
XXGK_AT(xxgk_render_options, findings, 8);
static_assert(sizeof(xxgk_render_options) == 12, "xxgk_render_options");
XXGK_AT(xxgk_import_options, kind, 4);
XXGK_AT(xxgk_import_options, format, 8);
XXGK_AT(xxgk_import_options, year, 12);
XXGK_AT(xxgk_import_options, max_input_bytes, 16);
XXGK_AT(xxgk_import_options, no_ocr, 20);  // version 2; the JS API passes version 1 (its build has no OCR)
static_assert(sizeof(xxgk_import_options) == 24, "xxgk_import_options");
#undef XXGK_AT
