/*
 * xxgk.h — the C interface of xxgk (libxxgk.so), for C, Java (JNA/JNI), Go (cgo), .NET (P/Invoke)
 * and any other host that can call C.
 *
 * xxgk models China's 政府信息公开工作年度报告 (annual report on government information
 * disclosure): load a report from canonical JSON, read and write its cells and fields, validate it
 * against the rules of its format (国办公开办函〔2019〕60号 or 〔2021〕30号), and write it back.
 *
 * This header is the manual. It is C89-clean and is the only header a C host includes.
 *
 *
 * CONVENTIONS
 * ===========
 *
 * Names       xxgk_<noun>_<verb>. The first parameter is the handle the name starts with
 *             (xxgk_report_* take the report, xxgk_issues_* the issues); the constructors
 *             xxgk_report_new / _from_json / _from_file / _clone return the new handle through
 *             an out-parameter. Outputs follow inputs; `err` is always the last parameter.
 *
 * Strings     Every string passed in is UTF-8 with an explicit byte length (`const char *s,
 *             size_t s_len`); it need not be NUL-terminated and may be NULL only when its length
 *             is 0 and the function says so. Invalid UTF-8 is refused with XXGK_E_INVALID_UTF8
 *             and the byte offset of the first bad byte. A length above PTRDIFF_MAX is refused
 *             with XXGK_E_INVALID_ARGUMENT before any byte is read.
 *             Every string handed out is UTF-8, NUL-terminated, and — where an `out_len`
 *             parameter exists — its byte length (without the NUL) is stored there; `out_len`
 *             may be NULL.
 *
 * Ownership   Written beside every pointer:
 *               [owned]   the caller owns the result and releases it with the named function
 *                         (xxgk_free for buffers, xxgk_report_free, xxgk_issues_free,
 *                         xxgk_error_free). Every release function accepts NULL.
 *               [borrowed:X] the pointer stays valid as long as X (e.g. the report, the issues
 *                         handle, the error); never free it.
 *               [static]  valid for the life of the program; never free it.
 *
 * Status      Fallible functions return an xxgk_status: XXGK_OK (0) on success, a positive code
 *             otherwise. On failure every out-parameter that returns a handle or buffer is set
 *             to NULL (lengths to 0), so releasing it is always safe.
 *
 * Errors      Fallible functions take `xxgk_error **err` last. It may be NULL (only the status
 *             is returned). Otherwise *err is overwritten on every call: NULL on success, a new
 *             error object [owned: xxgk_error_free] on failure, carrying the status, a message,
 *             the JSON Pointer or cell key concerned, the byte offset / line / column when
 *             known, and — for JSON that cannot be decoded — every problem found. There is no
 *             thread-local "last error". No C++ exception ever leaves the library: out-of-memory
 *             is XXGK_E_NO_MEMORY, anything unexpected XXGK_E_INTERNAL.
 *
 * NULL        Every function accepts NULL for every pointer: functions returning a status fail
 *             with XXGK_E_INVALID_ARGUMENT; accessors return NULL, 0 or -1 as documented.
 *
 * Threads     The library has no global mutable state. A report may be read (any function
 *             taking `const xxgk_report *`) from many threads at once; a function taking
 *             `xxgk_report *` modifies it and needs the caller's lock against every other use
 *             of that report. Different reports are independent. Issues handles and error
 *             objects are immutable once returned and may be shared between threads.
 *
 * Structs     Structs the caller passes (options) or fills in (xxgk_cell, xxgk_key_info, …)
 *             begin with `unsigned int version`: initialise them with their _INIT macro, which
 *             sets the version this header describes. A version the library does not know (0,
 *             or one newer than the library) is refused with XXGK_E_INVALID_ARGUMENT. New
 *             members are only ever added at the end, under a new version number, so a
 *             program compiled against an older header keeps working with a newer library.
 *             In option structs a zeroed member always means "the default".
 *
 * Misuse      Every handle (report, issues, error, portal, sources) carries a type tag and a live
 *             marker that every function checks on entry; every buffer the library hands out is
 *             recorded until xxgk_free releases it. A handle already freed, or of another type
 *             (an xxgk_report passed as xxgk_issues), gives XXGK_E_MISUSE from functions returning
 *             a status, and the NULL answer (NULL, 0, -1) from accessors; the _free functions
 *             ignore it (nothing is freed twice). xxgk_free ignores any pointer it did not hand
 *             out: a buffer freed twice, a static string (xxgk_version_string()), a borrowed
 *             string, the host's own memory. Detection of a freed handle holds for the last 1024
 *             handles freed (their small shells stay allocated that long); after that, and for a
 *             pointer that is no handle at all (wild, or into unmapped memory), or a handle used
 *             in one thread while another frees it, the behaviour is undefined. docs/c-api.md,
 *             "Misuse".
 *
 * Stability   Within a major version the ABI only grows: functions, status codes, #defines and
 *             struct versions are added, never removed, renumbered or changed (docs/c-api.md).
 *             "Since" gives the version that introduced each entity.
 */
#ifndef XXGK_H
#define XXGK_H

#include <stddef.h> /* size_t, NULL */

#include "version.h" /* XXGK_VERSION_MAJOR/MINOR/PATCH, XXGK_VERSION_NUMBER, XXGK_VERSION_STRING */

/* XXGK_API marks the exported functions. */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(XXGK_C_BUILDING)
#define XXGK_API __declspec(dllexport)
#else
#define XXGK_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define XXGK_API __attribute__((visibility("default")))
#else
#define XXGK_API
#endif

/*
 * xxgk_int64: a signed 64-bit integer (cell values). C89 has no 64-bit type; compilers do.
 * It is `long long` (or MSVC's __int64, the same type) everywhere; `__extension__` keeps
 * GCC and Clang quiet under -std=c89 -pedantic. Since 0.1.
 */
#if defined(_MSC_VER)
typedef __int64 xxgk_int64;
#elif defined(__GNUC__)
__extension__ typedef long long xxgk_int64;
#elif (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L) || defined(__cplusplus)
typedef long long xxgk_int64;
#else
#error "xxgk.h needs a compiler with a 64-bit integer type (long long or __int64)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================
 * Status codes
 * ========================================================================================== */

/* The outcome of a call: XXGK_OK or one of the XXGK_E_* codes. Since 0.1. */
typedef int xxgk_status;

#define XXGK_OK 0

