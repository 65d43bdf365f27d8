/*
 * c_api_misuse_test — handle misuse is detected, not crashed on (xxgk.h, MISUSE; docs/c-api.md,
 * "Misuse"): double frees of every kind of handle and of buffers, use after free, a handle passed
 * as another type, xxgk_free of strings the library never handed out (static, borrowed) or of
 * the host's own memory. Run also under AddressSanitizer and valgrind (scripts/run-sanitizers):
 * freed handles keep a small tagged shell in a quarantine, and buffers are checked against the set
 * the library handed out, so none of these calls touches freed memory.
 *
 *   xxgk_c_api_misuse_test DATA_DIR
 */
#include "check.h"

static const char* data_dir;

/* Checks that `err` is a misuse error whose message contains `words`, and frees it. */
static void expect_misuse(int line, xxgk_error** err, const char* words) {
    const char* m = xxgk_error_message(*err, NULL);
    ++checks;
    if (xxgk_error_status(*err) != XXGK_E_MISUSE || m == NULL || strstr(m, words) == NULL) {
        fprintf(stderr, "%s:%d: expected a misuse error mentioning \"%s\", got %s: %s\n", __FILE__, line, words,
                xxgk_status_name(xxgk_error_status(*err)), m ? m : "(no message)");
        ++failures;
    }
    xxgk_error_free(*err);
    *err = NULL;
}
#define EXPECT_MISUSE(err, words) expect_misuse(__LINE__, &(err), (words))

static xxgk_report* load_example(void) {
    size_t len = 0;
    char* json = check_read_file(data_dir, "sample-2021.json", &len);
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_report_from_json(&r, json, len, NULL, &err), err);
    free(json);
    if (!r) exit(2);
    return r;
}

