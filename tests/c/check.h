/*
 * check.h — the minimal harness of the plain-C tests of the C ABI (c_api_test.c, c_multi_test.c, c_portal_test.c):
 * counters and CHECK macros. Each test program includes it once; main() prints the counts.
 */
#ifndef XXGK_TESTS_C_CHECK_H
#define XXGK_TESTS_C_CHECK_H

#include <xxgk/xxgk.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        ++checks;                                                                    \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                              \
        }                                                                            \
    } while (0)

#define CHECK_STR(actual, expected)                                                                      \
    do {                                                                                                 \
        const char *a_ = (actual), *e_ = (expected);                                                     \
        ++checks;                                                                                        \
        if (a_ == NULL || strcmp(a_, e_) != 0) {                                                         \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,       \
                    a_ ? a_ : "(null)", e_);                                                             \
            ++failures;                                                                                  \
        }                                                                                                \
    } while (0)

/* Checks a call's status; on a mismatch prints the error the library returned. */
#define CHECK_STATUS(call, expected, err)                                                                \
    do {                                                                                                 \
        xxgk_status s_ = (call);                                                                         \
        ++checks;                                                                                        \
        if (s_ != (expected)) {                                                                          \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call,       \
                    xxgk_status_name(s_), xxgk_status_name(expected),                                    \
                    (err) ? xxgk_error_message((err), NULL) : "no error object");                        \
            ++failures;                                                                                  \
        }                                                                                                \
    } while (0)

/* A string literal and its length. */
#define S(lit) lit, (sizeof(lit) - 1)

#define CHECK_OK(call, err) CHECK_STATUS(call, XXGK_OK, err)

#endif