/* The comments of the status table run over two lines: not formatted by clang-format. */
/* clang-format off */
/* 1–99 are the C++ library's xxgk::errc values, number for number. */
#define XXGK_E_INVALID_JSON 1    /* not well-formed JSON */
#define XXGK_E_WRONG_TYPE 2      /* a value of the wrong JSON type; a field that is not a scalar */
#define XXGK_E_MISSING_MEMBER 3  /* a required member is absent */
#define XXGK_E_UNKNOWN_MEMBER 4  /* a member the model does not have (strict loading) */
#define XXGK_E_OUT_OF_RANGE 5    /* a number beyond what the member admits */
#define XXGK_E_INVALID_VALUE 6   /* a malformed date, decimal, enum name, … */
#define XXGK_E_WRONG_FORMAT 7    /* a row or member that exists only in the other format version */
#define XXGK_E_UNKNOWN_KEY 8     /* a cell key, field key or JSON Pointer that names nothing */
#define XXGK_E_LIMIT_EXCEEDED 9  /* input larger or deeper than the configured limits */
#define XXGK_E_IO 10             /* a file could not be read */
#define XXGK_E_DUPLICATE_MEMBER 11 /* a member name repeated within one JSON object */
#define XXGK_E_NO_TEXT_LAYER 12    /* import: a PDF with no text to read (a scan: needs OCR). Since 0.3. */
#define XXGK_E_ENCRYPTED 13        /* import: a password-protected PDF or Word file. Since 0.3. */
#define XXGK_E_UNSUPPORTED_KIND 14 /* import: a kind of file not read (legacy .doc/.wps …); the message
                                      names the conversion. Since 0.3. */
#define XXGK_E_UNAVAILABLE 15      /* a feature left out of this build: HTML, PDF or Word import in a build
                                      with XXGK_WITH_HTML/PDF/WORD=OFF (the WebAssembly build); the message
                                      names the feature and the option. Since 0.4. */

/* 100 and up belong to the C interface. */
#define XXGK_E_INVALID_ARGUMENT 100 /* NULL where a pointer is required, a bad enum value, an
                                       unknown struct version, a length above PTRDIFF_MAX */
#define XXGK_E_INVALID_UTF8 101     /* a string argument is not valid UTF-8 (offset = first bad byte) */
#define XXGK_E_NOT_FOUND 102        /* an index past the end, a rule code not in the catalog */
#define XXGK_E_NO_MEMORY 103        /* out of memory */
#define XXGK_E_INTERNAL 104         /* a bug in xxgk: please report it */
#define XXGK_E_MISUSE 105           /* a handle that is not a live handle of the parameter's type: freed
                                       already, or of another type (see MISUSE above). Since 0.4. */
/* clang-format on */

/*
 * The name of a status: "ok", "invalid_json", …, "invalid_argument", "no_memory" — the same
 * names as the C++ library and the CLI. Unknown codes give "unknown". Codes may be added in a
 * minor release; treat any nonzero code you do not know as a failure.
 * Returns: [static] NUL-terminated ASCII. Since 0.1.
 */
XXGK_API const char* xxgk_status_name(xxgk_status status);

/* ============================================================================================
 * Versions and formats
 * ========================================================================================== */

/* XXGK_VERSION_NUMBER of the library actually loaded (the macro gives the header's). Since 0.1. */
XXGK_API unsigned long xxgk_version_number(void);

/* XXGK_VERSION_STRING of the library actually loaded, e.g. "0.1.0". Returns: [static]. Since 0.1. */
XXGK_API const char* xxgk_version_string(void);

/* Report format versions (the `format` parameter everywhere). Since 0.1. */
#define XXGK_FORMAT_2019 2019 /* 国办公开办函〔2019〕60号: report years 2019 and 2020 */
#define XXGK_FORMAT_2021 2021 /* 国办公开办函〔2021〕30号: report years 2021 onward */

/* 1 when `format` is a format this library supports, 0 otherwise. Since 0.1. */
XXGK_API int xxgk_format_supported(int format);

/*
 * Every supported format, oldest first. Stores a pointer to the list in *out (when `out` is not
 * NULL) and returns its length (2 in this version).
 * *out: [static]. Since 0.1.
 */
XXGK_API size_t xxgk_formats(const int** out);

/* ============================================================================================
 * Memory
 * ========================================================================================== */

/* Releases a buffer the library returned (JSON text, field values, CSV). NULL is a no-op.
 * Use it, not free(): the library may use another allocator than the host. Since 0.1.
 * Any pointer that is not a buffer the library handed out and has not yet released — one
 * released already, a static or borrowed string, the host's own memory — is ignored, never
 * read or freed (since 0.4; see MISUSE above). */
XXGK_API void xxgk_free(void* buffer);

/* ============================================================================================
 * Errors
 * ========================================================================================== */

/* What went wrong in one call. Opaque, immutable. Since 0.1. */
typedef struct xxgk_error xxgk_error;

/* Releases an error. NULL is a no-op. Since 0.1. */
XXGK_API void xxgk_error_free(xxgk_error* err);

/* The status of the failed call; XXGK_E_INVALID_ARGUMENT for NULL. Since 0.1. */
XXGK_API xxgk_status xxgk_error_status(const xxgk_error* err);

/*
 * What went wrong, in English, naming the argument, key or member concerned. For JSON with
 * several problems: the first one, followed by how many more there are.
 * Returns: [borrowed: err]; NULL (and *out_len = 0) for a NULL err. Since 0.1.
 */
XXGK_API const char* xxgk_error_message(const xxgk_error* err, size_t* out_len);

/*
 * Where: a JSON Pointer ("/header/year", "" = the whole document) for JSON and fields, the cell
 * key ("requests.granted.total") for cell functions, "" when not tied to a place.
 * Returns: [borrowed: err]; NULL for a NULL err. Since 0.1.
 */
XXGK_API const char* xxgk_error_location(const xxgk_error* err, size_t* out_len);

/* Returned by xxgk_error_offset and in xxgk_problem.offset when no byte offset is known. */
#define XXGK_NO_OFFSET ((size_t)-1)

/* The byte offset in the input text (JSON text or string argument) where the problem is, or
 * XXGK_NO_OFFSET when unknown (0 is a real offset). Since 0.1. */
XXGK_API size_t xxgk_error_offset(const xxgk_error* err);

/* The 1-based line of that offset in JSON input, or 0 when unknown. Since 0.1. */
XXGK_API size_t xxgk_error_line(const xxgk_error* err);

/* The 1-based column (in characters) of that offset in JSON input, or 0 when unknown. Since 0.1. */
XXGK_API size_t xxgk_error_column(const xxgk_error* err);

/* How many problems the error carries: every problem of JSON that could not be decoded (the
 * decoder does not stop at the first), otherwise 1. 0 for NULL. Since 0.1. */
XXGK_API size_t xxgk_error_count(const xxgk_error* err);

/* One problem of an error, filled in by xxgk_error_problem_at. Since 0.1 (version 1). */
typedef struct xxgk_problem {
    unsigned int version; /* in: XXGK_PROBLEM_VERSION (set by XXGK_PROBLEM_INIT) */
    xxgk_status status;   /* XXGK_E_* of this problem */
    const char* pointer;  /* [borrowed: err] JSON Pointer or key, "" for the whole input */
    size_t pointer_len;
    const char* message; /* [borrowed: err] English */
    size_t message_len;
    size_t offset; /* byte offset, XXGK_NO_OFFSET when unknown */
    size_t line;   /* 1-based, 0 when unknown */
    size_t column; /* 1-based, 0 when unknown */
} xxgk_problem;

