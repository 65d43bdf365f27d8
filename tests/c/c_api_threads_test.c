/*
 * c_api_threads_test — the threading contract of xxgk.h, from 8 threads at once:
 *   - each thread loads, changes, validates and serialises its own reports (different reports
 *     are independent);
 *   - all threads read one shared report at the same time (a report may be read from many
 *     threads), and share one issues handle (immutable);
 *   - errors are per call: a thread's failures never show up in another thread.
 *
 *   xxgk_c_api_threads_test DATA_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include "check.h"

#include <pthread.h>

#define THREADS 8
#define ROUNDS 25

static char *cangnan_json, *sample_json, *shared_json;
static size_t cangnan_len, sample_len;
static const xxgk_report* shared_report;
static const xxgk_issues* shared_issues;
static size_t shared_issue_count;

struct job {
    int id;
    int failures;
};

#define FAIL(job, ...)                                                                                                 \
    do {                                                                                                               \
        fprintf(stderr, "thread %d: ", (job)->id);                                                                     \
        fprintf(stderr, __VA_ARGS__);                                                                                  \
        fputc('\n', stderr);                                                                                           \
        ++(job)->failures;                                                                                             \
    } while (0)

/* Own work: the even threads take the 2019 report, the odd ones the 2021 report; every thread
 * writes its own value into a cell and checks that validation sees exactly its own value. */
static void own_report(struct job* job, int round) {
    const int cangnan = job->id % 2 == 0;
    xxgk_report* r = NULL;
    xxgk_issues* issues = NULL;
    xxgk_error* err = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    const char* key = "review_litigation.review.upheld";
    const xxgk_int64 mine = 1000 * (job->id + 1) + round; /* never the printed value */
    char* json = NULL;
    size_t len = 0;
    size_t errors_before;

    if (xxgk_report_from_json(&r, cangnan ? cangnan_json : sample_json, cangnan ? cangnan_len : sample_len, NULL,
                              &err) != XXGK_OK) {
        FAIL(job, "load: %s", xxgk_error_message(err, NULL));
        xxgk_error_free(err);
        return;
    }
    if (xxgk_report_validate(r, NULL, &issues, &err) != XXGK_OK) FAIL(job, "validate");
    errors_before = xxgk_issues_error_count(issues);
    if (errors_before != (cangnan ? 1u : 0u)) FAIL(job, "%lu errors before", (unsigned long)errors_before);
    xxgk_issues_free(issues);

    /* Fix the cangnan blank; break the sample's 四 table. */
    if (cangnan) {
        if (xxgk_cell_set_integer(r, "requests.withheld_prohibited_by_law.total", 41, 2, &err) != XXGK_OK)
            FAIL(job, "set");
    }
    if (xxgk_cell_set_integer(r, key, strlen(key), mine, &err) != XXGK_OK) FAIL(job, "set own value");
    if (xxgk_cell_get(r, key, strlen(key), &cell, &err) != XXGK_OK || cell.coefficient != mine)
        FAIL(job, "read back %lld, expected %lld", (long long)cell.coefficient, (long long)mine);
    if (xxgk_report_validate(r, NULL, &issues, &err) != XXGK_OK) FAIL(job, "validate after change");
    /* upheld no longer adds up to review.total: an R2-like error in 四, which names our value. */
    if (xxgk_issues_error_count(issues) < 1) FAIL(job, "the changed report has no error");
    {
        size_t i, n = xxgk_issues_count(issues);
        char expected[32];
        int named = 0;
        snprintf(expected, sizeof expected, "%lld", (long long)mine);
        for (i = 0; i < n; ++i) {
            const char* actual = xxgk_issues_actual(issues, i, NULL);
            const char* issue_key = xxgk_issues_key(issues, i, NULL);
            if (strcmp(actual, expected) == 0 || (strstr(issue_key, "review_litigation.review") != NULL)) named = 1;
        }
        if (!named) FAIL(job, "no finding about review_litigation.review");
    }
    xxgk_issues_free(issues);

    /* A failing call in this thread gives this thread's error. */
    if (xxgk_cell_get(r, "nope", 4, &cell, &err) != XXGK_E_UNKNOWN_KEY || err == NULL ||
        strcmp(xxgk_error_location(err, NULL), "nope") != 0)
        FAIL(job, "per-call error");
    xxgk_error_free(err);
    err = NULL;

    if (xxgk_report_to_json(r, &json, &len, &err) != XXGK_OK || json == NULL) FAIL(job, "to_json");
    xxgk_free(json);
    xxgk_report_free(r);
}

/* Shared work: read the one shared report and the one shared issues handle. */
static void shared_reads(struct job* job) {
    xxgk_error* err = NULL;
    xxgk_cell cell = XXGK_CELL_INIT;
    xxgk_issues* issues = NULL;
    char *json = NULL, *body = NULL;
    size_t i;

    if (xxgk_cell_get(shared_report, "requests.total.total", 20, &cell, &err) != XXGK_OK || cell.coefficient != 228)
        FAIL(job, "shared cell");
    if (xxgk_field_get(shared_report, "header.body", 11, &body, NULL, &err) != XXGK_OK || body == NULL ||
        strcmp(body, "苍南县人民政府") != 0)
        FAIL(job, "shared field");
    xxgk_free(body);
    if (xxgk_report_to_json(shared_report, &json, NULL, &err) != XXGK_OK || strcmp(json, shared_json) != 0)
        FAIL(job, "shared to_json differs");
    xxgk_free(json);
    if (xxgk_report_validate(shared_report, NULL, &issues, &err) != XXGK_OK ||
        xxgk_issues_count(issues) != shared_issue_count)
        FAIL(job, "shared validate");
    xxgk_issues_free(issues);
    for (i = 0; i < xxgk_issues_count(shared_issues); ++i)
        if (xxgk_issues_message(shared_issues, i, XXGK_LANG_ZH, NULL) == NULL) FAIL(job, "shared issues");
}

static void* run(void* arg) {
    struct job* job = arg;
    int round;
    for (round = 0; round < ROUNDS; ++round) {
        own_report(job, round);
        shared_reads(job);
    }
    return NULL;
}

int main(int argc, char** argv) {
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    xxgk_report* shared = NULL;
    xxgk_issues* issues = NULL;
    int i;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    cangnan_json = check_read_file(argv[1], "cangnan-2020.json", &cangnan_len);
    sample_json = check_read_file(argv[1], "sample-2021.json", &sample_len);
    if (xxgk_report_from_json(&shared, cangnan_json, cangnan_len, NULL, NULL) != XXGK_OK) return 2;
    if (xxgk_report_to_json(shared, &shared_json, NULL, NULL) != XXGK_OK) return 2;
    if (xxgk_report_validate(shared, NULL, &issues, NULL) != XXGK_OK) return 2;
    shared_report = shared;
    shared_issues = issues;
    shared_issue_count = xxgk_issues_count(issues);

    for (i = 0; i < THREADS; ++i) {
        jobs[i].id = i;
        jobs[i].failures = 0;
        if (pthread_create(&threads[i], NULL, run, &jobs[i]) != 0) return 2;
    }
    for (i = 0; i < THREADS; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(jobs[i].failures == 0); /* each failure is printed by its thread */
    }

    xxgk_issues_free(issues);
    xxgk_report_free(shared);
    xxgk_free(shared_json);
    free(cangnan_json);
    free(sample_json);
    printf("%d threads x %d rounds: %d checks, %d failures\n", THREADS, ROUNDS, checks, failures);
    return failures == 0 ? 0 : 1;
}
