/*
 * c_api_test — every function of the C ABI (include/xxgk/xxgk.h), from plain C, with every
 * error path: NULL arguments, invalid UTF-8, huge lengths, wrong keys, wrong formats, struct
 * versions, decoding errors with their JSON Pointers.
 *
 *   xxgk_c_api_test DATA_DIR     (DATA_DIR = examples/data)
 */
#include <xxgk/xxgk.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a minimal harness: CHECK, CHECK_STR, CHECK_STATUS, CHECK_OK, S (check.h) -------------- */

#include "check.h"

/* Checks the error of a failed call: status, location (exact, or NULL to skip), and frees it. */
static void expect_error(int line, xxgk_error** err, xxgk_status status, const char* location) {
    ++checks;
    if (*err == NULL) {
        fprintf(stderr, "%s:%d: expected an error object with %s, got none\n", __FILE__, line,
                xxgk_status_name(status));
        ++failures;
        return;
    }
    if (xxgk_error_status(*err) != status) {
        fprintf(stderr, "%s:%d: error status %s, expected %s (%s)\n", __FILE__, line,
                xxgk_status_name(xxgk_error_status(*err)), xxgk_status_name(status), xxgk_error_message(*err, NULL));
        ++failures;
    }
    if (location && strcmp(xxgk_error_location(*err, NULL), location) != 0) {
        fprintf(stderr, "%s:%d: error location \"%s\", expected \"%s\" (%s)\n", __FILE__, line,
                xxgk_error_location(*err, NULL), location, xxgk_error_message(*err, NULL));
        ++failures;
    }
    {
        size_t len = 12345;
        const char* m = xxgk_error_message(*err, &len);
        if (m == NULL || len != strlen(m) || len == 0) {
            fprintf(stderr, "%s:%d: error message missing or length wrong\n", __FILE__, line);
            ++failures;
        }
    }
    xxgk_error_free(*err);
    *err = NULL;
}
#define EXPECT_ERROR(err, status, location) expect_error(__LINE__, &(err), (status), (location))

static const char* data_dir;

static void data_path(char* out, size_t size, const char* name) { snprintf(out, size, "%s/%s", data_dir, name); }

/* A copy of `text` with the first `from` replaced by `to` (the test fails if `from` is absent). */
static char* replaced(const char* text, const char* from, const char* to) {
    const char* at = strstr(text, from);
    size_t n = strlen(text), nf = strlen(from), nt = strlen(to);
    char* out;
    if (!at) {
        fprintf(stderr, "replaced: '%s' not found\n", from);
        exit(2);
    }
    out = malloc(n - nf + nt + 1);
    memcpy(out, text, (size_t)(at - text));
    memcpy(out + (at - text), to, nt);
    strcpy(out + (at - text) + nt, at + nf);
    return out;
}

static xxgk_report* load(const char* name) {
    size_t len;
    char* text = check_read_file(data_dir, name, &len);
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_report_from_json(&r, text, len, NULL, &err), err);
    xxgk_error_free(err);
    free(text);
    if (!r) exit(2);
    return r;
}

/* ---- versions, formats, statuses, memory ------------------------------------------------- */

static void test_versions(void) {
    const int* formats = NULL;
    char expected[32];
    CHECK(xxgk_version_number() == XXGK_VERSION_NUMBER);
    CHECK(XXGK_VERSION_NUMBER == XXGK_VERSION_MAJOR * 10000 + XXGK_VERSION_MINOR * 100 + XXGK_VERSION_PATCH);
    CHECK_STR(xxgk_version_string(), XXGK_VERSION_STRING);
    snprintf(expected, sizeof expected, "%d.%d.%d", XXGK_VERSION_MAJOR, XXGK_VERSION_MINOR, XXGK_VERSION_PATCH);
    CHECK_STR(xxgk_version_string(), expected);

    CHECK(xxgk_formats(&formats) == 2);
    CHECK(formats != NULL && formats[0] == XXGK_FORMAT_2019 && formats[1] == XXGK_FORMAT_2021);
    CHECK(xxgk_formats(NULL) == 2);
    CHECK(xxgk_format_supported(2019) == 1);
    CHECK(xxgk_format_supported(2021) == 1);
    CHECK(xxgk_format_supported(2020) == 0);
    CHECK(xxgk_format_supported(0) == 0);
    CHECK(xxgk_format_supported(-1) == 0);
}

static void test_status_names(void) {
    CHECK_STR(xxgk_status_name(XXGK_OK), "ok");
    CHECK_STR(xxgk_status_name(XXGK_E_INVALID_JSON), "invalid_json");
    CHECK_STR(xxgk_status_name(XXGK_E_WRONG_TYPE), "wrong_type");
    CHECK_STR(xxgk_status_name(XXGK_E_MISSING_MEMBER), "missing_member");
    CHECK_STR(xxgk_status_name(XXGK_E_UNKNOWN_MEMBER), "unknown_member");
    CHECK_STR(xxgk_status_name(XXGK_E_OUT_OF_RANGE), "out_of_range");
    CHECK_STR(xxgk_status_name(XXGK_E_INVALID_VALUE), "invalid_value");
    CHECK_STR(xxgk_status_name(XXGK_E_WRONG_FORMAT), "wrong_format");
    CHECK_STR(xxgk_status_name(XXGK_E_UNKNOWN_KEY), "unknown_key");
    CHECK_STR(xxgk_status_name(XXGK_E_LIMIT_EXCEEDED), "limit_exceeded");
    CHECK_STR(xxgk_status_name(XXGK_E_IO), "io_error");
    CHECK_STR(xxgk_status_name(XXGK_E_DUPLICATE_MEMBER), "duplicate_member");
    CHECK_STR(xxgk_status_name(XXGK_E_INVALID_ARGUMENT), "invalid_argument");
    CHECK_STR(xxgk_status_name(XXGK_E_INVALID_UTF8), "invalid_utf8");
    CHECK_STR(xxgk_status_name(XXGK_E_NOT_FOUND), "not_found");
    CHECK_STR(xxgk_status_name(XXGK_E_NO_MEMORY), "no_memory");
    CHECK_STR(xxgk_status_name(XXGK_E_INTERNAL), "internal");
    CHECK_STR(xxgk_status_name(XXGK_E_UNAVAILABLE), "unavailable");
    CHECK_STR(xxgk_status_name(99), "unknown");
    CHECK_STR(xxgk_status_name(-1), "unknown");
    CHECK_STR(xxgk_status_name(100000), "unknown");
}

