/*
 * load_validate — the C side of the Java overhead benchmark (bench/java/run): decode a report
 * from JSON bytes, validate it, free both, ROUNDS × ITERATIONS times; prints the median
 * nanoseconds of thread CPU time per load+validate over the rounds. With "load": decode and free
 * only.
 *
 *   load_validate REPORT.json ITERATIONS ROUNDS [load]
 */
#define _POSIX_C_SOURCE 199309L
#include <xxgk/xxgk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double thread_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compare(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char** argv) {
    FILE* f;
    char* json;
    long size, iterations, rounds, i, r;
    double* per_call;
    size_t findings = 0;
    int load_only;
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "load") == 0)) {
        fprintf(stderr, "usage: %s REPORT.json ITERATIONS ROUNDS [load]\n", argv[0]);
        return 2;
    }
    load_only = argc == 5;
    iterations = atol(argv[2]);
    rounds = atol(argv[3]);
    f = fopen(argv[1], "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) return 2;
    json = malloc((size_t)size);
    per_call = malloc(sizeof(double) * (size_t)rounds);
    if (!json || !per_call || fread(json, 1, (size_t)size, f) != (size_t)size) return 2;
    fclose(f);
    for (r = 0; r < rounds; ++r) {
        double t0 = thread_ns();
        for (i = 0; i < iterations; ++i) {
            xxgk_report* report = NULL;
            xxgk_issues* issues = NULL;
            if (xxgk_report_from_json(&report, json, (size_t)size, NULL, NULL) != XXGK_OK) return 2;
            if (load_only) {
                xxgk_report_free(report);
                continue;
            }
            if (xxgk_report_validate(report, NULL, &issues, NULL) != XXGK_OK) return 2;
            findings += xxgk_issues_count(issues);
            xxgk_issues_free(issues);
            xxgk_report_free(report);
        }
        per_call[r] = (thread_ns() - t0) / (double)iterations;
    }
    qsort(per_call, (size_t)rounds, sizeof(double), compare);
    printf("%.0f\n", per_call[rounds / 2]);
    fprintf(stderr, "C: %lu findings in all\n", (unsigned long)findings);
    free(json);
    free(per_call);
    return 0;
}
