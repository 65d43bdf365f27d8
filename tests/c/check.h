/*
 * check.h — the minimal harness of the plain-C tests of the C ABI (the tests of tests/c, and
 * tests/fuzz/c_api_limits_test.c): counters, CHECK macros and check_read_file. Each test program
 * includes it once; main() prints the counts and returns 1 when a check failed. The counters are
 * not atomic: a multi-threaded test (c_api_threads_test.c) counts per thread and checks in main().
 */
#ifndef XXGK_TESTS_C_CHECK_H
#define XXGK_TESTS_C_CHECK_H

#include <xxgk/xxgk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        ++checks;                                                                                                      \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                                   \
            ++failures;                                                                                                \
        }                                                                                                              \
    } while (0)

#define CHECK_STR(actual, expected)                                                                                    \
    do {                                                                                                               \
        const char *a_ = (actual), *e_ = (expected);                                                                   \
        ++checks;                                                                                                      \
        if (a_ == NULL || strcmp(a_, e_) != 0) {                                                                       \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual, a_ ? a_ : "(null)", \
                    e_);                                                                                               \
            ++failures;                                                                                                \
        }                                                                                                              \
    } while (0)

/* Checks a call's status; on a mismatch prints the error the library returned. */
#define CHECK_STATUS(call, expected, err)                                                                              \
    do {                                                                                                               \
        xxgk_status s_ = (call);                                                                                       \
        ++checks;                                                                                                      \
        if (s_ != (expected)) {                                                                                        \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call,                    \
                    xxgk_status_name(s_), xxgk_status_name(expected),                                                  \
                    (err) ? xxgk_error_message((err), NULL) : "no error object");                                      \
            ++failures;                                                                                                \
        }                                                                                                              \
    } while (0)

/* A string literal and its length. */
#define S(lit) lit, (sizeof(lit) - 1)

#define CHECK_OK(call, err) CHECK_STATUS(call, XXGK_OK, err)

/* The bytes of the file dir/name, NUL-terminated, in a malloc'ed buffer (*len: its length without
 * the NUL); exits with 2 when the file cannot be read (a test's data missing is no test result). */
static inline char* check_read_file(const char* dir, const char* name, size_t* len) {
    char path[4096];
    FILE* f;
    char* buf;
    long size;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) exit(2);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

#endif
