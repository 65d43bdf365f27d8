/*
 * c_portal_test — the portal functions of the C ABI (include/xxgk/xxgk.h § Portal files), from
 * plain C: load, recognise, serialise, address by JSON Pointer, validate, render, CSV, schema,
 * and their error paths.
 *
 *   xxgk_c_portal_test DATA_DIR     (DATA_DIR = examples/data)
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void load_example(const char* dir, xxgk_portal** out) {
    char path[4096];
    xxgk_error* err = NULL;
    snprintf(path, sizeof path, "%s/cangnan-portal.json", dir);
    CHECK(xxgk_portal_from_file(out, path, NULL, &err) == XXGK_OK);
    if (err) {
        fprintf(stderr, "%s\n", xxgk_error_message(err, NULL));
        xxgk_error_free(err);
    }
}

static void test_load_and_json(const char* dir) {
    xxgk_portal *p = NULL, *back = NULL;
    xxgk_error* err = NULL;
    char *json = NULL, *again = NULL, *value = NULL;
    size_t len = 0, again_len = 0;
    load_example(dir, &p);
    if (!p) return;
    CHECK(xxgk_portal_to_json(p, &json, &len, &err) == XXGK_OK);
    CHECK(json != NULL && strncmp(json, "{\"kind\":\"portal\",", 17) == 0);
    CHECK(xxgk_is_portal_json(json, len) == 1);
    CHECK(xxgk_is_portal_json(S("{\"format\":\"2021\"}")) == 0);
    CHECK(xxgk_is_portal_json(NULL, 0) == 0);
    CHECK(xxgk_portal_from_json(&back, json, len, NULL, &err) == XXGK_OK);
    CHECK(xxgk_portal_to_json(back, &again, &again_len, &err) == XXGK_OK);
    CHECK(again_len == len && again && memcmp(json, again, len) == 0);

    CHECK(xxgk_portal_get_json(p, S("/catalogs/0/sections/8/label"), &value, NULL, &err) == XXGK_OK);
    CHECK_STR(value, "\"就业领域\"");
    xxgk_free(value);
    CHECK(xxgk_portal_get_json(p, S("/catalogs/0/sections/8/domain"), &value, NULL, &err) == XXGK_OK);
    CHECK_STR(value, "\"employment\"");
    xxgk_free(value);
    CHECK(xxgk_portal_get_json(p, S("/items/0/index_number"), &value, NULL, &err) == XXGK_OK);
    CHECK_STR(value, "\"11/2020-27943\"");
    xxgk_free(value);
    value = NULL;
    CHECK(xxgk_portal_get_json(p, S("/items/7"), &value, NULL, &err) == XXGK_E_NOT_FOUND);
    CHECK(value == NULL && err != NULL);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_get_json(p, S("items"), &value, NULL, &err) == XXGK_E_INVALID_ARGUMENT);
    xxgk_error_free(err);
    err = NULL;

    xxgk_free(json);
    xxgk_free(again);
    xxgk_portal_free(back);
    xxgk_portal_free(p);
    xxgk_portal_free(NULL);
}

static void test_errors(void) {
    xxgk_portal* p = NULL;
    xxgk_error* err = NULL;
    xxgk_problem prob = XXGK_PROBLEM_INIT;
    CHECK(xxgk_portal_from_json(
              &p, S("{\"kind\":\"portal\",\"items\":[{\"id\":\"i1\",\"title\":\"t\",\"view_count\":\"3\"}]}"), NULL,
              &err) == XXGK_E_WRONG_TYPE);
    CHECK(p == NULL);
    CHECK_STR(xxgk_error_location(err, NULL), "/items/0/view_count");
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_from_json(&p, S("{\"kind\":\"portal\",\"departments\":[{}]}"), NULL, &err) ==
          XXGK_E_MISSING_MEMBER);
    CHECK(xxgk_error_count(err) == 2);
    CHECK(xxgk_error_problem_at(err, 1, &prob) == XXGK_OK);
    CHECK(prob.status == XXGK_E_MISSING_MEMBER);
    CHECK(prob.pointer != NULL && strcmp(prob.pointer, "/departments/0/name") == 0);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_from_json(&p, S("{\"kind\":\"portal\",\"name\":\"\xff\"}"), NULL, &err) == XXGK_E_INVALID_UTF8);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_from_json(&p, NULL, 0, NULL, &err) == XXGK_E_INVALID_ARGUMENT);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_from_file(&p, "/nonexistent/portal.json", NULL, &err) == XXGK_E_IO);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_to_json(NULL, NULL, NULL, NULL) == XXGK_E_INVALID_ARGUMENT);
}

static void test_validate_render(const char* dir) {
    xxgk_portal* p = NULL;
    xxgk_error* err = NULL;
    xxgk_issues* issues = NULL;
    xxgk_render_options ro = XXGK_RENDER_OPTIONS_INIT;
    char *out = NULL, *name = NULL, *csv = NULL;
    size_t n = 0, i;
    load_example(dir, &p);
    if (!p) return;
    CHECK(xxgk_portal_validate(p, NULL, &issues, &err) == XXGK_OK);
    CHECK(xxgk_issues_count(issues) == 1);
    CHECK(xxgk_issues_error_count(issues) == 0);
    CHECK_STR(xxgk_issues_code(issues, 0, NULL), "XXGK-P-003");
    CHECK_STR(xxgk_issues_pointer(issues, 0, NULL), "/departments/20");
    CHECK_STR(xxgk_issues_rule(issues, 0, NULL), "portal");
    CHECK(xxgk_issues_severity(issues, 0) == XXGK_SEVERITY_WARNING);

    ro.findings = issues;
    CHECK(xxgk_portal_render(p, XXGK_RENDER_HTML_FRAGMENT, &ro, &out, &n, &err) == XXGK_OK);
    CHECK(out != NULL && strstr(out, "data-code=\"XXGK-P-003\"") != NULL);
    CHECK(out != NULL && strncmp(out, "<article", 8) == 0);
    xxgk_free(out);
    out = NULL;
    CHECK(xxgk_portal_render(p, XXGK_RENDER_MARKDOWN, NULL, &out, &n, &err) == XXGK_E_INVALID_ARGUMENT);
    xxgk_error_free(err);
    err = NULL;

    n = xxgk_portal_csv_table_count(p);
    CHECK(n == 7);
    for (i = 0; i < n; ++i) {
        CHECK(xxgk_portal_csv_table(p, i, &name, NULL, &csv, NULL, &err) == XXGK_OK);
        if (i == 0) {
            CHECK_STR(name, "departments");
            CHECK(csv != NULL && strncmp(csv, "id,name,full_name,link,position\n", 32) == 0);
        }
        xxgk_free(name);
        xxgk_free(csv);
    }
    CHECK(xxgk_portal_csv_table(p, n, &name, NULL, &csv, NULL, &err) == XXGK_E_NOT_FOUND);
    xxgk_error_free(err);
    err = NULL;
    CHECK(xxgk_portal_csv_table_count(NULL) == 0);

    CHECK(xxgk_portal_json_schema(&out, &n, &err) == XXGK_OK);
    CHECK(out != NULL && strstr(out, "\"urn:xxgk:schema:portal\"") != NULL);
    xxgk_free(out);

    xxgk_issues_free(issues);
    xxgk_portal_free(p);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    test_load_and_json(argv[1]);
    test_errors();
    test_validate_render(argv[1]);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
