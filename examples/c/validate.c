/*
 * validate — check a report file against the rules of its format and print every finding.
 *
 *   example_c_validate REPORT.json [en]
 *
 * Exit status: 0 no error (warnings and infos may be printed), 1 the report has errors,
 * 2 the file could not be read or decoded (every problem is printed with its JSON Pointer).
 *
 * Plain C89: the whole program uses only xxgk.h and libxxgk.so.
 */
#include <xxgk/xxgk.h>

#include <stdio.h>
#include <string.h>

static const char* severity_name(int severity) {
    switch (severity) {
        case XXGK_SEVERITY_ERROR: return "error";
        case XXGK_SEVERITY_WARNING: return "warning";
        case XXGK_SEVERITY_INFO: return "info";
        default: return "?";
    }
}

/* Prints a failed call: its status, then every problem with its location. */
static void print_error(const char* what, xxgk_status status, const xxgk_error* err) {
    size_t i, count = xxgk_error_count(err);
    fprintf(stderr, "%s: %s\n", what, xxgk_status_name(status));
    for (i = 0; i < count; ++i) {
        xxgk_problem p = XXGK_PROBLEM_INIT;
        if (xxgk_error_problem_at(err, i, &p) != XXGK_OK) break;
        fprintf(stderr, "  %s at '%s'", xxgk_status_name(p.status), p.pointer);
        if (p.line != 0) fprintf(stderr, " (line %lu, column %lu)", (unsigned long)p.line, (unsigned long)p.column);
        fprintf(stderr, ": %s\n", p.message);
    }
}

int main(int argc, char** argv) {
    xxgk_report* report = NULL;
    xxgk_issues* issues = NULL;
    xxgk_error* err = NULL;
    xxgk_status status;
    int lang = XXGK_LANG_ZH;
    size_t i, count;
    int exit_code;

    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "en") != 0)) {
        fprintf(stderr, "usage: %s REPORT.json [en]\n", argv[0]);
        return 2;
    }
    if (argc == 3) lang = XXGK_LANG_EN;

    /* NULL options: strict decoding with the default limits. */
    status = xxgk_report_from_file(&report, argv[1], NULL, &err);
    if (status != XXGK_OK) {
        print_error(argv[1], status, err);
        xxgk_error_free(err);
        return 2;
    }

    status = xxgk_report_validate(report, NULL, &issues, &err);
    if (status != XXGK_OK) {
        print_error("validate", status, err);
        xxgk_error_free(err);
        xxgk_report_free(report);
        return 2;
    }

    count = xxgk_issues_count(issues);
    for (i = 0; i < count; ++i) {
        /* Borrowed strings: valid until xxgk_issues_free. */
        const char* key = xxgk_issues_key(issues, i, NULL);
        printf("%s %s %s\n    %s\n", severity_name(xxgk_issues_severity(issues, i)), xxgk_issues_code(issues, i, NULL),
               key[0] != '\0' ? key : xxgk_issues_pointer(issues, i, NULL), xxgk_issues_message(issues, i, lang, NULL));
    }
    printf("%lu errors, %lu findings (%d format)\n", (unsigned long)xxgk_issues_error_count(issues),
           (unsigned long)count, xxgk_report_format(report));

    exit_code = xxgk_issues_error_count(issues) > 0 ? 1 : 0;
    xxgk_issues_free(issues);
    xxgk_report_free(report);
    return exit_code;
}
