/* A C host that uses the C ABI (libxxgk.so, xxgk.h) the way a user's project does. The packaging
 * tests build it against an installed xxgk with pkg-config (xxgk.pc) and with CMake (xxgk::c), and
 * check that it prints what consumer.cpp prints. C89. */
#include <xxgk/xxgk.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    xxgk_report* report = NULL;
    xxgk_issues* issues = NULL;
    xxgk_cell total = XXGK_CELL_INIT;
    const char* key = "requests.total.total";
    int rc = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: consumer_c REPORT.json\n");
        return 2;
    }
    /* The header found and the library linked must come from the same release. */
    if (strcmp(xxgk_version_string(), XXGK_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s but library %s\n", XXGK_VERSION_STRING, xxgk_version_string());
        return 3;
    }
    if (xxgk_report_from_file(&report, argv[1], NULL, NULL) != XXGK_OK ||
        xxgk_report_validate(report, NULL, &issues, NULL) != XXGK_OK ||
        xxgk_cell_get(report, key, strlen(key), &total, NULL) != XXGK_OK) {
        fprintf(stderr, "consumer_c: %s could not be read and validated\n", argv[1]);
        rc = 2;
    } else {
        printf("xxgk %s: %lu errors; %s = %s\n", xxgk_version_string(), (unsigned long)xxgk_issues_error_count(issues),
               key, total.state == XXGK_CELL_NUMBER ? total.value_text : "blank");
    }
    xxgk_issues_free(issues);
    xxgk_report_free(report);
    return rc;
}