static void test_null_tolerance(void) {
    size_t len = 99;
    xxgk_problem p = XXGK_PROBLEM_INIT;
    xxgk_free(NULL);
    xxgk_report_free(NULL);
    xxgk_issues_free(NULL);
    xxgk_error_free(NULL);

    CHECK(xxgk_error_status(NULL) == XXGK_E_INVALID_ARGUMENT);
    CHECK(xxgk_error_message(NULL, &len) == NULL && len == 0);
    len = 99;
    CHECK(xxgk_error_location(NULL, &len) == NULL && len == 0);
    CHECK(xxgk_error_message(NULL, NULL) == NULL);
    CHECK(xxgk_error_offset(NULL) == XXGK_NO_OFFSET);
    CHECK(xxgk_error_line(NULL) == 0);
    CHECK(xxgk_error_column(NULL) == 0);
    CHECK(xxgk_error_count(NULL) == 0);
    CHECK(xxgk_error_problem_at(NULL, 0, &p) == XXGK_E_INVALID_ARGUMENT);

    CHECK(xxgk_report_format(NULL) == 0);
    CHECK(xxgk_report_equal(NULL, NULL) == 0);

    CHECK(xxgk_issues_count(NULL) == 0);
    CHECK(xxgk_issues_error_count(NULL) == 0);
    len = 99;
    CHECK(xxgk_issues_code(NULL, 0, &len) == NULL && len == 0);
    CHECK(xxgk_issues_severity(NULL, 0) == -1);
    CHECK(xxgk_issues_rule(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_key(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_pointer(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_expected(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_actual(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_message(NULL, 0, XXGK_LANG_EN, NULL) == NULL);
    CHECK(xxgk_issues_caused_by(NULL, 0, NULL) == NULL);
    CHECK(xxgk_issues_cell_count(NULL, 0) == 0);
    CHECK(xxgk_issues_cell_at(NULL, 0, 0, NULL) == NULL);
}

/* Every status-returning function with NULL where a pointer is required: INVALID_ARGUMENT, an
 * error object, out-parameters cleared. Also works with err == NULL. */
static void test_null_arguments(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("sample-2021.json");
    xxgk_report* out = (xxgk_report*)&err; /* garbage that must be cleared */
    xxgk_issues* issues = (xxgk_issues*)&err;
    char* buf = (char*)&err;
    size_t len = 77;
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_key_info key = XXGK_KEY_INFO_INIT;
    xxgk_rule_info rule = XXGK_RULE_INFO_INIT;

    CHECK_STATUS(xxgk_report_new(NULL, XXGK_FORMAT_2019, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_new(NULL, XXGK_FORMAT_2019, NULL), XXGK_E_INVALID_ARGUMENT, NULL);

    CHECK_STATUS(xxgk_report_from_json(NULL, S("{}"), NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_from_json(&out, NULL, 0, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(out == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_from_json(&out, NULL, 10, NULL, NULL), XXGK_E_INVALID_ARGUMENT, NULL);

    CHECK_STATUS(xxgk_report_from_file(NULL, "x.json", NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    out = (xxgk_report*)&err;
    CHECK_STATUS(xxgk_report_from_file(&out, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(out == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    CHECK_STATUS(xxgk_report_to_json(NULL, &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(buf == NULL && len == 0);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_to_json(r, NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_to_cells_csv(NULL, &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_to_cells_csv(r, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    out = (xxgk_report*)&err;
    CHECK_STATUS(xxgk_report_clone(NULL, &out, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(out == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_clone(r, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK(xxgk_report_equal(r, NULL) == 0);
    CHECK(xxgk_report_equal(NULL, r) == 0);

    CHECK_STATUS(xxgk_report_get_json(NULL, S("/header"), &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_get_json(r, S("/header"), NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_get_json(r, NULL, 3, &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_set_json(NULL, S("/header/body"), S("\"x\""), &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/body"), NULL, 0, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_set_json(r, NULL, 5, S("\"x\""), &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    CHECK_STATUS(xxgk_cell_get(NULL, S("requests.total.total"), &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_get(r, NULL, 0, &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_get(r, S("requests.total.total"), NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_integer(NULL, S("requests.total.total"), 1, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_integer(r, NULL, 4, 1, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_decimal(NULL, S("proactive.fees.amount"), S("1.5"), XXGK_UNIT_WAN_YUAN, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_decimal(r, S("proactive.fees.amount"), NULL, 0, XXGK_UNIT_WAN_YUAN, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(NULL, S("requests.total.total"), XXGK_CELL_BLANK, NULL, 0, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(r, NULL, 0, XXGK_CELL_BLANK, NULL, 0, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    CHECK_STATUS(xxgk_key_at(XXGK_FORMAT_2019, 0, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_key_find(XXGK_FORMAT_2019, NULL, 0, &key, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_key_find(XXGK_FORMAT_2019, S("requests.total.total"), NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    buf = (char*)&err;
    CHECK_STATUS(xxgk_field_get(NULL, S("header.body"), &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(buf == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_field_get(r, NULL, 0, &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_field_get(r, S("header.body"), NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_field_set(NULL, S("header.body"), S("x"), &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_field_set(r, NULL, 0, S("x"), &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_field_set(r, S("header.body"), NULL, 3, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    CHECK_STATUS(xxgk_report_validate(NULL, NULL, &issues, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(issues == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_validate(r, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_issues_to_json(NULL, &buf, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    CHECK_STATUS(xxgk_rule_at(0, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_rule_find(NULL, 0, &rule, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_rule_find(S("XXGK-T3-004"), NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    xxgk_report_free(r);
}

/* A struct whose version is 0 (not initialised) or newer than the library: INVALID_ARGUMENT. */
static void test_struct_versions(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("sample-2021.json");
    xxgk_report* out = NULL;
    xxgk_issues* issues = NULL;
    size_t len;
    char* text = check_read_file(data_dir, "sample-2021.json", &len);
    xxgk_load_options load = XXGK_LOAD_OPTIONS_INIT;
    xxgk_validate_options validate = XXGK_VALIDATE_OPTIONS_INIT;
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_key_info key = XXGK_KEY_INFO_INIT;
    xxgk_rule_info rule = XXGK_RULE_INFO_INIT;
    xxgk_problem problem = XXGK_PROBLEM_INIT;

    CHECK(load.version == XXGK_LOAD_OPTIONS_VERSION && validate.version == XXGK_VALIDATE_OPTIONS_VERSION);
    load.version = 0;
    CHECK_STATUS(xxgk_report_from_json(&out, text, len, &load, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(out == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    load.version = XXGK_LOAD_OPTIONS_VERSION + 1;
    CHECK_STATUS(xxgk_report_from_json(&out, text, len, &load, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_from_file(&out, "unused.json", &load, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    validate.version = 0;
    CHECK_STATUS(xxgk_report_validate(r, &validate, &issues, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(issues == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    validate.version = 1000;
    CHECK_STATUS(xxgk_report_validate(r, &validate, &issues, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    cell.version = 0;
    CHECK_STATUS(xxgk_cell_get(r, S("requests.total.total"), &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    cell.version = XXGK_CELL_VERSION + 1;
    CHECK_STATUS(xxgk_cell_get(r, S("requests.total.total"), &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    key.version = 0;
    CHECK_STATUS(xxgk_key_at(XXGK_FORMAT_2021, 0, &key, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_key_find(XXGK_FORMAT_2021, S("requests.total.total"), &key, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    rule.version = 2;
    CHECK_STATUS(xxgk_rule_at(0, &rule, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_rule_find(S("XXGK-T3-004"), &rule, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    /* error_problem_at checks its struct too. */
    CHECK_STATUS(xxgk_cell_get(r, S("nope"), &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    problem.version = 0;
    CHECK(xxgk_error_problem_at(err, 0, &problem) == XXGK_E_INVALID_ARGUMENT);
    problem.version = XXGK_PROBLEM_VERSION;
    CHECK(xxgk_error_problem_at(err, 0, NULL) == XXGK_E_INVALID_ARGUMENT);
    CHECK(xxgk_error_problem_at(err, 0, &problem) == XXGK_OK);
    xxgk_error_free(err);
    err = NULL;

    free(text);
    xxgk_report_free(r);
}

/* ---- reports ----------------------------------------------------------------------------- */

static void test_report_new(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_issues* issues = NULL;

    CHECK_OK(xxgk_report_new(&r, XXGK_FORMAT_2019, &err), err);
    CHECK(err == NULL);
    CHECK(xxgk_report_format(r) == XXGK_FORMAT_2019);
    CHECK_OK(xxgk_cell_get(r, S("requests.other.total"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_BLANK);
    /* An empty report validates (with findings), it is not an error of the call. */
    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    CHECK(xxgk_issues_error_count(issues) > 0);
    xxgk_issues_free(issues);
    xxgk_report_free(r);

    CHECK_OK(xxgk_report_new(&r, XXGK_FORMAT_2021, NULL), NULL);
    CHECK(xxgk_report_format(r) == XXGK_FORMAT_2021);
    xxgk_report_free(r);

    r = (xxgk_report*)&err;
    CHECK_STATUS(xxgk_report_new(&r, 2020, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(r == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_new(&r, 0, NULL), XXGK_E_INVALID_ARGUMENT, NULL);
}

static void round_trip(const char* name, int format) {
    xxgk_error* err = NULL;
    char path[4096];
    size_t len, len1 = 0;
    char* text = check_read_file(data_dir, name, &len);
    xxgk_report *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    char *json1 = NULL, *json2 = NULL;

    CHECK_OK(xxgk_report_from_json(&a, text, len, NULL, &err), err);
    CHECK(xxgk_report_format(a) == format);
    CHECK_OK(xxgk_report_to_json(a, &json1, &len1, &err), err);
    CHECK(json1 != NULL && len1 == strlen(json1) && json1[0] == '{');
    CHECK_OK(xxgk_report_from_json(&b, json1, len1, NULL, &err), err);
    CHECK_OK(xxgk_report_to_json(b, &json2, NULL, &err), err);
    CHECK(json2 != NULL && strcmp(json1, json2) == 0); /* byte-identical */
    CHECK(xxgk_report_equal(a, b) == 1);

    data_path(path, sizeof path, name);
    CHECK_OK(xxgk_report_from_file(&c, path, NULL, &err), err);
    CHECK(xxgk_report_equal(a, c) == 1);

    CHECK_OK(xxgk_report_clone(a, &d, &err), err);
    CHECK(d != a && xxgk_report_equal(a, d) == 1);
    CHECK_OK(xxgk_cell_set_integer(d, S("review_litigation.review.upheld"), 99, &err), err);
    CHECK(xxgk_report_equal(a, d) == 0);
    CHECK(xxgk_report_equal(a, a) == 1);

    xxgk_free(json1);
    xxgk_free(json2);
    xxgk_report_free(a);
    xxgk_report_free(b);
    xxgk_report_free(c);
    xxgk_report_free(d);
    free(text);
}

static void test_round_trips(void) {
    round_trip("cangnan-2020.json", XXGK_FORMAT_2019);
    round_trip("sample-2021.json", XXGK_FORMAT_2021);
}

static void test_cells_csv(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    char* csv = NULL;
    size_t len = 0;
    CHECK_OK(xxgk_report_to_cells_csv(r, &csv, &len, &err), err);
    CHECK(csv != NULL && len == strlen(csv));
    CHECK(csv != NULL && strncmp(csv, "key,section,row_label,column_label,value,state,unit,raw\n", 56) == 0);
    CHECK(csv != NULL && strstr(csv, "requests.withheld_prohibited_by_law.total,") != NULL);
    xxgk_free(csv);
    xxgk_report_free(r);
}

static void test_decode_errors(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = (xxgk_report*)&err;
    xxgk_problem p = XXGK_PROBLEM_INIT;
    xxgk_load_options options = XXGK_LOAD_OPTIONS_INIT;
    size_t len, i, count;
    char* text = check_read_file(data_dir, "cangnan-2020.json", &len);
    char* bad;
    char path[4096];

    /* Not JSON: offset, line and column of the syntax error. */
    CHECK_STATUS(xxgk_report_from_json(&r, S("{\n  \"format\": \"2019\",\n"), NULL, &err), XXGK_E_INVALID_JSON, err);
    CHECK(r == NULL);
    CHECK(xxgk_error_offset(err) != XXGK_NO_OFFSET);
    CHECK(xxgk_error_line(err) == 3);
    CHECK(xxgk_error_column(err) >= 1);
    CHECK(xxgk_error_count(err) == 1);
    CHECK(xxgk_error_problem_at(err, 0, &p) == XXGK_OK && p.status == XXGK_E_INVALID_JSON && p.line == 3);
    CHECK(xxgk_error_problem_at(err, 1, &p) == XXGK_E_NOT_FOUND);
    EXPECT_ERROR(err, XXGK_E_INVALID_JSON, "");

    /* Empty input: an error at offset 0 — a real offset, not "unknown". */
    CHECK_STATUS(xxgk_report_from_json(&r, "", 0, NULL, &err), XXGK_E_INVALID_JSON, err);
    CHECK(xxgk_error_offset(err) == 0);
    EXPECT_ERROR(err, XXGK_E_INVALID_JSON, "");

    /* Invalid UTF-8 (a lone continuation byte inside a string, at byte 11). */
    CHECK_STATUS(xxgk_report_from_json(&r, S("{\"format\":\"\x80\"}"), NULL, &err), XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 11);
    CHECK(xxgk_error_line(err) == 1 && xxgk_error_column(err) == 12);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    /* Overlong encoding, UTF-16 surrogate, truncated sequence. */
    CHECK_STATUS(xxgk_report_from_json(&r, S("\"\xC0\xAF\""), NULL, &err), XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 1);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_report_from_json(&r, S("\"\xED\xA0\x80\""), NULL, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_report_from_json(&r, S("\"\xE4\xB8"), NULL, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");

    /* Huge lengths are refused before a byte is read (the buffer is far shorter): above
     * PTRDIFF_MAX with XXGK_E_INVALID_ARGUMENT whatever the limit (xxgk.h, Strings), up to it
     * with XXGK_E_LIMIT_EXCEEDED when over max_input_bytes. */
    CHECK_STATUS(xxgk_report_from_json(&r, "{}", SIZE_MAX, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_from_json(&r, "{}", (size_t)PTRDIFF_MAX + 1, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_from_json(&r, "{}", (size_t)PTRDIFF_MAX, NULL, &err), XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    {
        xxgk_portal* p = NULL;
        xxgk_import_options io = XXGK_IMPORT_OPTIONS_INIT;
        io.max_input_bytes = SIZE_MAX;
        CHECK_STATUS(xxgk_portal_from_json(&p, "{}", (size_t)PTRDIFF_MAX + 1, NULL, &err), XXGK_E_INVALID_ARGUMENT,
                     err);
        EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
        CHECK_STATUS(xxgk_portal_from_json(&p, "{}", (size_t)PTRDIFF_MAX, NULL, &err), XXGK_E_LIMIT_EXCEEDED, err);
        EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
        CHECK_STATUS(xxgk_import_bytes(&r, NULL, NULL, "x", SIZE_MAX, &io, &err), XXGK_E_INVALID_ARGUMENT, err);
        EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
        CHECK_STATUS(xxgk_import_bytes(&r, NULL, NULL, "x", (size_t)PTRDIFF_MAX, NULL, &err), XXGK_E_LIMIT_EXCEEDED,
                     err);
        EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    }
    options.max_input_bytes = SIZE_MAX;
    CHECK_STATUS(xxgk_report_from_json(&r, "{}", SIZE_MAX, &options, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    /* Configured limits. */
    options.max_input_bytes = 100;
    CHECK_STATUS(xxgk_report_from_json(&r, text, len, &options, &err), XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    data_path(path, sizeof path, "cangnan-2020.json");
    CHECK_STATUS(xxgk_report_from_file(&r, path, &options, &err), XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    options.max_input_bytes = 0;
    options.max_depth = 2;
    CHECK_STATUS(xxgk_report_from_json(&r, text, len, &options, &err), XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    options.max_depth = 0;
    CHECK_OK(xxgk_report_from_json(&r, text, len, &options, &err), err); /* zeroed members: defaults */
    xxgk_report_free(r);

    /* A missing file. */
    CHECK_STATUS(xxgk_report_from_file(&r, "/nonexistent/report.json", NULL, &err), XXGK_E_IO, err);
    CHECK(r == NULL);
    EXPECT_ERROR(err, XXGK_E_IO, "");
    CHECK_STATUS(xxgk_report_from_file(&r, data_dir, NULL, &err), XXGK_E_IO, err); /* a directory */
    EXPECT_ERROR(err, XXGK_E_IO, "");

    /* A wrong type, with its JSON Pointer. */
    bad = replaced(text, "\"year\": 2020", "\"year\": \"2020\"");
    CHECK_STATUS(xxgk_report_from_json(&r, bad, strlen(bad), NULL, &err), XXGK_E_WRONG_TYPE, err);
    CHECK(r == NULL);
    CHECK(xxgk_error_offset(err) == XXGK_NO_OFFSET && xxgk_error_line(err) == 0);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header/year");
    free(bad);

    /* Several problems: every one is reported, each with its pointer. */
    {
        char* b1 = replaced(text, "\"year\": 2020", "\"year\": \"2020\"");
        char* b2 = replaced(b1, "\"scope\": \"compiled\"", "\"scope\": \"everything\"");
        char* b3 = replaced(b2, "\"body\": \"苍南县人民政府\"", "\"body\": \"苍南县人民政府\", \"nickname\": 1");
        CHECK_STATUS(xxgk_report_from_json(&r, b3, strlen(b3), NULL, &err), XXGK_E_UNKNOWN_MEMBER, err);
        count = xxgk_error_count(err);
        CHECK(count == 3);
        {
            int seen_year = 0, seen_scope = 0, seen_nickname = 0;
            for (i = 0; i < count; ++i) {
                xxgk_problem q = XXGK_PROBLEM_INIT;
                CHECK(xxgk_error_problem_at(err, i, &q) == XXGK_OK);
                CHECK(q.pointer != NULL && q.pointer_len == strlen(q.pointer));
                CHECK(q.message != NULL && q.message_len == strlen(q.message) && q.message_len > 0);
                if (strcmp(q.pointer, "/header/year") == 0) seen_year = q.status == XXGK_E_WRONG_TYPE;
                if (strcmp(q.pointer, "/header/scope") == 0) seen_scope = q.status == XXGK_E_INVALID_VALUE;
                if (strcmp(q.pointer, "/header/nickname") == 0) seen_nickname = q.status == XXGK_E_UNKNOWN_MEMBER;
            }
            CHECK(seen_year && seen_scope && seen_nickname);
        }
        CHECK(xxgk_error_problem_at(err, count, &p) == XXGK_E_NOT_FOUND);
        CHECK(strstr(xxgk_error_message(err, NULL), "2 more problems") != NULL);
        xxgk_error_free(err);
        err = NULL;

        /* Lax mode keeps the unknown member and writes it back. */
        free(b2);
        b2 = replaced(text, "\"body\": \"苍南县人民政府\"", "\"body\": \"苍南县人民政府\", \"nickname\": 1");
        options.keep_unknown_members = 1;
        CHECK_OK(xxgk_report_from_json(&r, b2, strlen(b2), &options, &err), err);
        {
            char* json = NULL;
            CHECK_OK(xxgk_report_to_json(r, &json, NULL, &err), err);
            CHECK(json != NULL && strstr(json, "\"nickname\":1") != NULL);
            xxgk_free(json);
            /* Changing the report keeps the member, but admits no new unknown member. */
            CHECK_OK(xxgk_field_set(r, S("header.title"), S("标题"), &err), err);
            CHECK_OK(xxgk_report_to_json(r, &json, NULL, &err), err);
            CHECK(json != NULL && strstr(json, "\"nickname\":1") != NULL);
            xxgk_free(json);
            CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), S("{\"heading\":\"一\",\"extra\":true}"), &err),
                         XXGK_E_UNKNOWN_MEMBER, err);
            EXPECT_ERROR(err, XXGK_E_UNKNOWN_MEMBER, "/overview/extra");
        }
        xxgk_report_free(r);
        options.keep_unknown_members = 0;
        free(b1);
        free(b2);
        free(b3);
    }

    /* A row of the other format. */
    bad = replaced(text, "\"format\": \"2019\"", "\"format\": \"2021\"");
    CHECK_STATUS(xxgk_report_from_json(&r, bad, strlen(bad), NULL, &err), XXGK_E_WRONG_FORMAT, err);
    CHECK(xxgk_error_count(err) > 2);
    count = xxgk_error_count(err);
    {
        int seen_wrong_format = 0;
        for (i = 0; i < count; ++i) {
            xxgk_problem q = XXGK_PROBLEM_INIT;
            CHECK(xxgk_error_problem_at(err, i, &q) == XXGK_OK);
            if (q.status == XXGK_E_WRONG_FORMAT && strcmp(q.pointer, "/requests/other") == 0) seen_wrong_format = 1;
        }
        CHECK(seen_wrong_format);
    }
    xxgk_error_free(err);
    err = NULL;
    free(bad);

    /* err == NULL: only the status. */
    CHECK_STATUS(xxgk_report_from_json(&r, S("nonsense"), NULL, NULL), XXGK_E_INVALID_JSON, NULL);
    CHECK(r == NULL);
    free(text);
}

/* ---- cells ------------------------------------------------------------------------------- */

static void test_cells(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    xxgk_report* r21 = load("sample-2021.json");
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_issues* issues = NULL;

    /* The blank that the validator flags, and the total next to it. */
    CHECK_OK(xxgk_cell_get(r, S("requests.withheld_prohibited_by_law.total"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_BLANK && cell.kind == XXGK_KIND_COUNT && cell.coefficient == 0);
    CHECK(cell.value_text[0] == '\0');
    CHECK_OK(xxgk_cell_get(r, S("requests.total.total"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 228 && cell.scale == 0 && cell.unit == XXGK_UNIT_NONE);
    CHECK_STR(cell.value_text, "228");

    /* Key not NUL-terminated: the length counts. */
    CHECK_OK(xxgk_cell_get(r, "requests.total.total.garbage", 20, &cell, &err), err);
    CHECK(cell.coefficient == 228);

    /* set_integer, then validation is clean again. */
    CHECK_OK(xxgk_cell_set_integer(r, S("requests.withheld_prohibited_by_law.total"), 2, &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.withheld_prohibited_by_law.total"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 2 && cell.raw == NULL && cell.raw_len == 0);
    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    CHECK(xxgk_issues_error_count(issues) == 0);
    xxgk_issues_free(issues);
    CHECK_OK(xxgk_cell_set_integer(r, S("proactive.licensing.change"), -3, &err), err);
    CHECK_OK(xxgk_cell_get(r, S("proactive.licensing.change"), &cell, &err), err);
    CHECK(cell.coefficient == -3 && cell.kind == XXGK_KIND_SIGNED_COUNT);
    CHECK_STR(cell.value_text, "-3");

    /* Exact decimals with a unit. */
    CHECK_OK(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("17424.88"), XXGK_UNIT_WAN_YUAN, &err), err);
    CHECK_OK(xxgk_cell_get(r21, S("proactive.fees.amount"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 1742488 && cell.scale == 2);
    CHECK(cell.unit == XXGK_UNIT_WAN_YUAN && cell.kind == XXGK_KIND_AMOUNT_WAN_YUAN);
    CHECK_STR(cell.value_text, "17424.88");
    CHECK_OK(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("0.000001"), XXGK_UNIT_NONE, &err), err);
    CHECK_OK(xxgk_cell_get(r21, S("proactive.fees.amount"), &cell, &err), err);
    CHECK(cell.coefficient == 1 && cell.scale == 6 && cell.unit == XXGK_UNIT_NONE);
    CHECK_STR(cell.value_text, "0.000001");
    CHECK_OK(
        xxgk_cell_set_decimal(r, S("proactive.procurement.amount"), S("-9223372036854775808"), XXGK_UNIT_YUAN, &err),
        err);
    CHECK_OK(xxgk_cell_get(r, S("proactive.procurement.amount"), &cell, &err), err);
    CHECK(cell.kind == XXGK_KIND_AMOUNT && cell.unit == XXGK_UNIT_YUAN && cell.coefficient == INT64_MIN);
    CHECK_STR(cell.value_text, "-9223372036854775808");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("12,3"), XXGK_UNIT_NONE, &err),
                 XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "proactive.fees.amount");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("1e5"), XXGK_UNIT_NONE, &err),
                 XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "proactive.fees.amount");
    CHECK_STATUS(
        xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("99999999999999999999"), XXGK_UNIT_NONE, &err),
        XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "proactive.fees.amount");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("1.5"), 7, &err), XXGK_E_INVALID_ARGUMENT,
                 err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("1.5"), -1, &err), XXGK_E_INVALID_ARGUMENT,
                 err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("proactive.fees.amount"), S("\xff"), XXGK_UNIT_NONE, &err),
                 XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    /* The value survives failed attempts. */
    CHECK_OK(xxgk_cell_get(r21, S("proactive.fees.amount"), &cell, &err), err);
    CHECK_STR(cell.value_text, "0.000001");

    /* States with raw text; raw borrowed from the report. */
    CHECK_OK(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_NOT_APPLICABLE, S("-"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.nonprofit"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NOT_APPLICABLE && cell.raw != NULL && cell.raw_len == 1);
    CHECK_STR(cell.raw, "-");
    CHECK_OK(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_TEXT, S("见附件"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.nonprofit"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_TEXT && cell.raw_len == strlen("见附件"));
    CHECK_STR(cell.raw, "见附件");
    CHECK_OK(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_NOT_CAPTURED, NULL, 0, &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.nonprofit"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NOT_CAPTURED && cell.raw == NULL && cell.raw_len == 0);
    CHECK_OK(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_BLANK, NULL, 0, &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.nonprofit"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_BLANK);
    CHECK_STATUS(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_NUMBER, NULL, 0, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), 5, NULL, 0, &err), XXGK_E_INVALID_ARGUMENT,
                 err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_TEXT, NULL, 3, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(r, S("requests.granted.nonprofit"), XXGK_CELL_TEXT, S("ab\xc3"), &err),
                 XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 2);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");

    /* Wrong keys: the key is the location; the other format is named. */
    CHECK_STATUS(xxgk_cell_get(r, S("requests.granted.bogus"), &cell, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.granted.bogus");
    CHECK_STATUS(xxgk_cell_get(r, S("requests.other_misc.total"), &cell, &err), XXGK_E_UNKNOWN_KEY, err);
    CHECK(strstr(xxgk_error_message(err, NULL), "2021") != NULL);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.other_misc.total");
    CHECK_STATUS(xxgk_cell_get(r21, S("proactive.procurement.amount"), &cell, &err), XXGK_E_UNKNOWN_KEY, err);
    CHECK(strstr(xxgk_error_message(err, NULL), "2019") != NULL);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "proactive.procurement.amount");
    CHECK_STATUS(xxgk_cell_set_integer(r21, S("requests.other.total"), 1, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.other.total");
    CHECK_STATUS(xxgk_cell_set_decimal(r21, S("requests.nope"), S("1"), XXGK_UNIT_NONE, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.nope");
    CHECK_STATUS(xxgk_cell_set_state(r21, S(""), XXGK_CELL_BLANK, NULL, 0, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "");
    /* Bad UTF-8 and impossible lengths in keys. */
    CHECK_STATUS(xxgk_cell_get(r, S("requests.\xe4\xb8.total"), &cell, &err), XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 9);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_cell_get(r, "requests.total.total", SIZE_MAX, &cell, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_integer(r, "requests.total.total", SIZE_MAX / 2 + 1, 1, &err), XXGK_E_INVALID_ARGUMENT,
                 err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_state(r, S("requests.total.total"), XXGK_CELL_TEXT, "x", SIZE_MAX, &err),
                 XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");

    xxgk_report_free(r);
    xxgk_report_free(r21);
}

/* Every key of both formats can be read and written on a fresh report. */
static void test_every_key(int format, size_t expected_count) {
    xxgk_error* err = NULL;
    xxgk_report* r = NULL;
    size_t i, n = xxgk_key_count(format);
    CHECK(n == expected_count);
    CHECK_OK(xxgk_report_new(&r, format, &err), err);
    for (i = 0; i < n; ++i) {
        xxgk_key_info k = XXGK_KEY_INFO_INIT, again = XXGK_KEY_INFO_INIT;
        xxgk_cell cell = XXGK_CELL_INIT;
        char pointer[256];
        size_t j;
        CHECK_OK(xxgk_key_at(format, i, &k, &err), err);
        if (!k.key) break;
        CHECK(k.index == i);
        /* The pointer is the key with "/" for ".". */
        snprintf(pointer, sizeof pointer, "/%s", k.key);
        for (j = 0; pointer[j]; ++j)
            if (pointer[j] == '.') pointer[j] = '/';
        CHECK_STR(k.pointer, pointer);
        CHECK(strncmp(k.key, k.section, strlen(k.section)) == 0);
        CHECK(strstr(k.key, k.row) != NULL && strstr(k.key, k.column) != NULL);
        CHECK(k.section_label[0] != '\0' && k.row_label[0] != '\0' && k.column_label[0] != '\0');
        CHECK(k.row_groups != NULL && k.column_group != NULL);
        CHECK(strstr(k.label_path, k.section_label) == k.label_path && strstr(k.label_path, k.row_label) != NULL);
        CHECK(k.kind >= XXGK_KIND_COUNT && k.kind <= XXGK_KIND_AMOUNT_WAN_YUAN);
        CHECK_OK(xxgk_key_find(format, k.key, strlen(k.key), &again, &err), err);
        CHECK(again.index == i && again.key == k.key); /* the same static storage */
        CHECK_OK(xxgk_cell_get(r, k.key, strlen(k.key), &cell, &err), err);
        CHECK(cell.state == XXGK_CELL_BLANK && cell.kind == k.kind);
        CHECK_OK(xxgk_cell_set_integer(r, k.key, strlen(k.key), (xxgk_int64)i, &err), err);
        CHECK_OK(xxgk_cell_get(r, k.key, strlen(k.key), &cell, &err), err);
        CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == (xxgk_int64)i);
    }
    xxgk_report_free(r);
}

static void test_keys(void) {
    xxgk_error* err = NULL;
    xxgk_key_info k = XXGK_KEY_INFO_INIT;

    CHECK(xxgk_key_count(XXGK_FORMAT_2019) == 198);
    CHECK(xxgk_key_count(XXGK_FORMAT_2021) == 200);
    CHECK(xxgk_key_count(2020) == 0);
    test_every_key(XXGK_FORMAT_2019, 198);
    test_every_key(XXGK_FORMAT_2021, 200);

    CHECK_OK(xxgk_key_find(XXGK_FORMAT_2021, S("requests.granted.enterprise"), &k, &err), err);
    CHECK_STR(k.section, "requests");
    CHECK_STR(k.row, "granted");
    CHECK_STR(k.column, "enterprise");
    CHECK_STR(k.section_label, "三、收到和处理政府信息公开申请情况");
    CHECK_STR(k.row_label, "（一）予以公开");
    CHECK_STR(k.row_groups, "三、本年度办理结果");
    CHECK_STR(k.column_group, "法人或其他组织");
    CHECK_STR(k.column_label, "商业企业");
    CHECK_STR(k.label_path,
              "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （一）予以公开 › 法人或其他组织 › 商业企业");
    CHECK(k.kind == XXGK_KIND_COUNT);
    CHECK_OK(xxgk_key_find(XXGK_FORMAT_2019, S("proactive.procurement.amount"), &k, &err), err);
    CHECK(k.kind == XXGK_KIND_AMOUNT);
    CHECK_STR(k.column_group, "");

    CHECK_STATUS(xxgk_key_at(XXGK_FORMAT_2019, 198, &k, &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "");
    CHECK_STATUS(xxgk_key_at(XXGK_FORMAT_2021, SIZE_MAX, &k, &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "");
    CHECK_STATUS(xxgk_key_at(2020, 0, &k, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_key_find(2018, S("requests.total.total"), &k, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_key_find(XXGK_FORMAT_2021, S("requests.other.total"), &k, &err), XXGK_E_UNKNOWN_KEY, err);
    CHECK(strstr(xxgk_error_message(err, NULL), "2019") != NULL);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.other.total");
    CHECK_STATUS(xxgk_key_find(XXGK_FORMAT_2021, S("\xff"), &k, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
}

/* ---- fields and JSON subtrees ------------------------------------------------------------ */

static void check_field(xxgk_report* r, const char* key, const char* expected) {
    xxgk_error* err = NULL;
    char* value = (char*)&err;
    size_t len = 99;
    CHECK_OK(xxgk_field_get(r, key, strlen(key), &value, &len, &err), err);
    if (expected == NULL) {
        CHECK(value == NULL && len == 0);
    } else {
        CHECK(value != NULL && len == strlen(expected));
        if (value)
            CHECK_STR(value, expected);
        else
            fprintf(stderr, "field %s is absent, expected \"%s\"\n", key, expected);
    }
    xxgk_free(value);
    xxgk_error_free(err);
}

static void test_fields(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    xxgk_report* r21 = load("sample-2021.json");
    xxgk_report* before = NULL;
    char* value = NULL;
    size_t len = 0;

    check_field(r, "header.body", "苍南县人民政府");
    check_field(r, "header.year", "2020");
    check_field(r, "header.scope", "compiled");
    check_field(r, "header.statistics_period.start", "2020-01-01");
    check_field(r, "header.contact.email", NULL); /* absent: OK with NULL */
    check_field(r, "processing_fees.billed", NULL);
    check_field(r21, "header.contact.email", "xxgk@example.com");
    check_field(r21, "header.legal_bases.0", "《中华人民共和国政府信息公开条例》");
    check_field(r21, "header.legal_bases.7", NULL);

    CHECK_OK(xxgk_field_set(r, S("header.body"), S("苍南县人民政府办公室"), &err), err);
    check_field(r, "header.body", "苍南县人民政府办公室");
    CHECK_OK(xxgk_field_set(r, S("header.year"), S("2019"), &err), err);
    check_field(r, "header.year", "2019");
    CHECK_OK(xxgk_field_set(r, S("header.scope"), S("own"), &err), err);
    check_field(r, "header.scope", "own");
    CHECK_OK(xxgk_field_set(r, S("header.statistics_period.start"), S("2019-01-01"), &err), err);
    check_field(r, "header.statistics_period.start", "2019-01-01");
    CHECK_OK(xxgk_field_set(r, S("header.contact.email"), S("gk@cncn.gov.cn"), &err), err); /* creates contact */
    check_field(r, "header.contact.email", "gk@cncn.gov.cn");
    CHECK_OK(xxgk_field_set(r, S("other_matters.heading"), S("六、其他需要报告的事项"), &err), err);
    check_field(r, "other_matters.heading", "六、其他需要报告的事项");
    CHECK_OK(xxgk_field_set(r, S("header.title"), "", 0, &err), err);
    check_field(r, "header.title", "");
    CHECK_OK(xxgk_field_set(r, S("header.title"), NULL, 0, &err), err); /* NULL with length 0: "" */
    check_field(r, "header.title", "");
    CHECK_OK(xxgk_field_set(r21, S("processing_fees.billed"), S("17424.88"), &err), err);
    check_field(r21, "processing_fees.billed", "17424.88");
    CHECK_OK(xxgk_field_set(r21, S("processing_fees.charged"), S("true"), &err), err);
    check_field(r21, "processing_fees.charged", "true");
    CHECK_OK(xxgk_field_set(r21, S("header.legal_bases.2"), S("《条例》"), &err), err); /* appends */
    check_field(r21, "header.legal_bases.2", "《条例》");

    /* Every failure leaves the report unchanged and points at the field. */
    CHECK_OK(xxgk_report_clone(r, &before, &err), err);
    CHECK_STATUS(xxgk_field_set(r, S("header.statistics_period.start"), S("2020-02-30"), &err), XXGK_E_INVALID_VALUE,
                 err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/statistics_period/start");
    CHECK_STATUS(xxgk_field_set(r, S("header.year"), S("abc"), &err), XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/year");
    CHECK_STATUS(xxgk_field_set(r, S("header.year"), S("2020 "), &err), XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/year");
    CHECK_STATUS(xxgk_field_set(r, S("header.year"), S("99999999999999999999"), &err), XXGK_E_OUT_OF_RANGE, err);
    EXPECT_ERROR(err, XXGK_E_OUT_OF_RANGE, "/header/year");
    CHECK_STATUS(xxgk_field_set(r, S("header.year"), S("4294967296"), &err), XXGK_E_OUT_OF_RANGE, err);
    EXPECT_ERROR(err, XXGK_E_OUT_OF_RANGE, "/header/year");
    CHECK_STATUS(xxgk_field_set(r, S("header.scope"), S("everything"), &err), XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/scope");
    CHECK_STATUS(xxgk_field_set(r, S("processing_fees.billed"), S("1"), &err), XXGK_E_WRONG_FORMAT, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_FORMAT, "/processing_fees");
    CHECK_STATUS(xxgk_field_set(r, S("header.publication_date"), S("2021/01/29"), &err), XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/publication_date");
    CHECK_STATUS(xxgk_field_set(r, S("header.signature.date"), S("tomorrow"), &err), XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/signature/date");
    CHECK_STATUS(xxgk_field_set(r, S("header.nickname"), S("x"), &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/header/nickname");
    CHECK_STATUS(xxgk_field_set(r, S("header..body"), S("x"), &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, NULL);
    CHECK_STATUS(xxgk_field_set(r, S("header.contact"), S("x"), &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header/contact");
    CHECK_STATUS(xxgk_field_set(r, S("requests.total.total"), S("1"), &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/requests/total/total");
    CHECK_STATUS(xxgk_field_set(r, S("header.legal_bases.9"), S("x"), &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "/header/legal_bases/9");
    CHECK_STATUS(xxgk_field_set(r, S("header.body"), S("bad \xe4 utf8"), &err), XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 4);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_field_set(r, S("header.body"), "x", SIZE_MAX, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK(xxgk_report_equal(r, before) == 1);
    xxgk_report_free(before);

    /* Setting a member of an absent object that needs more members. */
    CHECK_OK(xxgk_report_set_json(r21, S("/header/statistics_period"), S("null"), &err), err);
    CHECK_STATUS(xxgk_field_set(r21, S("header.statistics_period.start"), S("2022-01-01"), &err), XXGK_E_MISSING_MEMBER,
                 err);
    EXPECT_ERROR(err, XXGK_E_MISSING_MEMBER, "/header/statistics_period/end");

    /* Reading non-fields. */
    CHECK_STATUS(xxgk_field_get(r, S("header"), &value, &len, &err), XXGK_E_WRONG_TYPE, err);
    CHECK(value == NULL && len == 0);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header");
    CHECK_STATUS(xxgk_field_get(r, S("header.legal_bases"), &value, &len, &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header/legal_bases");
    CHECK_STATUS(xxgk_field_get(r, S("requests.granted.total"), &value, &len, &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/requests/granted/total");
    CHECK_STATUS(xxgk_field_get(r, S("header.nope"), &value, &len, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/header/nope");
    CHECK_STATUS(xxgk_field_get(r, S("format"), &value, &len, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/format");
    CHECK_STATUS(xxgk_field_get(r21, S("requests.other.total"), &value, &len, &err), XXGK_E_WRONG_FORMAT, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_FORMAT, "/requests/other/total");
    CHECK_STATUS(xxgk_field_get(r, S("header.\xc0"), &value, &len, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");

    xxgk_report_free(r);
    xxgk_report_free(r21);
}

static void test_json_subtrees(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    xxgk_report* other = load("sample-2021.json");
    xxgk_cell cell = XXGK_CELL_INIT;
    char *json = NULL, *whole = NULL;
    size_t len = 0;

    CHECK_OK(xxgk_report_get_json(r, S("/overview"), &json, &len, &err), err);
    CHECK(json != NULL && json[0] == '{' && len == strlen(json));
    xxgk_free(json);
    CHECK_OK(xxgk_report_get_json(r, "", 0, &json, &len, &err), err);
    CHECK_OK(xxgk_report_to_json(r, &whole, NULL, &err), err);
    CHECK(json && whole && strcmp(json, whole) == 0);
    xxgk_free(json);
    xxgk_free(whole);
    CHECK_OK(xxgk_report_get_json(r, NULL, 0, &json, &len, &err), err); /* NULL with length 0: "" */
    CHECK(json != NULL && json[0] == '{');
    xxgk_free(json);
    CHECK_OK(xxgk_report_get_json(r, S("/requests/total/total"), &json, &len, &err), err);
    CHECK_STR(json, "228");
    xxgk_free(json);
    CHECK_OK(xxgk_report_get_json(r, S("/format"), &json, &len, &err), err);
    CHECK_STR(json, "\"2019\"");
    xxgk_free(json);
    CHECK_OK(xxgk_report_get_json(r, S("/header/contact/email"), &json, &len, &err), err); /* absent */
    CHECK_STR(json, "null");
    xxgk_free(json);
    CHECK_STATUS(xxgk_report_get_json(r, S("/header/nope"), &json, &len, &err), XXGK_E_UNKNOWN_KEY, err);
    CHECK(json == NULL && len == 0);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/header/nope");
    CHECK_STATUS(xxgk_report_get_json(r, S("header"), &json, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "header");
    CHECK_STATUS(xxgk_report_get_json(r, S("/header/~2"), &json, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "/header/~2");
    CHECK_STATUS(xxgk_report_get_json(r, S("/requests/total/total/raw"), &json, &len, &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/requests/total/total/raw");
    CHECK_STATUS(xxgk_report_get_json(r, S("/\xfe"), &json, &len, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");

    /* Whole subtrees. */
    CHECK_OK(xxgk_report_set_json(r, S("/overview"),
                                  S("{\"heading\":\"一、总体情况\",\"paragraphs\":[\"新的段落。\"]}"), &err),
             err);
    CHECK_OK(xxgk_report_get_json(r, S("/overview"), &json, &len, &err), err);
    CHECK_STR(json, "{\"heading\":\"一、总体情况\",\"paragraphs\":[\"新的段落。\"]}");
    xxgk_free(json);
    CHECK_OK(xxgk_report_set_json(r, S("/header/title"), S("null"), &err), err); /* removes */
    check_field(r, "header.title", NULL);
    CHECK_OK(xxgk_report_set_json(r, S("/header/legal_bases/-"), S("\"《条例》\""), &err), err);
    CHECK_OK(xxgk_report_set_json(r, S("/requests/granted/total"),
                                  S("{\"state\":\"text\",\"raw\":\"见附件\",\"source\":{\"line\":3,\"column\":7}}"),
                                  &err),
             err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.total"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_TEXT);
    CHECK_STR(cell.raw, "见附件");
    CHECK_OK(xxgk_report_get_json(r, S("/requests/granted/total"), &json, &len, &err), err);
    CHECK_STR(json, "{\"state\":\"text\",\"raw\":\"见附件\",\"source\":{\"line\":3,\"column\":7}}");
    xxgk_free(json);

    /* Errors, each with its pointer; the report is unchanged. */
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/statistics_period"),
                                      S("{\"start\":\"2020-01-01\",\"end\":\"2020-13-01\"}"), &err),
                 XXGK_E_INVALID_VALUE, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_VALUE, "/header/statistics_period/end");
    CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), S("{\"heading\":"), &err), XXGK_E_INVALID_JSON, err);
    CHECK(xxgk_error_offset(err) == 11 && xxgk_error_line(err) == 1 && xxgk_error_column(err) == 12);
    EXPECT_ERROR(err, XXGK_E_INVALID_JSON, "");
    CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), S("\"\xff\""), &err), XXGK_E_INVALID_UTF8, err);
    CHECK(xxgk_error_offset(err) == 1);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), "{}", SIZE_MAX, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), "{}", (size_t)PTRDIFF_MAX, &err), XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    CHECK_STATUS(xxgk_report_set_json(
                     r, S("/overview"),
                     S("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"), &err),
                 XXGK_E_LIMIT_EXCEEDED, err);
    EXPECT_ERROR(err, XXGK_E_LIMIT_EXCEEDED, "");
    CHECK_STATUS(xxgk_report_set_json(r, S("/overview"), S("[]"), &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/overview");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/nickname"), S("1"), &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/header/nickname");
    CHECK_STATUS(xxgk_report_set_json(r, S("/requests/total/total/raw"), S("\"x\""), &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "/requests/total/total/raw");
    CHECK_STATUS(xxgk_report_set_json(r, S("/requests/other_misc"), S("{}"), &err), XXGK_E_WRONG_FORMAT, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_FORMAT, "/requests/other_misc");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/legal_bases/99"), S("\"x\""), &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "/header/legal_bases/99");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/body"), S("null"), &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header/body");
    CHECK_STATUS(xxgk_report_set_json(r, S("/requests/total"), S("{\"total\":1}"), &err), XXGK_E_MISSING_MEMBER, err);
    CHECK(xxgk_error_count(err) == 6);
    EXPECT_ERROR(err, XXGK_E_MISSING_MEMBER, "/requests/total/natural_person");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header/year"), S("1.5"), &err), XXGK_E_WRONG_TYPE, err);
    EXPECT_ERROR(err, XXGK_E_WRONG_TYPE, "/header/year");
    CHECK_STATUS(xxgk_report_set_json(r, S("/header"), S("{\"body\":\"x\",\"body\":\"y\",\"year\":2020}"), &err),
                 XXGK_E_DUPLICATE_MEMBER, err);
    EXPECT_ERROR(err, XXGK_E_DUPLICATE_MEMBER, NULL);
    check_field(r, "header.year", "2020");

    /* The whole report, even of another format. */
    CHECK_OK(xxgk_report_to_json(other, &whole, &len, &err), err);
    CHECK_OK(xxgk_report_set_json(r, "", 0, whole, len, &err), err);
    CHECK(xxgk_report_format(r) == XXGK_FORMAT_2021);
    CHECK(xxgk_report_equal(r, other) == 1);
    xxgk_free(whole);

    xxgk_report_free(r);
    xxgk_report_free(other);
}

/* ---- validation and the rule catalog ----------------------------------------------------- */

static void test_validate_cangnan(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    xxgk_issues* issues = NULL;
    xxgk_validate_options options = XXGK_VALIDATE_OPTIONS_INIT;
    size_t i, n, len, error_index = (size_t)-1, consequence = (size_t)-1;
    char* json = NULL;

    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    n = xxgk_issues_count(issues);
    CHECK(n >= 1);
    CHECK(xxgk_issues_error_count(issues) == 1);
    for (i = 0; i < n; ++i) {
        const char* code = xxgk_issues_code(issues, i, &len);
        CHECK(code != NULL && len == strlen(code) && strncmp(code, "XXGK-", 5) == 0);
        if (xxgk_issues_severity(issues, i) == XXGK_SEVERITY_ERROR) error_index = i;
        if (strcmp(xxgk_issues_caused_by(issues, i, NULL), "") != 0) consequence = i;
    }
    CHECK(error_index != (size_t)-1);
    if (error_index != (size_t)-1) {
        const char *zh, *en;
        size_t cells, j;
        i = error_index;
        CHECK_STR(xxgk_issues_code(issues, i, NULL), "XXGK-T3-004");
        CHECK_STR(xxgk_issues_rule(issues, i, NULL), "R2");
        CHECK_STR(xxgk_issues_key(issues, i, NULL), "requests.withheld_prohibited_by_law.total");
        CHECK_STR(xxgk_issues_pointer(issues, i, NULL), "/requests/withheld_prohibited_by_law/total");
        CHECK_STR(xxgk_issues_expected(issues, i, NULL), "2");
        CHECK_STR(xxgk_issues_actual(issues, i, NULL), "blank");
        CHECK_STR(xxgk_issues_caused_by(issues, i, NULL), "");
        zh = xxgk_issues_message(issues, i, XXGK_LANG_ZH, &len);
        CHECK(zh != NULL && len == strlen(zh) && strstr(zh, "其他法律行政法规禁止公开") != NULL);
        en = xxgk_issues_message(issues, i, XXGK_LANG_EN, &len);
        CHECK(en != NULL && len == strlen(en) && strstr(en, "blank") != NULL);
        len = 5;
        CHECK(xxgk_issues_message(issues, i, 2, &len) == NULL && len == 0);
        CHECK(xxgk_issues_message(issues, i, -1, NULL) == NULL);
        cells = xxgk_issues_cell_count(issues, i);
        CHECK(cells == 7);
        for (j = 0; j < cells; ++j) {
            const char* cell = xxgk_issues_cell_at(issues, i, j, &len);
            CHECK(cell != NULL && len == strlen(cell) &&
                  strncmp(cell, "requests.withheld_prohibited_by_law.", 36) == 0);
        }
        len = 5;
        CHECK(xxgk_issues_cell_at(issues, i, cells, &len) == NULL && len == 0);
    }
    /* The consequence names its root. */
    CHECK(consequence != (size_t)-1);
    if (consequence != (size_t)-1) {
        CHECK_STR(xxgk_issues_caused_by(issues, consequence, NULL),
                  "XXGK-T3-004 requests.withheld_prohibited_by_law.total");
        CHECK(xxgk_issues_severity(issues, consequence) == XXGK_SEVERITY_INFO);
    }
    /* Out of range. */
    len = 5;
    CHECK(xxgk_issues_code(issues, n, &len) == NULL && len == 0);
    CHECK(xxgk_issues_severity(issues, n) == -1);
    CHECK(xxgk_issues_rule(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_key(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_pointer(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_expected(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_actual(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_message(issues, n, XXGK_LANG_ZH, NULL) == NULL);
    CHECK(xxgk_issues_caused_by(issues, n, NULL) == NULL);
    CHECK(xxgk_issues_cell_count(issues, n) == 0);
    CHECK(xxgk_issues_cell_at(issues, n, 0, NULL) == NULL);

    CHECK_OK(xxgk_issues_to_json(issues, &json, &len, &err), err);
    CHECK(json != NULL && json[0] == '[' && len == strlen(json));
    CHECK(json != NULL && strstr(json, "\"code\":\"XXGK-T3-004\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"key\":\"requests.withheld_prohibited_by_law.total\"") != NULL);
    xxgk_free(json);
    CHECK_STATUS(xxgk_issues_to_json(issues, NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    xxgk_issues_free(issues);

    /* Without findings of severity info: only the error is left. */
    options.omit_info = 1;
    CHECK_OK(xxgk_report_validate(r, &options, &issues, &err), err);
    for (i = 0; i < xxgk_issues_count(issues); ++i) CHECK(xxgk_issues_severity(issues, i) != XXGK_SEVERITY_INFO);
    CHECK(xxgk_issues_error_count(issues) == 1);
    xxgk_issues_free(issues);

    xxgk_report_free(r);
}

static void test_validate_sample(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("sample-2021.json");
    xxgk_issues* issues = NULL;
    char* json = NULL;
    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    CHECK(xxgk_issues_error_count(issues) == 0);
    CHECK_OK(xxgk_issues_to_json(issues, &json, NULL, &err), err);
    CHECK(json != NULL && json[0] == '[');
    xxgk_free(json);
    xxgk_issues_free(issues);
    xxgk_report_free(r);
}

static void test_rules(void) {
    xxgk_error* err = NULL;
    xxgk_rule_info rule = XXGK_RULE_INFO_INIT;
    size_t i, n = xxgk_rule_count();
    int seen = 0;
    CHECK(n > 10);
    for (i = 0; i < n; ++i) {
        xxgk_rule_info again = XXGK_RULE_INFO_INIT;
        CHECK_OK(xxgk_rule_at(i, &rule, &err), err);
        if (!rule.code) break;
        CHECK(strncmp(rule.code, "XXGK-", 5) == 0);
        CHECK(rule.rule[0] != '\0' && rule.title_zh[0] != '\0' && rule.title_en[0] != '\0');
        CHECK(rule.template_zh[0] != '\0' && rule.template_en[0] != '\0');
        CHECK(rule.severity >= XXGK_SEVERITY_INFO && rule.severity <= XXGK_SEVERITY_ERROR);
        CHECK_OK(xxgk_rule_find(rule.code, strlen(rule.code), &again, &err), err);
        CHECK(again.code == rule.code);
        if (strcmp(rule.code, "XXGK-T3-004") == 0) seen = 1;
    }
    CHECK(seen);
    CHECK_OK(xxgk_rule_find(S("XXGK-T3-004"), &rule, &err), err);
    CHECK_STR(rule.rule, "R2");
    CHECK(rule.severity == XXGK_SEVERITY_ERROR);
    CHECK_STATUS(xxgk_rule_at(n, &rule, &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "");
    CHECK_STATUS(xxgk_rule_find(S("XXGK-X-999"), &rule, &err), XXGK_E_NOT_FOUND, err);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "XXGK-X-999");
    CHECK_STATUS(xxgk_rule_find(S("XXGK-\x80"), &rule, &err), XXGK_E_INVALID_UTF8, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_UTF8, "");
    CHECK_STATUS(xxgk_rule_find("XXGK", SIZE_MAX, &rule, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
}

/* Borrowed pointers: raw stays valid until the cell changes; static strings forever. */
static void test_lifetimes(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_key_info k = XXGK_KEY_INFO_INIT;
    const char* raw;
    CHECK_OK(xxgk_report_new(&r, XXGK_FORMAT_2021, &err), err);
    CHECK_OK(xxgk_cell_set_state(r, S("requests.granted.total"), XXGK_CELL_TEXT, S("不详"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.total"), &cell, &err), err);
    raw = cell.raw;
    /* Changing another cell does not move it. */
    CHECK_OK(xxgk_cell_set_integer(r, S("requests.received.total"), 5, &err), err);
    CHECK(raw == cell.raw);
    CHECK_STR(raw, "不详");
    xxgk_report_free(r);

    CHECK_OK(xxgk_key_at(XXGK_FORMAT_2019, 0, &k, &err), err);
    CHECK(k.key != NULL);
    {
        xxgk_key_info k2 = XXGK_KEY_INFO_INIT;
        CHECK_OK(xxgk_key_at(XXGK_FORMAT_2019, 0, &k2, &err), err);
        CHECK(k.key == k2.key && k.label_path == k2.label_path);
    }
}

/* ---- rendering, CSV tables, JSON Schema ----------------------------------------------------- */

static size_t count_of(const char* text, const char* needle) {
    size_t n = 0;
    const char* at = text;
    if (!text) return 0;
    while ((at = strstr(at, needle)) != NULL) {
        ++n;
        at += strlen(needle);
    }
    return n;
}

static void test_render(void) {
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    xxgk_report* r21 = load("sample-2021.json");
    xxgk_issues* issues = NULL;
    xxgk_render_options o = XXGK_RENDER_OPTIONS_INIT;
    char *out = NULL, *long_csv = NULL;
    size_t len = 0;

    /* A page: every cell of the format carries its key; a blank cell is empty, never 0. */
    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_HTML, NULL, &out, &len, &err), err);
    CHECK(out != NULL && len == strlen(out));
    CHECK(out != NULL && strncmp(out, "<!DOCTYPE html>", 15) == 0);
    CHECK(count_of(out, " data-key=\"") == 198);
    CHECK(count_of(out, " data-key=\"proactive.") == 22);
    CHECK(count_of(out, " data-key=\"requests.") == 161);
    CHECK(count_of(out, " data-key=\"review_litigation.") == 15);
    CHECK(strstr(out, "data-key=\"requests.withheld_prohibited_by_law.total\"></td>") != NULL);
    CHECK(strstr(out, "rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为") != NULL);
    xxgk_free(out);
    CHECK_OK(xxgk_report_render(r21, XXGK_RENDER_HTML, NULL, &out, NULL, &err), err);
    CHECK(count_of(out, " data-key=\"") == 200);
    CHECK(count_of(out, " data-key=\"proactive.") == 10);
    CHECK(count_of(out, " data-key=\"requests.") == 175);
    xxgk_free(out);

    /* A fragment with the findings highlighted, messages in English. */
    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    o.findings = issues;
    o.lang = XXGK_LANG_EN;
    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_HTML_FRAGMENT, &o, &out, &len, &err), err);
    CHECK(out != NULL && strncmp(out, "<article class=\"xxgk-report\"", 28) == 0);
    CHECK(strstr(out, "<head>") == NULL);
    CHECK(strstr(out, "class=\"xxgk-value xxgk-blank xxgk-finding xxgk-severity-error\" "
                      "data-key=\"requests.withheld_prohibited_by_law.total\" data-findings=\"XXGK-T3-004\" "
                      "title=\"requests.withheld_prohibited_by_law.total is blank") != NULL);
    xxgk_free(out);

    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_MARKDOWN, NULL, &out, &len, &err), err);
    CHECK(out != NULL && strncmp(out, "# 苍南县人民政府", strlen("# 苍南县人民政府")) == 0);
    CHECK(strstr(out, "| 行政处罚 | 2312 | -58 | 10262 |") != NULL);
    xxgk_free(out);

    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_CSV_LONG, NULL, &out, &len, &err), err);
    CHECK_OK(xxgk_report_to_cells_csv(r, &long_csv, NULL, &err), err);
    CHECK(out && long_csv && strcmp(out, long_csv) == 0);
    xxgk_free(out);
    xxgk_free(long_csv);

    /* Hostile text renders inert. */
    CHECK_OK(xxgk_report_set_json(r, S("/problems"),
                                  S("{\"paragraphs\":[\"<script>alert(1)</script><img src=x onerror=\\\"alert(2)\\\">"
                                    "<a href=\\\"javascript:alert(3)\\\">x</a>\"]}"),
                                  &err),
             err);
    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_HTML, NULL, &out, &len, &err), err);
    CHECK(strstr(out, "<script") == NULL);
    CHECK(strstr(out, "<img") == NULL);
    CHECK(strstr(out, "<a ") == NULL);
    CHECK(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;") != NULL);
    xxgk_free(out);

    /* Errors: unknown `what`, language or struct version; NULL arguments. */
    CHECK_STATUS(xxgk_report_render(r, 99, NULL, &out, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(out == NULL && len == 0);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    o.lang = 7;
    CHECK_STATUS(xxgk_report_render(r, XXGK_RENDER_HTML, &o, &out, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    o.lang = XXGK_LANG_ZH;
    o.version = 0;
    CHECK_STATUS(xxgk_report_render(r, XXGK_RENDER_HTML, &o, &out, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    o.version = XXGK_RENDER_OPTIONS_VERSION + 1;
    CHECK_STATUS(xxgk_report_render(r, XXGK_RENDER_HTML, &o, &out, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_render(NULL, XXGK_RENDER_HTML, NULL, &out, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_render(r, XXGK_RENDER_HTML, NULL, NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK(xxgk_report_render(r, XXGK_RENDER_HTML, NULL, NULL, NULL, NULL) == XXGK_E_INVALID_ARGUMENT);

    xxgk_issues_free(issues);
    xxgk_report_free(r);
    xxgk_report_free(r21);
}

static void test_csv_tables(void) {
    static const char* names_2019[] = {"proactive.article_20_1", "proactive.article_20_5", "proactive.article_20_6",
                                       "proactive.article_20_8", "proactive.article_20_9", "requests",
                                       "review_litigation"};
    xxgk_error* err = NULL;
    xxgk_report* r = load("cangnan-2020.json");
    char *name = NULL, *csv = NULL;
    size_t name_len = 0, csv_len = 0, i;

    CHECK(xxgk_csv_table_count(XXGK_FORMAT_2019) == 7);
    CHECK(xxgk_csv_table_count(XXGK_FORMAT_2021) == 6);
    CHECK(xxgk_csv_table_count(2020) == 0);
    for (i = 0; i < 7; ++i) {
        CHECK_OK(xxgk_report_csv_table(r, i, &name, &name_len, &csv, &csv_len, &err), err);
        CHECK_STR(name, names_2019[i]);
        CHECK(name != NULL && name_len == strlen(name));
        CHECK(csv != NULL && csv_len == strlen(csv) && csv_len > 0 && csv[csv_len - 1] == '\n');
        xxgk_free(name);
        xxgk_free(csv);
    }
    CHECK_OK(xxgk_report_csv_table(r, 0, NULL, NULL, &csv, &csv_len, &err), err);
    CHECK_STR(csv, "信息内容,本年新制作数量,本年新公开数量,对外公开总数量\n规章,0,0,0\n规范性文件,28,28,226\n");
    xxgk_free(csv);
    CHECK_OK(xxgk_report_csv_table(r, 6, NULL, NULL, &csv, NULL, &err), err);
    CHECK(csv != NULL && strstr(csv, "\n6,2,0,1,9,33,5,0,3,41,4,0,0,0,4\n") != NULL);
    xxgk_free(csv);
    CHECK_STATUS(xxgk_report_csv_table(r, 7, &name, &name_len, &csv, &csv_len, &err), XXGK_E_NOT_FOUND, err);
    CHECK(name == NULL && csv == NULL && name_len == 0 && csv_len == 0);
    EXPECT_ERROR(err, XXGK_E_NOT_FOUND, "");
    CHECK_STATUS(xxgk_report_csv_table(NULL, 0, &name, &name_len, &csv, &csv_len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_report_csv_table(r, 0, &name, &name_len, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(name == NULL);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    xxgk_report_free(r);
}

static void test_json_schema(void) {
    xxgk_error* err = NULL;
    char* schema = NULL;
    size_t len = 0;
    CHECK_OK(xxgk_json_schema(XXGK_FORMAT_2019, &schema, &len, &err), err);
    CHECK(schema != NULL && len == strlen(schema));
    CHECK(schema != NULL && strstr(schema, "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != NULL);
    CHECK(schema != NULL && strstr(schema, "\"procurement\": {") != NULL);
    CHECK(schema != NULL && strstr(schema, "\"other_misc\"") == NULL);
    xxgk_free(schema);
    CHECK_OK(xxgk_json_schema(XXGK_FORMAT_2021, &schema, NULL, &err), err);
    CHECK(schema != NULL && strstr(schema, "\"other_misc\": {") != NULL);
    CHECK(schema != NULL && strstr(schema, "\"procurement\"") == NULL);
    xxgk_free(schema);
    CHECK_STATUS(xxgk_json_schema(2020, &schema, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    CHECK(schema == NULL && len == 0);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_json_schema(XXGK_FORMAT_2019, NULL, &len, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
}

/* xxgk_cell_set_text: a cell as a person types it, read as the importer reads a printed cell. */
static void test_cell_set_text(void) {
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    char* json = NULL;
    size_t len = 0;

    CHECK_OK(xxgk_report_new(&r, XXGK_FORMAT_2021, &err), err);
    /* A plain number: no raw text kept, so it encodes as the bare number. */
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.natural_person"), S("12"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.natural_person"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 12 && cell.raw == NULL);
    CHECK_OK(xxgk_report_get_json(r, S("/requests/granted/natural_person"), &json, &len, &err), err);
    CHECK_STR(json, "12");
    xxgk_free(json);
    /* Zero is a number; empty text (and NULL with 0) is a blank, never 0. */
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.natural_person"), S("0"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.natural_person"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 0);
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.natural_person"), NULL, 0, &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.natural_person"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_BLANK && cell.raw == NULL);
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.natural_person"), S(" "), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.natural_person"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_BLANK && cell.raw == NULL);
    /* Thousands separators and full-width digits: a number, the printed text kept. */
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.enterprise"), S("1,234"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.enterprise"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 1234);
    CHECK_STR(cell.raw, "1,234");
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.enterprise"), S("\xef\xbc\x93"), &err), err); /* full-width 3 */
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.enterprise"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 3);
    /* Not applicable in its three spellings; anything else is text. */
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.research_institute"), S("不适用"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.research_institute"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NOT_APPLICABLE);
    CHECK_STR(cell.raw, "不适用");
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.research_institute"), S("/"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.research_institute"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NOT_APPLICABLE);
    CHECK_OK(xxgk_cell_set_text(r, S("requests.granted.research_institute"), S("若干"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("requests.granted.research_institute"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_TEXT);
    CHECK_STR(cell.raw, "若干");
    /* Money in 万元 (2021 fees: the column fixes the unit) and the exact decimal. */
    CHECK_OK(xxgk_cell_set_text(r, S("proactive.fees.amount"), S("17424.88"), &err), err);
    CHECK_OK(xxgk_cell_get(r, S("proactive.fees.amount"), &cell, &err), err);
    CHECK(cell.state == XXGK_CELL_NUMBER && cell.coefficient == 1742488 && cell.scale == 2);
    /* Errors: a key of no cell, invalid UTF-8, NULL. */
    CHECK_STATUS(xxgk_cell_set_text(r, S("requests.granted.nobody"), S("1"), &err), XXGK_E_UNKNOWN_KEY, err);
    EXPECT_ERROR(err, XXGK_E_UNKNOWN_KEY, "requests.granted.nobody");
    CHECK_STATUS(xxgk_cell_set_text(r, S("requests.granted.total"), S("ab\xc3"), &err), XXGK_E_INVALID_UTF8, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_cell_set_text(NULL, S("requests.granted.total"), S("1"), &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    CHECK_STATUS(xxgk_cell_set_text(r, S("requests.granted.total"), NULL, 1, &err), XXGK_E_INVALID_ARGUMENT, err);
    EXPECT_ERROR(err, XXGK_E_INVALID_ARGUMENT, "");
    xxgk_report_free(r);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    data_dir = argv[1];

    test_versions();
    test_status_names();
    test_null_tolerance();
    test_null_arguments();
    test_struct_versions();
    test_report_new();
    test_round_trips();
    test_cells_csv();
    test_decode_errors();
    test_cells();
    test_cell_set_text();
    test_keys();
    test_fields();
    test_json_subtrees();
    test_validate_cangnan();
    test_validate_sample();
    test_rules();
    test_lifetimes();
    test_render();
    test_csv_tables();
    test_json_schema();

    printf("%d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
