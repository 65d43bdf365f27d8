/*
 * c_api_limits_test — the limits of docs/security.md through the C ABI, from plain C:
 * xxgk_load_options version 2 (max_string_bytes, max_problems), the depth cap, and
 * xxgk_validate_options version 2 (max_findings, XXGK-L-001); a version-1 struct's missing
 * members are never read. Every error object is freed (LeakSanitizer / valgrind check that).
 *
 *   c_api_limits_test <tests/data directory> <examples/data directory>
 */
#include "../c/check.h"

static const char* location(const xxgk_error* err) {
    size_t len = 0;
    const char* s = xxgk_error_location(err, &len);
    return s ? s : "(null)";
}

static void test_load_limits(const char* json, size_t json_len) {
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    xxgk_problem p = XXGK_PROBLEM_INIT;
    char* deep;
    size_t i, n;

    CHECK(o.version == 2);

    /* max_string_bytes: the body 某县人民政府 has 18 bytes; every member name has at most 27 */
    o.max_string_bytes = 17;
    CHECK(xxgk_report_from_json(&r, json, json_len, &o, &err) == XXGK_E_LIMIT_EXCEEDED);
    CHECK(r == NULL);
    CHECK(strcmp(location(err), "/header/body") == 0);
    CHECK(xxgk_error_count(err) == 1);
    CHECK(xxgk_error_offset(err) != XXGK_NO_OFFSET && xxgk_error_line(err) == 4); /* "body" is on line 4 */
    xxgk_error_free(err);
    err = NULL;
    o.max_string_bytes = 27;
    CHECK(xxgk_report_from_json(&r, json, json_len, &o, &err) == XXGK_OK);
    xxgk_report_free(r);
    r = NULL;

    /* max_problems: four problems, two kept, then the note that the list was cut */
    o.max_string_bytes = 0;
    o.max_problems = 2;
    {
        static const char bad[] =
            "{\"format\":\"2019\",\"header\":{\"body\":1,\"year\":\"x\",\"scope\":2,\"level\":3}}";
        CHECK(xxgk_report_from_json(&r, bad, sizeof bad - 1, &o, &err) == XXGK_E_WRONG_TYPE);
        n = xxgk_error_count(err);
        CHECK(n == 3);
        CHECK(xxgk_error_problem_at(err, n - 1, &p) == XXGK_OK);
        CHECK(p.status == XXGK_E_LIMIT_EXCEEDED && p.pointer_len == 0);
        xxgk_error_free(err);
        err = NULL;
    }

    /* a version-1 caller allocated only the members of version 1: what follows is not its own
       and must not be read (here: values that would refuse every string and every problem) */
    {
        xxgk_load_options v1 = XXGK_LOAD_OPTIONS_INIT;
        v1.version = 1;
        v1.max_string_bytes = 1;
        v1.max_problems = 1;
        CHECK(xxgk_report_from_json(&r, json, json_len, &v1, &err) == XXGK_OK);
        xxgk_report_free(r);
        r = NULL;
    }

    /* max_depth is capped at 1000: 5000 levels with a limit of 100000 are refused, not a crash */
    deep = malloc(10001);
    if (!deep) exit(2);
    for (i = 0; i < 5000; ++i) deep[i] = '[';
    for (i = 0; i < 5000; ++i) deep[5000 + i] = ']';
    o = (xxgk_load_options)XXGK_LOAD_OPTIONS_INIT;
    o.max_depth = 100000;
    CHECK(xxgk_report_from_json(&r, deep, 10000, &o, &err) == XXGK_E_LIMIT_EXCEEDED);
    CHECK(xxgk_error_offset(err) == 1000);
    xxgk_error_free(err);
    err = NULL;
    free(deep);
}

static void test_max_findings(const char* json, size_t json_len) {
    xxgk_report* r = NULL;
    xxgk_issues *all = NULL, *cut = NULL;
    xxgk_error* err = NULL;
    xxgk_validate_options o = XXGK_VALIDATE_OPTIONS_INIT;
    size_t len = 0;
    const char* code;

    CHECK(xxgk_report_from_json(&r, json, json_len, NULL, &err) == XXGK_OK);
    CHECK(xxgk_report_validate(r, NULL, &all, &err) == XXGK_OK);
    CHECK(xxgk_issues_count(all) == 2); /* 苍南县 2020: one root, one consequence */

    CHECK(o.version == 2);
    o.max_findings = 1;
    CHECK(xxgk_report_validate(r, &o, &cut, &err) == XXGK_OK);
    CHECK(xxgk_issues_count(cut) == 2);
    code = xxgk_issues_code(cut, 1, &len);
    CHECK(code && strcmp(code, "XXGK-L-001") == 0);
    CHECK(strcmp(xxgk_issues_expected(cut, 1, &len), "1") == 0);
    CHECK(strcmp(xxgk_issues_actual(cut, 1, &len), "2") == 0);
    CHECK(xxgk_issues_severity(cut, 1) == XXGK_SEVERITY_WARNING);
    CHECK(strcmp(xxgk_issues_code(cut, 0, &len), xxgk_issues_code(all, 0, &len)) == 0);
    xxgk_issues_free(cut);
    cut = NULL;

    /* version 1: max_findings is not read */
    o.version = 1;
    o.max_findings = 1;
    CHECK(xxgk_report_validate(r, &o, &cut, &err) == XXGK_OK);
    CHECK(xxgk_issues_count(cut) == 2);
    CHECK(strcmp(xxgk_issues_code(cut, 1, &len), "XXGK-L-001") != 0);
    xxgk_issues_free(cut);
    xxgk_issues_free(all);
    xxgk_report_free(r);
}

int main(int argc, char** argv) {
    size_t minimal_len = 0, cangnan_len = 0;
    char *minimal, *cangnan;
    if (argc < 3) {
        fprintf(stderr, "usage: %s <tests/data> <examples/data>\n", argv[0]);
        return 2;
    }
    minimal = check_read_file(argv[1], "json/valid/minimal-2019.json", &minimal_len);
    cangnan = check_read_file(argv[2], "cangnan-2020.json", &cangnan_len);
    test_load_limits(minimal, minimal_len);
    test_max_findings(cangnan, cangnan_len);
    free(minimal);
    free(cangnan);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
