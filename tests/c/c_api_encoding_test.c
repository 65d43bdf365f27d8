/*
 * c_api_encoding_test — encodings through the C ABI (issue 16, item 11; docs/json-format.md):
 * JSON with a UTF-8 byte order mark loads; JSON in UTF-16, UTF-32 or GB18030/GBK is refused with
 * an error naming the encoding; the importer reads GBK text, UTF-16 text with a byte order mark,
 * a GBK page without <meta charset> and a UTF-16 page like their UTF-8 originals.
 *
 *   xxgk_c_api_encoding_test SOURCE_DIR
 */
#include "check.h"

static const char* root;

static char* read_fixture(const char* dir, const char* name, size_t* len) {
    static char path[2048];
    if (strlen(root) + strlen(dir) + 2 > sizeof path) exit(2);
    strcpy(path, root);
    strcat(path, "/");
    strcat(path, dir);
    return check_read_file(path, name, len);
}

/* Loading `name` (tests/data/encoding) fails with `status` and a message containing `words`. */
static void expect_refused(const char* name, xxgk_status status, const char* words) {
    size_t len = 0;
    char* json = read_fixture("tests/data/encoding", name, &len);
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    const char* m;
    CHECK_STATUS(xxgk_report_from_json(&r, json, len, NULL, &err), status, err);
    m = xxgk_error_message(err, NULL);
    ++checks;
    if (!m || !strstr(m, words) || !strstr(m, "not UTF-8 as JSON must be")) {
        fprintf(stderr, "%s: message \"%s\" does not name \"%s\"\n", name, m ? m : "(null)", words);
        ++failures;
    }
    xxgk_error_free(err);
    xxgk_report_free(r);
    free(json);
}

/* The cells CSV of importing `bytes`. */
static char* import_cells(const char* bytes, size_t len) {
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    char* csv = NULL;
    CHECK_OK(xxgk_import_bytes(&r, NULL, NULL, bytes, len, NULL, &err), err);
    xxgk_error_free(err);
    if (r) CHECK_OK(xxgk_report_to_cells_csv(r, &csv, NULL, NULL), NULL);
    xxgk_report_free(r);
    return csv;
}

static void expect_same_import(const char* name, const char* original) {
    size_t len = 0, olen = 0;
    char* bytes = read_fixture("tests/data/encoding", name, &len);
    char* orig = read_fixture("tests/data/import", original, &olen);
    char *a = import_cells(bytes, len), *b = import_cells(orig, olen);
    ++checks;
    if (!a || !b || strcmp(a, b) != 0) {
        fprintf(stderr, "%s: cells differ from those of %s\n", name, original);
        ++failures;
    }
    xxgk_free(a);
    xxgk_free(b);
    free(bytes);
    free(orig);
}

int main(int argc, char** argv) {
    size_t len = 0, plain_len = 0;
    char *json, *plain;
    xxgk_report *r = NULL, *p = NULL;
    xxgk_portal* portal = NULL;
    xxgk_error* err = NULL;
    if (argc < 2) {
        fprintf(stderr, "usage: xxgk_c_api_encoding_test SOURCE_DIR\n");
        return 2;
    }
    root = argv[1];

    /* A UTF-8 byte order mark is ignored; offsets count its bytes. */
    json = read_fixture("tests/data/encoding", "report-utf8-bom.json", &len);
    plain = read_fixture("examples/data", "sample-2021.json", &plain_len);
    CHECK_OK(xxgk_report_from_json(&r, json, len, NULL, &err), err);
    CHECK_OK(xxgk_report_from_json(&p, plain, plain_len, NULL, &err), err);
    CHECK(xxgk_report_equal(r, p) == 1);
    xxgk_report_free(r), xxgk_report_free(p), r = p = NULL;
    free(json), free(plain);
    CHECK_STATUS(xxgk_report_from_json(&r, S("\xEF\xBB\xBF{,"), NULL, &err), XXGK_E_INVALID_JSON, err);
    CHECK(xxgk_error_offset(err) == 4 && xxgk_error_line(err) == 1 && xxgk_error_column(err) == 2);
    xxgk_error_free(err);
    json = read_fixture("tests/data/encoding", "portal-utf8-bom.json", &len);
    CHECK(xxgk_is_portal_json(json, len) == 1);
    CHECK_OK(xxgk_portal_from_json(&portal, json, len, NULL, &err), err);
    xxgk_portal_free(portal);
    free(json);

    /* Other encodings: named. Invalid UTF-8 is caught by the C ABI's check first (its status),
     * ASCII with zero bytes by the decoder (not JSON). */
    expect_refused("report-utf16le-bom.json", XXGK_E_INVALID_UTF8,
                   "UTF-16LE (it starts with the byte order mark FF FE)");
    expect_refused("report-utf16be-bom.json", XXGK_E_INVALID_UTF8,
                   "UTF-16BE (it starts with the byte order mark FE FF)");
    expect_refused("report-utf16le.json", XXGK_E_INVALID_UTF8, "UTF-16LE without a byte order mark");
    expect_refused("report-utf16be.json", XXGK_E_INVALID_UTF8, "UTF-16BE without a byte order mark");
    expect_refused("report-utf32le-bom.json", XXGK_E_INVALID_UTF8,
                   "UTF-32LE (it starts with the byte order mark FF FE 00 00)");
    expect_refused("report-utf32be.json", XXGK_E_INVALID_UTF8, "UTF-32BE without a byte order mark");
    expect_refused("report-gbk.json", XXGK_E_INVALID_UTF8, "GB18030 (GBK)");
    CHECK_STATUS(xxgk_report_from_json(&r, "{\0}\0", 4, NULL, &err), XXGK_E_INVALID_JSON, err);
    CHECK(strstr(xxgk_error_message(err, NULL), "UTF-16LE without a byte order mark") != NULL);
    CHECK(xxgk_error_offset(err) == 0);
    xxgk_error_free(err);

    /* The importer reads them all. */
    expect_same_import("cangnan-2020-gbk.txt", "cangnan-2020-annual-report.txt");
    expect_same_import("cangnan-2020-utf16be-bom.txt", "cangnan-2020-annual-report.txt");
    expect_same_import("sample-2021-gbk-no-meta.html", "sample-2021.html");
    expect_same_import("sample-2021-utf16-bom.html", "sample-2021.html");

    /* Messages: a NUL quoted from the input is written \u0000, so the C string is the whole
     * message (issue 16, item 13). */
    {
        xxgk_report* two[2] = {NULL, NULL};
        xxgk_issues* issues = NULL;
        const char* m;
        size_t mlen = 0;
        json = read_fixture("examples/data", "sample-2021.json", &len);
        CHECK_OK(xxgk_report_from_json(&two[0], json, len, NULL, &err), err);
        free(json);
        CHECK_OK(xxgk_field_set(two[0], S("header.body"), "a\0b", 3, &err), err);
        CHECK_OK(xxgk_report_clone(two[0], &two[1], &err), err);
        CHECK_STATUS(xxgk_validate_series((const xxgk_report* const*)two, 2, &issues, &err), XXGK_E_INVALID_VALUE, err);
        m = xxgk_error_message(err, &mlen);
        CHECK(m != NULL && strlen(m) == mlen);
        CHECK_STR(m, "report 1 (a\\u0000b, 2022) has the same year as report 0 (a\\u0000b, 2022)");
        xxgk_error_free(err);
        xxgk_report_free(two[0]);
        xxgk_report_free(two[1]);
    }

    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