#define XXGK_PROBLEM_VERSION 1
#define XXGK_PROBLEM_INIT                                                                                              \
    { XXGK_PROBLEM_VERSION, 0, NULL, 0, NULL, 0, 0, 0, 0 }

/*
 * Fills *out with problem `index` (0-based, < xxgk_error_count). Problem 0 is the one the
 * error's own accessors describe.
 * Returns XXGK_OK, XXGK_E_NOT_FOUND for an index past the end, XXGK_E_INVALID_ARGUMENT for
 * NULL or an unknown out->version. (Takes no `err`: it reports on an error.) Since 0.1.
 */
XXGK_API xxgk_status xxgk_error_problem_at(const xxgk_error* err, size_t index, xxgk_problem* out);

/* ============================================================================================
 * Reports
 * ========================================================================================== */

/* One 政府信息公开工作年度报告: header, the six sections, every cell. Opaque. Since 0.1. */
typedef struct xxgk_report xxgk_report;

/* How xxgk_report_from_json / _from_file read JSON. Zeroed members mean the default.
 * The limits are described in docs/security.md. Since 0.1 (version 1; version 2 adds
 * max_string_bytes and max_problems). */
typedef struct xxgk_load_options {
    unsigned int version;     /* XXGK_LOAD_OPTIONS_VERSION */
    int keep_unknown_members; /* 0 (default): strict, a member the model does not have is
                                 XXGK_E_UNKNOWN_MEMBER. Nonzero: lax, such members are kept and
                                 written back by xxgk_report_to_json, so nothing read is lost. */
    size_t max_input_bytes;   /* larger input is XXGK_E_LIMIT_EXCEEDED; 0 = 64 MiB */
    size_t max_depth;         /* deeper nesting is XXGK_E_LIMIT_EXCEEDED; 0 = 32; above 1000 = 1000 */
    /* Version 2: */
    size_t max_string_bytes; /* a longer string or member name (bytes after unescaping) is
                                 XXGK_E_LIMIT_EXCEEDED at its JSON Pointer; 0 = 1 MiB */
    size_t max_problems;     /* problems kept; past it one last XXGK_E_LIMIT_EXCEEDED problem
                                 says the list was cut; 0 = 1000 */
} xxgk_load_options;

#define XXGK_LOAD_OPTIONS_VERSION 2
#define XXGK_LOAD_OPTIONS_INIT                                                                                         \
    { XXGK_LOAD_OPTIONS_VERSION, 0, 0, 0, 0, 0 }

/*
 * A new empty report of `format` (XXGK_FORMAT_2019 or XXGK_FORMAT_2021): every cell blank,
 * header empty (validation will say what is missing).
 * *out: [owned: xxgk_report_free]. Errors: XXGK_E_INVALID_ARGUMENT (NULL out, unsupported
 * format). Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_new(xxgk_report** out, int format, xxgk_error** err);

/*
 * Decodes a report from canonical JSON (docs/json-format.md). `options` may be NULL (defaults).
 * Every problem is reported, each with its JSON Pointer (see xxgk_error_count); syntax errors
 * also with offset, line and column.
 * *out: [owned: xxgk_report_free]. Errors: XXGK_E_INVALID_ARGUMENT, XXGK_E_LIMIT_EXCEEDED
 * (checked before the text is read), XXGK_E_INVALID_UTF8, XXGK_E_INVALID_JSON and every
 * decoding status 2–9. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_from_json(xxgk_report** out, const char* json, size_t json_len,
                                           const xxgk_load_options* options, xxgk_error** err);

/*
 * Reads a file and decodes it like xxgk_report_from_json. `path` is NUL-terminated and handed
 * to the operating system unchanged.
 * *out: [owned: xxgk_report_free]. Errors: as xxgk_report_from_json, plus XXGK_E_IO. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_from_file(xxgk_report** out, const char* path, const xxgk_load_options* options,
                                           xxgk_error** err);

/*
 * Encodes the report as canonical JSON: compact, deterministic, members in model order, so that
 * from_json(to_json(r)) is equal to r and encodes to the same bytes.
 * *out: [owned: xxgk_free], NUL-terminated; *out_len (may be NULL): its length. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_to_json(const xxgk_report* report, char** out, size_t* out_len, xxgk_error** err);

/*
 * Every cell as CSV in long format: columns key, section, row_label, column_label, value,
 * state, unit, raw; RFC 4180, "\n" line ends, one header line.
 * *out: [owned: xxgk_free]. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_to_cells_csv(const xxgk_report* report, char** out, size_t* out_len, xxgk_error** err);

/* Releases a report and everything borrowed from it. NULL is a no-op. Since 0.1. */
XXGK_API void xxgk_report_free(xxgk_report* report);

/* The report's format (XXGK_FORMAT_2019 or XXGK_FORMAT_2021); 0 for NULL. Since 0.1. */
XXGK_API int xxgk_report_format(const xxgk_report* report);

/* A deep copy. *out: [owned: xxgk_report_free]. Since 0.1. */
XXGK_API xxgk_status xxgk_report_clone(const xxgk_report* report, xxgk_report** out, xxgk_error** err);

/* 1 when both reports hold the same content (cells compared by value, raw text and provenance
 * included), 0 otherwise or when either is NULL. Since 0.1. */
XXGK_API int xxgk_report_equal(const xxgk_report* a, const xxgk_report* b);

/*
 * The JSON of one part of the report, addressed by a JSON Pointer (RFC 6901) into its canonical
 * JSON: "" (the whole report), "/overview", "/header/contact", "/requests/granted",
 * "/requests/granted/total" (one cell, in the cell forms of docs/json-format.md). A member of
 * the model that the report leaves out gives "null".
 * *out: [owned: xxgk_free]. Errors: XXGK_E_INVALID_ARGUMENT (a pointer not starting with "/"),
 * XXGK_E_UNKNOWN_KEY (names nothing in the model or the report). Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_get_json(const xxgk_report* report, const char* pointer, size_t pointer_len,
                                          char** out, size_t* out_len, xxgk_error** err);

/*
 * Replaces one part of the report with `json`, addressed like xxgk_report_get_json. Missing
 * enclosing objects are created; in an array, the index one past the end or "-" appends.
 * "null" removes an optional member. "" replaces the whole report (the format may change).
 * The result is decoded strictly with the whole report as context, so every error has the
 * JSON Pointer of the offending member ("/header/statistics_period/start"); on any error the
 * report is left unchanged. On success every pointer borrowed from the report is invalid.
 * Errors: XXGK_E_UNKNOWN_KEY (the pointer names nothing in the model, or points inside a
 * cell), XXGK_E_NOT_FOUND (array index beyond the end), XXGK_E_INVALID_UTF8,
 * XXGK_E_INVALID_JSON, and every decoding status. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_set_json(xxgk_report* report, const char* pointer, size_t pointer_len,
                                          const char* json, size_t json_len, xxgk_error** err);

/* ============================================================================================
 * Cells — the statistical cells of sections 二, 三, 四, addressed by canonical key
 * ("requests.granted.natural_person"; see xxgk_key_at for the keys of a format)
 * ========================================================================================== */