static void test_reports(void) {
    xxgk_report* r = load_example();
    xxgk_report* c = NULL;
    xxgk_error* err = NULL;
    xxgk_issues* issues = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    char* out = NULL;
    size_t len = 7;

    CHECK_OK(xxgk_report_clone(r, &c, &err), err);
    xxgk_report_free(r);
    /* Every function given the freed report: a misuse error, the NULL answer, never a crash. */
    CHECK_STATUS(xxgk_report_to_json(r, &out, &len, &err), XXGK_E_MISUSE, err);
    CHECK(out == NULL && len == 0);
    EXPECT_MISUSE(err, "already freed");
    CHECK_STATUS(xxgk_cell_get(r, S("requests.granted.total"), &cell, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "xxgk_report that was already freed");
    CHECK_STATUS(xxgk_cell_set_integer(r, S("requests.granted.total"), 1, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "already freed");
    CHECK_STATUS(xxgk_report_validate(r, NULL, &issues, &err), XXGK_E_MISUSE, err);
    CHECK(issues == NULL);
    EXPECT_MISUSE(err, "already freed");
    {
        xxgk_report* c2 = NULL;
        CHECK_STATUS(xxgk_report_clone(r, &c2, &err), XXGK_E_MISUSE, err);
        CHECK(c2 == NULL);
        EXPECT_MISUSE(err, "already freed");
    }
    CHECK(xxgk_report_format(r) == 0);
    CHECK(xxgk_report_equal(r, r) == 0);
    /* The status-only form (err NULL) says the same. */
    CHECK(xxgk_report_render(r, XXGK_RENDER_MARKDOWN, NULL, &out, NULL, NULL) == XXGK_E_MISUSE);
    xxgk_report_free(r); /* double free: ignored */
    xxgk_report_free(r);

    /* The clone is untouched by all of this. */
    CHECK(xxgk_report_format(c) == XXGK_FORMAT_2021);
    CHECK_OK(xxgk_report_to_json(c, &out, &len, &err), err);
    CHECK(out != NULL && len > 100);
    xxgk_free(out);
    xxgk_report_free(c);
}

static void test_errors(void) {
    xxgk_report* r = NULL;
    xxgk_error *err = NULL, *err2 = NULL;
    xxgk_problem p = XXGK_PROBLEM_INIT;
    char* out = NULL;
    CHECK_STATUS(xxgk_report_from_json(&r, S("{"), NULL, &err), XXGK_E_INVALID_JSON, err);
    xxgk_error_free(err);
    CHECK(xxgk_error_status(err) == XXGK_E_MISUSE);
    CHECK(xxgk_error_message(err, NULL) == NULL);
    CHECK(xxgk_error_location(err, NULL) == NULL);
    CHECK(xxgk_error_count(err) == 0);
    CHECK(xxgk_error_offset(err) == XXGK_NO_OFFSET);
    CHECK(xxgk_error_line(err) == 0 && xxgk_error_column(err) == 0);
    CHECK(xxgk_error_problem_at(err, 0, &p) == XXGK_E_MISUSE);
    xxgk_error_free(err); /* double free: ignored */

    /* An error handle given where a report belongs, and the other way round. */
    CHECK_STATUS(xxgk_report_from_json(&r, S("{"), NULL, &err2), XXGK_E_INVALID_JSON, err2);
    CHECK_STATUS(xxgk_report_to_json((const xxgk_report*)err2, &out, NULL, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "is an xxgk_error, not an xxgk_report");
    xxgk_report_free((xxgk_report*)err2); /* wrong type: ignored, the error stays valid */
    CHECK(xxgk_error_status(err2) == XXGK_E_INVALID_JSON);
    xxgk_error_free(err2);
    CHECK(xxgk_error_status(err2) == XXGK_E_MISUSE);
    /* A freed error given where a report belongs. */
    CHECK_STATUS(xxgk_report_to_json((const xxgk_report*)err2, &out, NULL, &err), XXGK_E_MISUSE, err);
    CHECK(out == NULL);
    EXPECT_MISUSE(err, "a freed xxgk_error, not an xxgk_report");
}

static void test_issues(void) {
    xxgk_report* r = load_example();
    xxgk_issues* issues = NULL;
    xxgk_error* err = NULL;
    xxgk_render_options ro = XXGK_RENDER_OPTIONS_INIT;
    char* out = NULL;
    CHECK_OK(xxgk_cell_set_integer(r, S("requests.granted.total"), 999999, &err), err); /* a finding or more */
    CHECK_OK(xxgk_report_validate(r, NULL, &issues, &err), err);
    CHECK(xxgk_issues_count(issues) > 0);

    /* A report handed to xxgk_issues_free, an issues handle to xxgk_report_free: ignored. */
    xxgk_issues_free((xxgk_issues*)r);
    xxgk_report_free((xxgk_report*)issues);
    CHECK(xxgk_report_format(r) == XXGK_FORMAT_2021);
    CHECK(xxgk_issues_count(issues) > 0);
    CHECK(xxgk_issues_count((const xxgk_issues*)r) == 0);
    CHECK(xxgk_issues_code((const xxgk_issues*)r, 0, NULL) == NULL);
    CHECK(xxgk_issues_severity((const xxgk_issues*)r, 0) == -1);
    CHECK_STATUS(xxgk_issues_to_json((const xxgk_issues*)r, &out, NULL, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "is an xxgk_report, not an xxgk_issues");

    xxgk_issues_free(issues);
    CHECK(xxgk_issues_count(issues) == 0);
    CHECK(xxgk_issues_error_count(issues) == 0);
    CHECK(xxgk_issues_code(issues, 0, NULL) == NULL);
    CHECK(xxgk_issues_message(issues, 0, XXGK_LANG_EN, NULL) == NULL);
    CHECK(xxgk_issues_cell_count(issues, 0) == 0);
    CHECK_STATUS(xxgk_issues_to_json(issues, &out, NULL, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "xxgk_issues that was already freed");
    /* Freed findings passed to the renderer to highlight. */
    ro.findings = issues;
    CHECK_STATUS(xxgk_report_render(r, XXGK_RENDER_HTML, &ro, &out, NULL, &err), XXGK_E_MISUSE, err);
    CHECK(out == NULL);
    EXPECT_MISUSE(err, "options->findings");
    xxgk_issues_free(issues); /* double free: ignored */
    xxgk_report_free(r);
}

static void test_buffers(void) {
    xxgk_report* r = load_example();
    xxgk_error* err = NULL;
    char *json = NULL, *mine;
    size_t len = 0;
    char local[16] = "on the stack";
    CHECK_OK(xxgk_report_to_json(r, &json, &len, &err), err);
    xxgk_free(json);
    xxgk_free(json); /* double free: ignored */

    /* Strings the library never handed out as buffers: ignored. */
    xxgk_free((void*)xxgk_version_string());
    xxgk_free((void*)xxgk_status_name(XXGK_E_MISUSE));
    CHECK_STR(xxgk_version_string(), XXGK_VERSION_STRING);
    {
        xxgk_report* none = NULL;
        CHECK_STATUS(xxgk_report_from_json(&none, S("[]"), NULL, &err), XXGK_E_WRONG_TYPE, err);
    }
    xxgk_free((void*)xxgk_error_message(err, NULL)); /* borrowed from the error */
    CHECK(xxgk_error_message(err, NULL) != NULL && strstr(xxgk_error_message(err, NULL), "expected") != NULL);
    xxgk_error_free(err);
    xxgk_free(local);
    CHECK_STR(local, "on the stack");
    mine = malloc(32); /* the host's own memory stays the host's */
    if (!mine) exit(2);
    strcpy(mine, "host");
    xxgk_free(mine);
    CHECK_STR(mine, "host");
    free(mine);

    /* A buffer given where a handle belongs (its first bytes are read as a tag: none). */
    CHECK_OK(xxgk_json_schema(XXGK_FORMAT_2021, &json, &len, &err), err);
    xxgk_report_free((xxgk_report*)json);
    xxgk_issues_free((xxgk_issues*)json);
    xxgk_error_free((xxgk_error*)json);
    CHECK(xxgk_report_format((const xxgk_report*)json) == 0);
    CHECK(xxgk_error_status((const xxgk_error*)json) == XXGK_E_MISUSE);
    {
        char* none = NULL;
        CHECK_STATUS(xxgk_report_to_json((const xxgk_report*)json, &none, NULL, NULL), XXGK_E_MISUSE, NULL);
    }
    CHECK(json[0] == '{');
    xxgk_free(json);
    /* A short buffer too: at least 8 bytes are allocated whatever the length. */
    CHECK_OK(xxgk_field_get(r, S("header.scope"), &json, &len, &err), err);
    xxgk_report_free((xxgk_report*)json);
    xxgk_free(json);
    xxgk_report_free(r);
}

static void test_portal_and_sources(void) {
    xxgk_portal* p = NULL;
    xxgk_report* parts[2] = {NULL, NULL};
    xxgk_report* sum = NULL;
    xxgk_sources* sources = NULL;
    xxgk_error* err = NULL;
    char* out = NULL;
    CHECK_OK(xxgk_portal_from_json(&p, S("{\"kind\":\"portal\"}"), NULL, &err), err);
    xxgk_portal_free(p);
    CHECK_STATUS(xxgk_portal_to_json(p, &out, NULL, &err), XXGK_E_MISUSE, err);
    EXPECT_MISUSE(err, "xxgk_portal that was already freed");
    CHECK(xxgk_portal_csv_table_count(p) == 0);
    xxgk_portal_free(p);

    parts[0] = load_example();
    parts[1] = load_example();
    CHECK_OK(xxgk_aggregate((const xxgk_report* const*)parts, 2, &sum, &sources, &err), err);
    CHECK(xxgk_sources_count(sources) > 0);
    xxgk_sources_free(sources);
    CHECK(xxgk_sources_count(sources) == 0);
    CHECK(xxgk_sources_key(sources, 0, NULL) == NULL);
    CHECK(xxgk_sources_part_at(sources, 0, XXGK_SOURCE_SUMMED, 0) == (size_t)-1);
    xxgk_sources_free(sources);
    xxgk_report_free(sum);
    /* A freed report among the parts: misuse, located at its index. */
    xxgk_report_free(parts[1]);
    CHECK_STATUS(xxgk_aggregate((const xxgk_report* const*)parts, 2, &sum, NULL, &err), XXGK_E_MISUSE, err);
    CHECK(sum == NULL);
    CHECK_STR(xxgk_error_location(err, NULL), "/1");
    EXPECT_MISUSE(err, "parts[1]");
    xxgk_report_free(parts[0]);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: xxgk_c_api_misuse_test DATA_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    CHECK_STR(xxgk_status_name(XXGK_E_MISUSE), "misuse");
    CHECK(XXGK_E_MISUSE == 105);
    test_reports();
    test_errors();
    test_issues();
    test_buffers();
    test_portal_and_sources();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
