/* check.h: the smallest test harness that prints got vs expected.
 *
 * Each test file is one executable: write `static void test_x(void)` functions, call them
 * through RUN(test_x) from main(), and end main with `return check_summary();`.
 * A failed check prints file:line, the expression, what it got and what it expected, and the
 * test goes on, so one run shows every failure. */
#ifndef KIOSK_CHECK_H
#define KIOSK_CHECK_H

#include <stdio.h>
#include <string.h>
#include <math.h>

static int check_failed_;
static int check_passed_;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) check_passed_++;                                               \
        else { check_failed_++;                                                  \
            fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); }  \
    } while (0)

#define CHECK_INT(got, want)                                                     \
    do {                                                                         \
        long long g_ = (long long)(got), w_ = (long long)(want);                 \
        if (g_ == w_) check_passed_++;                                           \
        else { check_failed_++;                                                  \
            fprintf(stderr, "%s:%d: FAIL: %s\n  got:      %lld\n  expected: %lld\n", \
                    __FILE__, __LINE__, #got, g_, w_); }                         \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                               \
    do {                                                                         \
        double g_ = (double)(got), w_ = (double)(want);                          \
        if (fabs(g_ - w_) <= (tol)) check_passed_++;                             \
        else { check_failed_++;                                                  \
            fprintf(stderr, "%s:%d: FAIL: %s\n  got:      %g\n  expected: %g (±%g)\n", \
                    __FILE__, __LINE__, #got, g_, w_, (double)(tol)); }          \
    } while (0)

#define CHECK_STR(got, want)                                                     \
    do {                                                                         \
        const char *g_ = (got), *w_ = (want);                                    \
        if (g_ && w_ && strcmp(g_, w_) == 0) check_passed_++;                    \
        else { check_failed_++;                                                  \
            fprintf(stderr, "%s:%d: FAIL: %s\n  got:      \"%s\"\n  expected: \"%s\"\n", \
                    __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
    } while (0)

#define RUN(fn)                                                                  \
    do { int before_ = check_failed_; fn();                                      \
         fprintf(stderr, "%s %s\n", check_failed_ == before_ ? "ok  " : "FAIL", #fn); } while (0)

static inline int check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed_, check_failed_);
    return check_failed_ ? 1 : 0;
}

#endif
