/*
 * c_multi_test — the many-report functions of the C ABI (include/xxgk/xxgk.h, "Many reports";
 * docs/multi.md): xxgk_aggregate with its provenance, xxgk_check_aggregate, xxgk_validate_series,
 * xxgk_check_narrative, and their error paths.
 *
 *   xxgk_c_multi_test DATA_DIR     (DATA_DIR = examples/data)
 */
#include <xxgk/xxgk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h" /* CHECK, CHECK_STR, CHECK_STATUS, CHECK_OK, S */

static const char* data_dir = ".";

static xxgk_report* unit(int format, const char* body, const char* year) {
    xxgk_report* r = NULL;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_report_new(&r, format, &err), err);
    CHECK_OK(xxgk_field_set(r, S("header.body"), body, strlen(body), &err), err);
    CHECK_OK(xxgk_field_set(r, S("header.year"), year, strlen(year), &err), err);
    xxgk_error_free(err);
    return r;
}

static void set(xxgk_report* r, const char* key, long long value) {
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_cell_set_integer(r, key, strlen(key), value, &err), err);
    xxgk_error_free(err);
}

/* Index of `key` in the key order of `format`. */
static size_t key_index(int format, const char* key) {
    xxgk_key_info info = XXGK_KEY_INFO_INIT;
    xxgk_error* err = NULL;
    CHECK_OK(xxgk_key_find(format, key, strlen(key), &info, &err), err);
    xxgk_error_free(err);
    return info.index;
}

