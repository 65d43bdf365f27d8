/*
 * c_import_test — the importer through the C ABI (include/xxgk/xxgk.h, "Import"; docs/import.md):
 * xxgk_import_bytes and xxgk_import_file on text in UTF-8 and GB18030, the import log as JSON,
 * the options, and the error paths (devices, legacy Word files, limits, bad arguments).
 *
 *   xxgk_c_import_test IMPORT_DATA_DIR     (IMPORT_DATA_DIR = tests/data/import)
 */
#include <xxgk/xxgk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h" /* CHECK, CHECK_STR, CHECK_STATUS, CHECK_OK, S */

static const char* data_dir = ".";

static long long cell_integer(const xxgk_report* r, const char* key) {
    xxgk_cell c = XXGK_CELL_INIT;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_cell_get(r, key, strlen(key), &c, &err), err);
    xxgk_error_free(err);
    return c.state == XXGK_CELL_NUMBER ? (long long)c.coefficient : -1;
}

static int cell_state(const xxgk_report* r, const char* key) {
    xxgk_cell c = XXGK_CELL_INIT;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_cell_get(r, key, strlen(key), &c, &err), err);
    xxgk_error_free(err);
    return c.state;
}

static void test_bytes(void) {
    size_t len = 0, log_len = 0;
    char* text = check_read_file(data_dir, "cangnan-2020-annual-report.txt", &len);
    char* gb = NULL;
    size_t gb_len = 0;
    xxgk_report *r = NULL, *g = NULL;
    char* log = NULL;
    xxgk_error* err = NULL;
    xxgk_import_options options = XXGK_IMPORT_OPTIONS_INIT;

    CHECK_OK(xxgk_import_bytes(&r, &log, &log_len, text, len, NULL, &err), err);
    CHECK(r != NULL);
    CHECK(xxgk_report_format(r) == XXGK_FORMAT_2019);
    CHECK(cell_integer(r, "requests.total.total") == 228);
    /* The seed's real defect: a blank 总计 that its row adds up to 2 (the page prints it empty). */
    CHECK(cell_state(r, "requests.withheld_prohibited_by_law.total") == XXGK_CELL_BLANK);
    CHECK(log != NULL && log_len == strlen(log));
    CHECK(log != NULL && log[0] == '[');
    CHECK(log != NULL && strstr(log, "\"XXGK-I-090\"") != NULL);
    CHECK(log != NULL && strstr(log, "\"XXGK-I-050\"") != NULL);
    xxgk_free(log);
    log = NULL;

    /* The same report in GB18030: detected from the bytes, the same cells. No log wanted. */
    gb = check_read_file(data_dir, "cangnan-2020-gb18030.txt", &gb_len);
    CHECK_OK(xxgk_import_bytes(&g, NULL, NULL, gb, gb_len, NULL, &err), err);
    CHECK(cell_integer(g, "requests.total.total") == 228);
    CHECK(cell_integer(g, "requests.granted.natural_person") == cell_integer(r, "requests.granted.natural_person"));
    xxgk_report_free(g);
    g = NULL;

    /* Options: a forced kind and format are logged as forced. */
    options.kind = XXGK_SOURCE_TEXT;
    options.format = XXGK_FORMAT_2019;
    CHECK_OK(xxgk_import_bytes(&g, &log, NULL, text, len, &options, &err), err);
    CHECK(log != NULL && strstr(log, "forced by the caller") != NULL);
    CHECK(log != NULL && strstr(log, "\"XXGK-I-005\"") != NULL);
    xxgk_free(log);
    log = NULL;
    xxgk_report_free(g);
    g = NULL;

    /* Errors: each with its status, nothing allocated. */
    options.max_input_bytes = 100;
    CHECK_STATUS(xxgk_import_bytes(&g, &log, &log_len, text, len, &options, &err), XXGK_E_LIMIT_EXCEEDED, err);
    CHECK(g == NULL && log == NULL && log_len == 0);
    xxgk_error_free(err);
    err = NULL;
    options.max_input_bytes = 0;
    options.kind = 99;
    CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, text, len, &options, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    err = NULL;
    options.kind = XXGK_SOURCE_DETECT;
    options.version = 0;
    CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, text, len, &options, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(err != NULL && strstr(xxgk_error_message(err, NULL), "XXGK_IMPORT_OPTIONS_INIT") != NULL);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_bytes(NULL, NULL, NULL, text, len, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, NULL, 5, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, S("minutes of a meeting"), NULL, &err), XXGK_E_INVALID_VALUE, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, S("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 legacy"), NULL, &err),
                 XXGK_E_UNSUPPORTED_KIND, err);
    CHECK(err != NULL && strstr(xxgk_error_message(err, NULL), "soffice") != NULL);
    CHECK_STR(xxgk_status_name(xxgk_error_status(err)), "unsupported_kind");
    xxgk_error_free(err);
    err = NULL;
    CHECK_STR(xxgk_status_name(XXGK_E_NO_TEXT_LAYER), "no_text_layer");
    CHECK_STR(xxgk_status_name(XXGK_E_ENCRYPTED), "encrypted");

    /* Scanned pages: an image is read by OCR when built with it (this one is damaged: not a
     * readable image), refused with no_ocr, a feature left out without OCR. A version-1 options
     * struct (no no_ocr member) is still accepted, OCR on. */
    {
        static const char png[] = "\x89PNG\r\n\x1A\n damaged";
        xxgk_import_options o = XXGK_IMPORT_OPTIONS_INIT;
        const int ocr = xxgk_ocr_available();
        CHECK(ocr == 0 || ocr == 1);
        CHECK(XXGK_IMPORT_OPTIONS_VERSION == 2);
        o.kind = XXGK_SOURCE_IMAGE;
        CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, png, sizeof png - 1, &o, &err),
                     ocr ? XXGK_E_INVALID_VALUE : XXGK_E_UNAVAILABLE, err);
        xxgk_error_free(err);
        err = NULL;
        o.kind = XXGK_SOURCE_DETECT; /* detected from the bytes: an image, whatever the build */
        o.no_ocr = 1;
        CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, png, sizeof png - 1, &o, &err),
                     ocr ? XXGK_E_UNSUPPORTED_KIND : XXGK_E_UNAVAILABLE, err);
        CHECK(err != NULL && strstr(xxgk_error_message(err, NULL), ocr ? "OCR is off" : "XXGK_WITH_OCR") != NULL);
        xxgk_error_free(err);
        err = NULL;
        o.version = 1; /* a version-1 caller: no_ocr not read */
        CHECK_STATUS(xxgk_import_bytes(&g, NULL, NULL, png, sizeof png - 1, &o, &err),
                     ocr ? XXGK_E_INVALID_VALUE : XXGK_E_UNAVAILABLE, err);
        xxgk_error_free(err);
        err = NULL;
        CHECK(g == NULL);
    }

    xxgk_report_free(r);
    free(text);
    free(gb);
}

static void test_file(void) {
    char path[4096];
    xxgk_report* r = NULL;
    char* log = NULL;
    xxgk_error* err = NULL;
    snprintf(path, sizeof path, "%s/%s", data_dir, "cangnan-2020-utf16le.txt");
    CHECK_OK(xxgk_import_file(&r, &log, NULL, path, NULL, &err), err);
    CHECK(cell_integer(r, "requests.total.total") == 228);
    CHECK(log != NULL && strstr(log, "UTF-16LE") != NULL);
    xxgk_free(log);
    xxgk_report_free(r);
    r = NULL;
    CHECK_STATUS(xxgk_import_file(&r, NULL, NULL, "/dev/zero", NULL, &err), XXGK_E_IO, err);
    CHECK(err != NULL && strstr(xxgk_error_message(err, NULL), "device") != NULL);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_file(&r, NULL, NULL, data_dir, NULL, &err), XXGK_E_IO, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_import_file(&r, NULL, NULL, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    CHECK(r == NULL);
}

int main(int argc, char** argv) {
    if (argc > 1) data_dir = argv[1];
    test_bytes();
    test_file();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