/* What a cell holds (xxgk_cell.state). A blank is never a zero. Since 0.1. */
#define XXGK_CELL_BLANK 0          /* printed empty (空白) */
#define XXGK_CELL_NUMBER 1         /* a number, including an explicit 0 */
#define XXGK_CELL_NOT_APPLICABLE 2 /* "-", "/", "不适用" */
#define XXGK_CELL_TEXT 3           /* printed text that is not a number */
#define XXGK_CELL_NOT_CAPTURED 4   /* an importer could not locate the cell */

/* The unit written with a money value (xxgk_cell.unit). Since 0.1. */
#define XXGK_UNIT_NONE 0
#define XXGK_UNIT_YUAN 1     /* 元 */
#define XXGK_UNIT_WAN_YUAN 2 /* 万元 */

/* What values a cell's key admits (xxgk_cell.kind, xxgk_key_info.kind). Since 0.1. */
#define XXGK_KIND_COUNT 0           /* an integer >= 0 */
#define XXGK_KIND_SIGNED_COUNT 1    /* an integer of any sign: 本年增/减 */
#define XXGK_KIND_AMOUNT 2          /* money >= 0, unit (元 or 万元) written in the cell */
#define XXGK_KIND_AMOUNT_WAN_YUAN 3 /* money >= 0 in 万元, fixed by the column */

/* One cell, filled in by xxgk_cell_get. Since 0.1 (version 1). */
typedef struct xxgk_cell {
    unsigned int version;   /* in: XXGK_CELL_VERSION (set by XXGK_CELL_INIT) */
    int state;              /* XXGK_CELL_* */
    int kind;               /* XXGK_KIND_* of the cell's key */
    int unit;               /* XXGK_UNIT_*; XXGK_UNIT_NONE unless a number with a unit */
    xxgk_int64 coefficient; /* value = coefficient × 10^-scale, exact; 0 unless a number */
    int scale;              /* digits after the point, 0–18 */
    char value_text[48];    /* the value printed with `scale` decimals ("17424.88", "-3"),
                               NUL-terminated; "" unless a number */
    const char* raw;        /* [borrowed: the report, until this cell is changed, the report is
                               changed through a JSON or field function, or freed] the text as
                               printed, NUL-terminated; NULL when not known */
    size_t raw_len;
} xxgk_cell;

#define XXGK_CELL_VERSION 1
#define XXGK_CELL_INIT                                                                                                 \
    { XXGK_CELL_VERSION, 0, 0, 0, 0, 0, {0}, NULL, 0 }

/*
 * Reads the cell at `key`.
 * Errors: XXGK_E_UNKNOWN_KEY when the key is not a cell of the report's format (location: the
 * key; the message says when it belongs to the other format), XXGK_E_INVALID_ARGUMENT,
 * XXGK_E_INVALID_UTF8. Since 0.1.
 */
XXGK_API xxgk_status xxgk_cell_get(const xxgk_report* report, const char* key, size_t key_len, xxgk_cell* out,
                                   xxgk_error** err);

/*
 * Makes the cell at `key` the integer `value` (no unit). The cell is replaced: raw text and
 * provenance are dropped. Values the key does not admit (a negative count) are stored; the
 * validator reports them. Errors: as xxgk_cell_get. Since 0.1.
 */
XXGK_API xxgk_status xxgk_cell_set_integer(xxgk_report* report, const char* key, size_t key_len, xxgk_int64 value,
                                           xxgk_error** err);

/*
 * Makes the cell at `key` the exact decimal `text` ("17424.88", "-3", "0.5": [+-]digits[.digits],
 * at most 18 decimals, 64-bit range) with `unit` (XXGK_UNIT_*). The cell is replaced.
 * Errors: as xxgk_cell_get, plus XXGK_E_INVALID_VALUE (not such a decimal) and
 * XXGK_E_INVALID_ARGUMENT (unknown unit). Since 0.1.
 */
XXGK_API xxgk_status xxgk_cell_set_decimal(xxgk_report* report, const char* key, size_t key_len, const char* text,
                                           size_t text_len, int unit, xxgk_error** err);

/*
 * Makes the cell at `key` blank, not applicable, unreadable text or not captured (`state`, any
 * XXGK_CELL_* but XXGK_CELL_NUMBER), with the printed text `raw` (NULL with raw_len 0: none).
 * The cell is replaced. Errors: as xxgk_cell_get, plus XXGK_E_INVALID_ARGUMENT (state
 * XXGK_CELL_NUMBER or unknown: use xxgk_cell_set_integer / _decimal). Since 0.1.
 */
XXGK_API xxgk_status xxgk_cell_set_state(xxgk_report* report, const char* key, size_t key_len, int state,
                                         const char* raw, size_t raw_len, xxgk_error** err);

/*
 * Sets the cell at `key` from its printed text (`text`, text_len bytes; NULL with 0: empty), read
 * as the importer reads a printed cell of the key's kind (docs/import.md): empty → blank; "-",
 * "/", "不适用" → not applicable; "1,234", "-3", "17424.88 万元" → a number (元/万元 as the unit
 * of money cells); anything else → text, which validation reports (XXGK-V-007). Full-width forms
 * are read as ASCII. The text is kept as the cell's raw text, except for a blank and for a number
 * printed exactly as the library prints it ("12" gives the bare number 12). For form fields a
 * person types into (the <xxgk-report-editor> of docs/web.md). The cell is replaced.
 * Errors: as xxgk_cell_get. Since 0.4.
 */
XXGK_API xxgk_status xxgk_cell_set_text(xxgk_report* report, const char* key, size_t key_len, const char* text,
                                        size_t text_len, xxgk_error** err);

/* ============================================================================================
 * Keys and labels of a format
 * ========================================================================================== */

/* Everything known about one cell key, filled in by xxgk_key_at / xxgk_key_find. Every string is
 * [static] and NUL-terminated. Since 0.1 (version 1). */
typedef struct xxgk_key_info {
    unsigned int version;      /* in: XXGK_KEY_INFO_VERSION (set by XXGK_KEY_INFO_INIT) */
    size_t index;              /* position in the format's key list (table order) */
    int kind;                  /* XXGK_KIND_* */
    const char* key;           /* "requests.granted.natural_person" */
    const char* pointer;       /* "/requests/granted/natural_person" */
    const char* section;       /* "requests" */
    const char* row;           /* "granted" */
    const char* column;        /* "natural_person" */
    const char* section_label; /* "三、收到和处理政府信息公开申请情况" */
    const char* row_groups;    /* enclosing row groups, outermost first, joined by " › ":
                                  "三、本年度办理结果"; "" when none */
    const char* row_label;     /* "（一）予以公开" */
    const char* column_group;  /* "法人或其他组织"; "" when none */
    const char* column_label;  /* "商业企业" */
    const char* label_path;    /* the cell's full Chinese name, section › groups › row › column */
} xxgk_key_info;