static void test_aggregate(void) {
    xxgk_report* parts[3];
    xxgk_report* sum = NULL;
    xxgk_sources* sources = NULL;
    xxgk_error* err = NULL;
    xxgk_cell c = XXGK_CELL_INIT;
    size_t i;
    parts[0] = unit(XXGK_FORMAT_2019, "甲局", "2020");
    parts[1] = unit(XXGK_FORMAT_2019, "乙镇", "2020");
    parts[2] = unit(XXGK_FORMAT_2019, "丙街道", "2020");
    set(parts[0], "requests.granted.natural_person", 3);
    set(parts[2], "requests.granted.natural_person", 4);

    CHECK_OK(xxgk_aggregate((const xxgk_report* const*)parts, 3, &sum, &sources, &err), err);
    CHECK(sum != NULL && sources != NULL);
    CHECK(xxgk_report_format(sum) == XXGK_FORMAT_2019);
    CHECK_OK(xxgk_cell_get(sum, S("requests.granted.natural_person"), &c, &err), err);
    CHECK(c.state == XXGK_CELL_NUMBER && c.coefficient == 7 && c.scale == 0);
    CHECK_OK(xxgk_cell_get(sum, S("requests.granted.enterprise"), &c, &err), err);
    CHECK(c.state == XXGK_CELL_BLANK); /* all blank stays blank */
    {
        char* year = NULL;
        CHECK_OK(xxgk_field_get(sum, S("header.year"), &year, NULL, &err), err);
        CHECK_STR(year, "2020");
        xxgk_free(year);
    }
    CHECK(xxgk_sources_count(sources) == xxgk_key_count(XXGK_FORMAT_2019));
    i = key_index(XXGK_FORMAT_2019, "requests.granted.natural_person");
    CHECK_STR(xxgk_sources_key(sources, i, NULL), "requests.granted.natural_person");
    CHECK(xxgk_sources_part_count(sources, i, XXGK_SOURCE_SUMMED) == 2);
    CHECK(xxgk_sources_part_at(sources, i, XXGK_SOURCE_SUMMED, 0) == 0);
    CHECK(xxgk_sources_part_at(sources, i, XXGK_SOURCE_SUMMED, 1) == 2);
    CHECK(xxgk_sources_part_count(sources, i, XXGK_SOURCE_BLANK) == 1);
    CHECK(xxgk_sources_part_at(sources, i, XXGK_SOURCE_BLANK, 0) == 1);
    CHECK(xxgk_sources_part_count(sources, i, XXGK_SOURCE_UNKNOWN) == 0);
    CHECK(xxgk_sources_part_at(sources, i, XXGK_SOURCE_UNKNOWN, 0) == (size_t)-1);
    CHECK(xxgk_sources_part_count(sources, i, 7) == 0);
    CHECK(xxgk_sources_key(sources, 100000, NULL) == NULL);
    CHECK(xxgk_sources_count(NULL) == 0);

    /* the reverse check: the sum checks clean; a changed cell is XXGK-A-001 */
    {
        xxgk_issues* issues = NULL;
        CHECK_OK(xxgk_check_aggregate(sum, (const xxgk_report* const*)parts, 3, &issues, &err), err);
        CHECK(xxgk_issues_count(issues) == 0);
        xxgk_issues_free(issues);
        set(sum, "requests.granted.natural_person", 6); /* below 3 + 4: no blank part can close that gap */
        CHECK_OK(xxgk_check_aggregate(sum, (const xxgk_report* const*)parts, 3, &issues, &err), err);
        CHECK(xxgk_issues_count(issues) == 1);
        CHECK_STR(xxgk_issues_code(issues, 0, NULL), "XXGK-A-001");
        CHECK_STR(xxgk_issues_key(issues, 0, NULL), "requests.granted.natural_person");
        CHECK_STR(xxgk_issues_expected(issues, 0, NULL), "≥ 7"); /* part 1 is blank: only a lower bound is known */
        CHECK_STR(xxgk_issues_actual(issues, 0, NULL), "6");
        CHECK(xxgk_issues_cell_count(issues, 0) == 3);
        CHECK_STR(xxgk_issues_cell_at(issues, 0, 2, NULL), "requests.granted.natural_person@parts/2");
        CHECK(xxgk_issues_error_count(issues) == 1);
        xxgk_issues_free(issues);
    }
    xxgk_sources_free(sources);
    xxgk_report_free(sum);

    /* provenance is optional */
    sum = NULL;
    CHECK_OK(xxgk_aggregate((const xxgk_report* const*)parts, 3, &sum, NULL, &err), err);
    CHECK(sum != NULL);
    xxgk_report_free(sum);

    /* errors: another year, another format, NULLs, nothing to sum */
    {
        xxgk_report* other = unit(XXGK_FORMAT_2019, "丁镇", "2019");
        xxgk_report* newer = unit(XXGK_FORMAT_2021, "戊镇", "2021");
        const xxgk_report* mixed[2];
        mixed[0] = parts[0];
        mixed[1] = other;
        sum = NULL;
        CHECK_STATUS(xxgk_aggregate(mixed, 2, &sum, &sources, &err), XXGK_E_INVALID_VALUE, err);
        CHECK(sum == NULL && sources == NULL);
        CHECK_STR(xxgk_error_location(err, NULL), "/1");
        CHECK(strstr(xxgk_error_message(err, NULL), "丁镇") != NULL);
        xxgk_error_free(err);
        err = NULL;
        mixed[1] = newer;
        CHECK_STATUS(xxgk_aggregate(mixed, 2, &sum, NULL, &err), XXGK_E_WRONG_FORMAT, err);
        xxgk_error_free(err);
        err = NULL;
        mixed[1] = NULL;
        CHECK_STATUS(xxgk_aggregate(mixed, 2, &sum, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
        xxgk_error_free(err);
        err = NULL;
        CHECK_STATUS(xxgk_aggregate(NULL, 2, &sum, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
        xxgk_error_free(err);
        err = NULL;
        CHECK_STATUS(xxgk_aggregate(NULL, 0, &sum, NULL, &err), XXGK_E_INVALID_VALUE, err);
        xxgk_error_free(err);
        err = NULL;
        CHECK_STATUS(xxgk_aggregate((const xxgk_report* const*)parts, 3, NULL, NULL, &err), XXGK_E_INVALID_ARGUMENT,
                     err);
        xxgk_error_free(err);
        err = NULL;
        {
            xxgk_issues* none = NULL;
            CHECK_STATUS(xxgk_check_aggregate(newer, (const xxgk_report* const*)parts, 3, &none, &err),
                         XXGK_E_WRONG_FORMAT, err);
            CHECK(none == NULL);
        }
        xxgk_error_free(err);
        err = NULL;
        xxgk_report_free(other);
        xxgk_report_free(newer);
    }
    for (i = 0; i < 3; ++i) xxgk_report_free(parts[i]);
    xxgk_sources_free(NULL);
}

static void test_series(void) {
    xxgk_report* years[2];
    xxgk_issues* issues = NULL;
    xxgk_error* err = NULL;
    years[0] = unit(XXGK_FORMAT_2019, "测试县人民政府", "2020");
    years[1] = unit(XXGK_FORMAT_2021, "测试县人民政府", "2021");
    set(years[0], "requests.carried_forward.total", 12);
    set(years[1], "requests.carried_over.total", 6);
    CHECK_OK(xxgk_validate_series((const xxgk_report* const*)years, 2, &issues, &err), err);
    CHECK(xxgk_issues_count(issues) == 1);
    CHECK_STR(xxgk_issues_code(issues, 0, NULL), "XXGK-Y-001");
    CHECK_STR(xxgk_issues_rule(issues, 0, NULL), "R8");
    CHECK(xxgk_issues_severity(issues, 0) == XXGK_SEVERITY_WARNING);
    CHECK_STR(xxgk_issues_cell_at(issues, 0, 0, NULL), "requests.carried_over.total@2021");
    CHECK_STR(xxgk_issues_cell_at(issues, 0, 1, NULL), "requests.carried_forward.total@2020");
    xxgk_issues_free(issues);
    issues = NULL;

    CHECK_OK(xxgk_field_set(years[1], S("header.body"), S("另一县人民政府"), &err), err);
    CHECK_STATUS(xxgk_validate_series((const xxgk_report* const*)years, 2, &issues, &err), XXGK_E_INVALID_VALUE, err);
    CHECK(issues == NULL);
    CHECK_STR(xxgk_error_location(err, NULL), "/1");
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_validate_series((const xxgk_report* const*)years, 2, NULL, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    xxgk_report_free(years[0]);
    xxgk_report_free(years[1]);
}

static void test_narrative(void) {
    char path[4096];
    xxgk_report* seed = NULL;
    xxgk_issues* issues = NULL;
    xxgk_error* err = NULL;
    snprintf(path, sizeof path, "%s/cangnan-2020.json", data_dir);
    CHECK_OK(xxgk_report_from_file(&seed, path, NULL, &err), err);
    CHECK_OK(xxgk_check_narrative(seed, &issues, &err), err);
    CHECK(xxgk_issues_count(issues) == 1);
    CHECK_STR(xxgk_issues_code(issues, 0, NULL), "XXGK-N-006");
    CHECK(xxgk_issues_severity(issues, 0) == XXGK_SEVERITY_WARNING);
    CHECK_STR(xxgk_issues_expected(issues, 0, NULL), "45");
    CHECK_STR(xxgk_issues_actual(issues, 0, NULL), "38");
    CHECK_STR(xxgk_issues_pointer(issues, 0, NULL), "/overview/subsections/2/paragraphs/0");
    xxgk_issues_free(issues);
    CHECK_STATUS(xxgk_check_narrative(NULL, &issues, &err), XXGK_E_INVALID_ARGUMENT, err);
    xxgk_error_free(err);
    xxgk_report_free(seed);
}

int main(int argc, char** argv) {
    if (argc > 1) data_dir = argv[1];
    test_aggregate();
    test_series();
    test_narrative();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