#define XXGK_KEY_INFO_VERSION 1
#define XXGK_KEY_INFO_INIT                                                                                             \
    { XXGK_KEY_INFO_VERSION, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* How many cell keys `format` has (198 for 2019, 200 for 2021); 0 for an unsupported format.
 * Since 0.1. */
XXGK_API size_t xxgk_key_count(int format);

/* Fills *out with key `index` of `format`, in table order. Errors: XXGK_E_INVALID_ARGUMENT
 * (format, NULL, version), XXGK_E_NOT_FOUND (index >= xxgk_key_count). Since 0.1. */
XXGK_API xxgk_status xxgk_key_at(int format, size_t index, xxgk_key_info* out, xxgk_error** err);

/* Fills *out with the description of `key` in `format`. Errors: XXGK_E_UNKNOWN_KEY (as
 * xxgk_cell_get), XXGK_E_INVALID_ARGUMENT, XXGK_E_INVALID_UTF8. Since 0.1. */
XXGK_API xxgk_status xxgk_key_find(int format, const char* key, size_t key_len, xxgk_key_info* out, xxgk_error** err);

/* ============================================================================================
 * Fields — the header and narrative members, addressed by dotted key
 * ("header.body", "header.year", "header.statistics_period.start", "header.contact.email",
 * "header.legal_bases.0", "other_matters.heading", "processing_fees.billed"): the path of a
 * member in the canonical JSON with "." for "/". Every scalar member of the model is a field;
 * for objects, arrays and cells use xxgk_report_get_json / _set_json and the cell functions.
 * ========================================================================================== */

/*
 * The field's value as text: strings as they are, enums by name ("own"), dates "YYYY-MM-DD",
 * decimals "17424.88", integers in decimal, booleans "true" / "false".
 * A field the report leaves out (an absent optional member) gives XXGK_OK with *out = NULL.
 * *out: [owned: xxgk_free]. Errors: XXGK_E_UNKNOWN_KEY (not a member of the model),
 * XXGK_E_WRONG_TYPE (an object, array or cell). Since 0.1.
 */
XXGK_API xxgk_status xxgk_field_get(const xxgk_report* report, const char* key, size_t key_len, char** out,
                                    size_t* out_len, xxgk_error** err);

/*
 * Sets the field to `value`, given as text in the form xxgk_field_get returns. Enclosing
 * optional objects are created. The value is checked like JSON input: a malformed date, an
 * unknown enum name, a year out of range… fail with the decoding status and the field's JSON
 * Pointer as location, and leave the report unchanged. On success every pointer borrowed from
 * the report is invalid. Remove an optional field with xxgk_report_set_json(…, "null", 4, …).
 * Errors: as xxgk_field_get, plus XXGK_E_INVALID_VALUE, XXGK_E_OUT_OF_RANGE,
 * XXGK_E_MISSING_MEMBER (a new enclosing object that needs more members, e.g.
 * header.statistics_period.end when the period is absent: set the whole object with
 * xxgk_report_set_json). Since 0.1.
 */
XXGK_API xxgk_status xxgk_field_set(xxgk_report* report, const char* key, size_t key_len, const char* value,
                                    size_t value_len, xxgk_error** err);

/* ============================================================================================
 * Validation
 * ========================================================================================== */

/* The findings of one validation. Opaque, immutable. Since 0.1. */
typedef struct xxgk_issues xxgk_issues;

/* Options of xxgk_report_validate. Zeroed members mean the default. Since 0.1 (version 1;
 * version 2 adds max_findings). */
typedef struct xxgk_validate_options {
    unsigned int version; /* XXGK_VALIDATE_OPTIONS_VERSION */
    int omit_info;        /* 0 (default): keep findings of severity info; nonzero: drop them */
    /* Version 2: */
    size_t max_findings; /* findings kept; when there are more, the list ends with one finding
                             XXGK-L-001 saying how many were left out; 0 = 1000 */
} xxgk_validate_options;

#define XXGK_VALIDATE_OPTIONS_VERSION 2
#define XXGK_VALIDATE_OPTIONS_INIT                                                                                     \
    { XXGK_VALIDATE_OPTIONS_VERSION, 0, 0 }

/* Severity of a finding. The caller decides what blocks. Since 0.1. */
#define XXGK_SEVERITY_INFO 0
#define XXGK_SEVERITY_WARNING 1
#define XXGK_SEVERITY_ERROR 2

/* Language of a message. Since 0.1. */
#define XXGK_LANG_ZH 0 /* 中文, names cells by their official labels */
#define XXGK_LANG_EN 1

/*
 * Checks the report against every rule of its format and returns every finding, roots first in
 * table order (docs/rules.md lists every code). A finding is never an error of the call: a
 * report with findings gives XXGK_OK. `options` may be NULL (defaults).
 * *out: [owned: xxgk_issues_free]. Errors: XXGK_E_INVALID_ARGUMENT. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_validate(const xxgk_report* report, const xxgk_validate_options* options,
                                          xxgk_issues** out, xxgk_error** err);

/* Releases the findings and every string borrowed from them. NULL is a no-op. Since 0.1. */
XXGK_API void xxgk_issues_free(xxgk_issues* issues);

/* Number of findings; 0 for NULL. Since 0.1. */
XXGK_API size_t xxgk_issues_count(const xxgk_issues* issues);

/* Number of findings of severity error; 0 for NULL. Since 0.1. */
XXGK_API size_t xxgk_issues_error_count(const xxgk_issues* issues);

/*
 * Members of finding `index` (0-based, < xxgk_issues_count). Each string accessor returns
 * [borrowed: issues] NUL-terminated UTF-8 ("" when the member is empty) and stores its length in
 * *out_len (may be NULL); it returns NULL (and *out_len = 0) for a NULL handle or an index past
 * the end. Never parse a message: the other members say everything. Since 0.1.
 */
XXGK_API const char* xxgk_issues_code(const xxgk_issues* issues, size_t index,
                                      size_t* out_len);                     /* "XXGK-T3-004", stable, never reused */
XXGK_API int xxgk_issues_severity(const xxgk_issues* issues, size_t index); /* XXGK_SEVERITY_*; -1 when out of range */
XXGK_API const char* xxgk_issues_rule(const xxgk_issues* issues, size_t index,
                                      size_t* out_len); /* "R2", or the family ("header") */
XXGK_API const char* xxgk_issues_key(const xxgk_issues* issues, size_t index,
                                     size_t* out_len); /* cell key; "" when not about one cell */
XXGK_API const char* xxgk_issues_pointer(const xxgk_issues* issues, size_t index,
                                         size_t* out_len); /* JSON Pointer of that cell or field */
XXGK_API const char* xxgk_issues_expected(const xxgk_issues* issues, size_t index,
                                          size_t* out_len); /* value the rule expects; "" when none */
XXGK_API const char* xxgk_issues_actual(const xxgk_issues* issues, size_t index,
                                        size_t* out_len); /* value printed ("blank" for a blank cell) */
/* The message in XXGK_LANG_ZH or XXGK_LANG_EN; NULL for another language. */
XXGK_API const char* xxgk_issues_message(const xxgk_issues* issues, size_t index, int lang, size_t* out_len);
/* "<code> <key>" of the root finding this one follows from (it is then of severity info); "". */
XXGK_API const char* xxgk_issues_caused_by(const xxgk_issues* issues, size_t index, size_t* out_len);
/* The cell keys taking part in the check: count, then each (NULL when either index is past the end). */
XXGK_API size_t xxgk_issues_cell_count(const xxgk_issues* issues, size_t index);
XXGK_API const char* xxgk_issues_cell_at(const xxgk_issues* issues, size_t index, size_t cell, size_t* out_len);

/*
 * Every finding as a JSON array of objects with members code, severity, rule, key, pointer,
 * expected, actual, cells, message_zh, message_en, caused_by; deterministic.
 * *out: [owned: xxgk_free]. Since 0.1.
 */
XXGK_API xxgk_status xxgk_issues_to_json(const xxgk_issues* issues, char** out, size_t* out_len, xxgk_error** err);

/* ============================================================================================
 * Rule catalog — every code validation can produce
 * ========================================================================================== */

/* One catalog entry. Every string is [static] and NUL-terminated. Since 0.1 (version 1). */
typedef struct xxgk_rule_info {
    unsigned int version;    /* in: XXGK_RULE_INFO_VERSION (set by XXGK_RULE_INFO_INIT) */
    const char* code;        /* "XXGK-T3-004" */
    const char* rule;        /* "R2", or the family ("header") */
    int severity;            /* default XXGK_SEVERITY_* */
    const char* title_zh;    /* short meaning in Chinese */
    const char* title_en;    /* short meaning in English */
    const char* template_zh; /* message template; placeholders {cell} {expected} {actual} … */
    const char* template_en;
} xxgk_rule_info;

#define XXGK_RULE_INFO_VERSION 1
#define XXGK_RULE_INFO_INIT                                                                                            \
    { XXGK_RULE_INFO_VERSION, NULL, NULL, 0, NULL, NULL, NULL, NULL }

/* Number of entries in the catalog. Since 0.1. */
XXGK_API size_t xxgk_rule_count(void);

/* Fills *out with entry `index`, in code order. Errors: XXGK_E_NOT_FOUND (index past the end),
 * XXGK_E_INVALID_ARGUMENT. Since 0.1. */
XXGK_API xxgk_status xxgk_rule_at(size_t index, xxgk_rule_info* out, xxgk_error** err);

/* Fills *out with the entry of `code` ("XXGK-T3-004"). Errors: XXGK_E_NOT_FOUND,
 * XXGK_E_INVALID_ARGUMENT, XXGK_E_INVALID_UTF8. Since 0.1. */
XXGK_API xxgk_status xxgk_rule_find(const char* code, size_t code_len, xxgk_rule_info* out, xxgk_error** err);

/* ============================================================================================
 * Rendering and the JSON Schema (docs/render.md)
 * ========================================================================================== */

/* What xxgk_report_render writes (its `what`). Since 0.1. */
#define XXGK_RENDER_HTML 0          /* a standalone HTML page: doctype, <head>, stylesheet */
#define XXGK_RENDER_HTML_FRAGMENT 1 /* one <article class="xxgk-report"> element to embed in a page */
#define XXGK_RENDER_MARKDOWN 2      /* CommonMark with GFM pipe tables */
#define XXGK_RENDER_CSV_LONG 3      /* every cell, one line each (as xxgk_report_to_cells_csv) */

/* Options of xxgk_report_render. Zeroed members mean the default. Since 0.1 (version 1). */
typedef struct xxgk_render_options {
    unsigned int version;        /* XXGK_RENDER_OPTIONS_VERSION */
    int lang;                    /* XXGK_LANG_ZH (0, default) or XXGK_LANG_EN: the language of the
                                    highlighted findings' messages and of the renderer's own notes */
    const xxgk_issues* findings; /* HTML: findings to highlight (usually from xxgk_report_validate);
                                    read during the call only; NULL (default): none */
} xxgk_render_options;

#define XXGK_RENDER_OPTIONS_VERSION 1
#define XXGK_RENDER_OPTIONS_INIT                                                                                       \
    { XXGK_RENDER_OPTIONS_VERSION, 0, NULL }

/*
 * Renders the report for people. HTML reproduces the tables of sections 二, 三 and 四 in the
 * layout of the national template of the report's format (header texts, merged cells, row
 * order); every value cell has the class "xxgk-value", a state class and data-key="<cell key>";
 * a cell named by a highlighted finding also gets "xxgk-finding" and a title with the messages.
 * All report text is escaped; no URL becomes a link. `options` may be NULL (defaults).
 * *out: [owned: xxgk_free], UTF-8, NUL-terminated. Errors: XXGK_E_INVALID_ARGUMENT (NULL report
 * or out, unknown `what` or language, unknown options->version). Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_render(const xxgk_report* report, int what, const xxgk_render_options* options,
                                        char** out, size_t* out_len, xxgk_error** err);

/* How many official tables xxgk_report_csv_table writes for `format`: one per block of section 二
 * (5 in 2019, 4 in 2021), one for 三, one for 四; 0 for an unsupported format. Since 0.1. */
XXGK_API size_t xxgk_csv_table_count(int format);

/*
 * Official table `index` (0-based, table order) as CSV with the official labels as header:
 * *name receives its name ("proactive.article_20_1", "requests", "review_litigation"), *csv the
 * CSV text (RFC 4180, "\n" line ends). `name` may be NULL when not wanted.
 * *name, *csv: [owned: xxgk_free]. Errors: XXGK_E_NOT_FOUND (index >= xxgk_csv_table_count of the
 * report's format), XXGK_E_INVALID_ARGUMENT. Since 0.1.
 */
XXGK_API xxgk_status xxgk_report_csv_table(const xxgk_report* report, size_t index, char** name, size_t* name_len,
                                           char** csv, size_t* csv_len, xxgk_error** err);

/*
 * The JSON Schema (draft 2020-12) of canonical JSON reports of `format`, generated from the
 * model: one property per member and per cell key, the official labels as titles,
 * additionalProperties false everywhere.
 * *out: [owned: xxgk_free]. Errors: XXGK_E_INVALID_ARGUMENT (unsupported format, NULL out). Since 0.1.
 */
XXGK_API xxgk_status xxgk_json_schema(int format, char** out, size_t* out_len, xxgk_error** err);

/* ============================================================================================
 * Portal files (docs/portal.md): departments, 责任清单, 权力清单, the 标准目录 of 26 domains,
 * published items with their metadata (政策及解读). A portal file is canonical JSON whose
 * top-level "kind" is "portal".
 * ========================================================================================== */

/* The material of one portal. Opaque; a plain value (read it from several threads at once,
 * write it from one). Since 0.2. */
typedef struct xxgk_portal xxgk_portal;

/* 1 when `json` (json_len bytes) is a JSON object whose "kind" member is "portal", else 0 (also
 * for NULL and for text malformed before that member). Tells portal files from reports. Decides
 * from the first members without building anything: stops at the first top-level "kind" (what
 * follows is not looked at; decoding reports its problems). json_len above the default input limit
 * (64 MiB) gives 0 before a byte is read. Since 0.2. */
XXGK_API int xxgk_is_portal_json(const char* json, size_t json_len);

/*
 * Decodes a portal file (the same limits, strictness and problem reporting as
 * xxgk_report_from_json: every problem with its JSON Pointer in the error object).
 * *out: [owned: xxgk_portal_free]. Errors: the decoding statuses, XXGK_E_INVALID_UTF8,
 * XXGK_E_LIMIT_EXCEEDED, XXGK_E_INVALID_ARGUMENT. Since 0.2.
 */
XXGK_API xxgk_status xxgk_portal_from_json(xxgk_portal** out, const char* json, size_t json_len,
                                           const xxgk_load_options* options, xxgk_error** err);

/* Reads a file and decodes it as xxgk_portal_from_json. *out: [owned: xxgk_portal_free].
 * Errors: as xxgk_portal_from_json, and XXGK_E_IO. Since 0.2. */
XXGK_API xxgk_status xxgk_portal_from_file(xxgk_portal** out, const char* path, const xxgk_load_options* options,
                                           xxgk_error** err);

/* Releases a portal. NULL is a no-op. Since 0.2. */
XXGK_API void xxgk_portal_free(xxgk_portal* portal);

/* Canonical JSON of the portal ("kind" first, deterministic, lossless).
 * *out: [owned: xxgk_free], NUL-terminated. Errors: XXGK_E_INVALID_ARGUMENT. Since 0.2. */
XXGK_API xxgk_status xxgk_portal_to_json(const xxgk_portal* portal, char** out, size_t* out_len, xxgk_error** err);

/*
 * The value at JSON Pointer `pointer` (pointer_len bytes; "" = the whole portal) of the portal's
 * canonical JSON, as JSON: "/catalogs/0/sections/3/domain" → "\"employment\"". Members left out
 * of the canonical JSON (absent optionals, empty lists) are not found.
 * *out: [owned: xxgk_free]. Errors: XXGK_E_NOT_FOUND, XXGK_E_INVALID_ARGUMENT (not a pointer).
 * Since 0.2.
 */
XXGK_API xxgk_status xxgk_portal_get_json(const xxgk_portal* portal, const char* pointer, size_t pointer_len,
                                          char** out, size_t* out_len, xxgk_error** err);

/*
 * Checks the portal against the XXGK-P rules (docs/rules.md § Portal files): domain coverage of
 * catalogs, duplicates, 索引号, dates, required columns, labels, links. The findings are read
 * with the xxgk_issues_* functions; a finding is never an error of the call.
 * *out: [owned: xxgk_issues_free]. Errors: XXGK_E_INVALID_ARGUMENT. Since 0.2.
 */
XXGK_API xxgk_status xxgk_portal_validate(const xxgk_portal* portal, const xxgk_validate_options* options,
                                          xxgk_issues** out, xxgk_error** err);

/*
 * The portal as HTML: `what` is XXGK_RENDER_HTML (a page) or XXGK_RENDER_HTML_FRAGMENT (one
 * <article>); one table per kind of row, every text escaped; options->findings (from
 * xxgk_portal_validate) are listed at the end. *out: [owned: xxgk_free].
 * Errors: XXGK_E_INVALID_ARGUMENT (other `what`, unknown language or options version). Since 0.2.
 */
XXGK_API xxgk_status xxgk_portal_render(const xxgk_portal* portal, int what, const xxgk_render_options* options,
                                        char** out, size_t* out_len, xxgk_error** err);

/* How many CSV tables xxgk_portal_csv_table writes for this portal (one per kind of row that has
 * rows); 0 for NULL. Since 0.2. */
XXGK_API size_t xxgk_portal_csv_table_count(const xxgk_portal* portal);

/*
 * CSV table `index` of the portal: *name ("departments", "catalog_entries", …) and *csv (header
 * of member names, RFC 4180, formula-like fields neutralised). `name` may be NULL.
 * *name, *csv: [owned: xxgk_free]. Errors: XXGK_E_NOT_FOUND, XXGK_E_INVALID_ARGUMENT. Since 0.2.
 */
XXGK_API xxgk_status xxgk_portal_csv_table(const xxgk_portal* portal, size_t index, char** name, size_t* name_len,
                                           char** csv, size_t* csv_len, xxgk_error** err);

/* The JSON Schema (draft 2020-12) of portal files, generated from the model.
 * *out: [owned: xxgk_free]. Errors: XXGK_E_INVALID_ARGUMENT (NULL out). Since 0.2. */
XXGK_API xxgk_status xxgk_portal_json_schema(char** out, size_t* out_len, xxgk_error** err);

/* ============================================================================================
 * Many reports — 汇总 aggregation, cross-year series, narrative figures (docs/multi.md)
 * ========================================================================================== */

/* Where each cell of an aggregated report came from. Opaque, immutable. Since 0.2. */
typedef struct xxgk_sources xxgk_sources;

/* Which list of xxgk_sources a part belongs to, for one cell. Since 0.2. */
#define XXGK_SOURCE_SUMMED 0  /* the part's cell held a number (explicit 0 included): it is in the sum */
#define XXGK_SOURCE_BLANK 1   /* the part's cell was blank or not applicable: not added */
#define XXGK_SOURCE_UNKNOWN 2 /* unreadable, not captured, money without a unit, overflow: the sum is a lower bound */

/*
 * Builds the 汇总 (compiled) report of `parts[0..count)`: every cell summed, blanks kept blank
 * when no part holds a number, money summed exactly (元 and 万元 mixed: in 万元). The new report's
 * header holds only the year; set the rest with xxgk_field_set or xxgk_report_set_json ("/header").
 * Narrative sections are not summed.
 * *out: [owned: xxgk_report_free]. *sources (may be NULL when not wanted): [owned: xxgk_sources_free],
 * one entry per cell in the order of xxgk_key_at. Errors: XXGK_E_INVALID_ARGUMENT (NULL out, NULL
 * parts with count > 0, a NULL handle in parts), XXGK_E_WRONG_FORMAT (formats differ),
 * XXGK_E_INVALID_VALUE (years differ, count 0); the error's location is "/<index>" of the
 * offending part. Since 0.2.
 */
XXGK_API xxgk_status xxgk_aggregate(const xxgk_report* const* parts, size_t count, xxgk_report** out,
                                    xxgk_sources** sources, xxgk_error** err);

/* Releases the provenance. NULL is a no-op. Since 0.2. */
XXGK_API void xxgk_sources_free(xxgk_sources* sources);

/* Number of cells described (the key count of the format); 0 for NULL. Since 0.2. */
XXGK_API size_t xxgk_sources_count(const xxgk_sources* sources);

/* The key of cell `cell` [borrowed: sources], NULL past the end. Since 0.2. */
XXGK_API const char* xxgk_sources_key(const xxgk_sources* sources, size_t cell, size_t* out_len);

/* How many parts are in list `which` (XXGK_SOURCE_*) for cell `cell`; 0 past the end. Since 0.2. */
XXGK_API size_t xxgk_sources_part_count(const xxgk_sources* sources, size_t cell, int which);

/* The index (into the parts passed to xxgk_aggregate) of entry `i` of list `which` for cell
 * `cell`; (size_t)-1 when any index is past the end. Since 0.2. */
XXGK_API size_t xxgk_sources_part_at(const xxgk_sources* sources, size_t cell, int which, size_t i);

/*
 * The reverse 汇总 check: a finding (XXGK-A-001…003) for every cell where `published` differs from
 * the sum of `parts[0..count)`. *out: [owned: xxgk_issues_free]. Errors as xxgk_aggregate (the
 * published report must have the parts' format and year). Since 0.2.
 */
XXGK_API xxgk_status xxgk_check_aggregate(const xxgk_report* published, const xxgk_report* const* parts, size_t count,
                                          xxgk_issues** out, xxgk_error** err);

/*
 * The cross-year rules R8, R9, R10 over the reports of one body and scope, any order
 * (XXGK-Y-001…005); cells are named "<key>@<year>". *out: [owned: xxgk_issues_free].
 * Errors: XXGK_E_INVALID_ARGUMENT (NULL reports or out), XXGK_E_INVALID_VALUE (count 0, bodies or
 * scopes differ, a year twice; location "/<index>"). Since 0.2.
 */
XXGK_API xxgk_status xxgk_validate_series(const xxgk_report* const* reports, size_t count, xxgk_issues** out,
                                          xxgk_error** err);

/*
 * The figures stated in the prose of sections 一 and 五 against the tables (XXGK-N-006, warnings).
 * *out: [owned: xxgk_issues_free]. Errors: XXGK_E_INVALID_ARGUMENT. Since 0.2.
 */
XXGK_API xxgk_status xxgk_check_narrative(const xxgk_report* report, xxgk_issues** out, xxgk_error** err);

/* ============================================================================================
 * Import — published reports (text, HTML pages, PDF and Word files) into reports (docs/import.md)
 * ========================================================================================== */

/* The kinds of source (xxgk_import_options.kind). Since 0.3. */
/* clang-format off */
#define XXGK_SOURCE_DETECT 0 /* decide from the bytes: %PDF- → PDF, a zip with word/document.xml →
                                Word, markup → HTML, PNG/JPEG/TIFF → image, anything else → text */
#define XXGK_SOURCE_TEXT 1   /* plain text (UTF-8, UTF-16 with a byte order mark, GB18030/GBK) */
#define XXGK_SOURCE_HTML 2   /* an HTML page (its <meta charset> is honoured) */
#define XXGK_SOURCE_PDF 3    /* a PDF (pages without a text layer are read by OCR) */
#define XXGK_SOURCE_DOCX 4   /* a Word document (.docx) */
#define XXGK_SOURCE_IMAGE 5  /* a scanned page: PNG, JPEG or TIFF, read by OCR (xxgk_ocr_available). Since 0.4. */
/* clang-format on */

/* How xxgk_import_bytes / _file read a source. Zeroed members mean the default. Since 0.3
 * (version 1). */
typedef struct xxgk_import_options {
    unsigned int version;   /* XXGK_IMPORT_OPTIONS_VERSION */
    int kind;               /* XXGK_SOURCE_*; 0: detected from the bytes */
    int format;             /* 0: detected from the table labels; XXGK_FORMAT_2019/2021: forced */
    int year;               /* 0: read from the report; otherwise forced */
    size_t max_input_bytes; /* larger input is XXGK_E_LIMIT_EXCEEDED before it is read; 0 = 16 MiB */
    /* Version 2 (since 0.4): */
    int no_ocr; /* nonzero: scanned pages are not read by OCR (a scanned PDF is
                               XXGK_E_NO_TEXT_LAYER, an image XXGK_E_UNSUPPORTED_KIND) */
} xxgk_import_options;

#define XXGK_IMPORT_OPTIONS_VERSION 2
#define XXGK_IMPORT_OPTIONS_INIT                                                                                       \
    { XXGK_IMPORT_OPTIONS_VERSION, 0, 0, 0, 0, 0 }

/* 1 when the library was built with OCR (scanned PDFs and images are imported), else 0. Since 0.4. */
XXGK_API int xxgk_ocr_available(void);

/*
 * Imports a report from the bytes of a published file. The bytes need not be UTF-8 (PDF, Word,
 * GBK text are read as what they are). Whatever could not be read with certainty is in the log:
 * a JSON array of {"level", "code", "message", "key", "where", "candidates"} (docs/import.md);
 * cells not located are in state XXGK_CELL_NOT_CAPTURED, and a cell is XXGK_CELL_BLANK only when
 * the source shows it empty.
 * *out: [owned: xxgk_report_free]. *log_json (may be NULL: no log wanted): [owned: xxgk_free],
 * NUL-terminated; *log_json_len (may be NULL): its length.
 * Errors: XXGK_E_INVALID_ARGUMENT (NULL out or bytes with a length, unknown kind or format,
 * unknown options version), XXGK_E_LIMIT_EXCEEDED, XXGK_E_INVALID_VALUE (not a report at all;
 * damaged PDF or Word file), XXGK_E_NO_TEXT_LAYER (a scanned PDF with OCR off or not built),
 * XXGK_E_ENCRYPTED, XXGK_E_UNSUPPORTED_KIND (legacy .doc/.wps, other zip files, images with OCR
 * off; the message names the conversion), XXGK_E_UNAVAILABLE (HTML, PDF, Word or images in a
 * build without that reader, such as the WebAssembly build: docs/web.md). Since 0.3.
 */
XXGK_API xxgk_status xxgk_import_bytes(xxgk_report** out, char** log_json, size_t* log_json_len, const char* bytes,
                                       size_t bytes_len, const xxgk_import_options* options, xxgk_error** err);

/*
 * Reads the file at `path` (NUL-terminated, handed to the operating system unchanged; only
 * regular files, at most max_input_bytes) and imports it as xxgk_import_bytes does.
 * Errors: as xxgk_import_bytes, plus XXGK_E_IO (missing file, a directory, a device or FIFO).
 * Since 0.3.
 */
XXGK_API xxgk_status xxgk_import_file(xxgk_report** out, char** log_json, size_t* log_json_len, const char* path,
                                      const xxgk_import_options* options, xxgk_error** err);

/*
 * The stylesheet of the standalone page: serve it beside fragments rendered with
 * XXGK_RENDER_HTML_FRAGMENT so that they look like the national form (`xxgk render --css`;
 * every class in docs/render.md). *out: [static] NUL-terminated UTF-8, never freed; *out_len (may
 * be NULL): its length. Errors: XXGK_E_INVALID_ARGUMENT (NULL out). Since 0.3.
 */
XXGK_API xxgk_status xxgk_render_css(const char** out, size_t* out_len);

#ifdef __cplusplus
}
#endif

#endif /* XXGK_H */
