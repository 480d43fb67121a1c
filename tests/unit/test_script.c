/* test_script.c: the replay script language, as script.h documents it.
 *
 * Valid scripts are checked step by step (kind, line, numbers, names); invalid ones by the
 * exact "LINE:COL: message" a person writing the script would read, because a vague error
 * in a replay costs more time than the replay saves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/script.h"
#include "ui/session.h"
#include "check.h"

/* Parses a C string that must be valid; prints the error if it is not. */
static bool parse_ok(const char *text, Script *s)
{
    char err[256] = "";
    bool ok = script_parse(text, strlen(text), s, err, sizeof err);
    if (!ok) fprintf(stderr, "  unexpected error: %s\n", err);
    CHECK(ok);
    return ok;
}

/* Parses `len` bytes that must be invalid and returns the error text ("" if it parsed). */
static const char *parse_err(const char *text, size_t len)
{
    static char err[256];
    strcpy(err, "");
    Script s;
    bool ok = script_parse(text, len, &s, err, sizeof err);
    if (ok) strcpy(err, "(parsed without error)"); /* the caller's CHECK_STR shows this */
    else CHECK(s.steps == NULL && s.n == 0);       /* nothing half-built is handed back */
    script_free(&s);
    return err;
}
#define ERR(text) parse_err(text, strlen(text))

static void test_every_command(void)
{
    Script s;
    if (!parse_ok("tap 10 20\n"
                  "tap @back\n"
                  "drag 5 540 600 545 250\n"
                  "key shift-tab\n"
                  "wait 1500\n"
                  "shot home-nl\n"
                  "expect item:robot\n"
                  "tap 0.5 1e3\n",
                  &s))
        return;
    CHECK_INT(s.n, 8);
    if (s.n != 8) { script_free(&s); return; }
    CHECK_INT(s.steps[0].kind, STEP_TAP);
    CHECK_NEAR(s.steps[0].x1, 10, 0);
    CHECK_NEAR(s.steps[0].y1, 20, 0);
    CHECK_INT(s.steps[1].kind, STEP_TAP_TARGET);
    CHECK_STR(s.steps[1].arg, "back"); /* without the @ */
    CHECK_INT(s.steps[2].kind, STEP_DRAG);
    CHECK_NEAR(s.steps[2].x1, 5, 0);
    CHECK_NEAR(s.steps[2].y1, 540, 0);
    CHECK_NEAR(s.steps[2].x2, 600, 0);
    CHECK_NEAR(s.steps[2].y2, 545, 0);
    CHECK_INT(s.steps[2].ms, 250);
    CHECK_INT(s.steps[3].kind, STEP_KEY);
    CHECK_STR(s.steps[3].arg, "shift-tab");
    CHECK_INT(s.steps[4].kind, STEP_WAIT);
    CHECK_INT(s.steps[4].ms, 1500);
    CHECK_INT(s.steps[5].kind, STEP_SHOT);
    CHECK_STR(s.steps[5].arg, "home-nl");
    CHECK_INT(s.steps[6].kind, STEP_EXPECT);
    CHECK_STR(s.steps[6].arg, "item:robot");
    CHECK_INT(s.steps[7].kind, STEP_TAP);
    CHECK_NEAR(s.steps[7].x1, 0.5, 0);
    CHECK_NEAR(s.steps[7].y1, 1000, 0);
    for (size_t i = 0; i < s.n; i++) CHECK_INT(s.steps[i].line, (int)i + 1);
    script_free(&s);
    CHECK(s.steps == NULL && s.n == 0);
}

static void test_comments_and_blank_lines_are_ignored(void)
{
    Script s;
    if (!parse_ok("# a replay\n"
                  "\n"
                  "   \t \n"
                  "wait 10   # settle\n"
                  "    # indented comment\n"
                  "\ttap\t1\t2\n"
                  "shot done", /* no newline at the end */
                  &s))
        return;
    CHECK_INT(s.n, 3);
    if (s.n == 3) {
        CHECK_INT(s.steps[0].kind, STEP_WAIT);
        CHECK_INT(s.steps[0].ms, 10);
        CHECK_INT(s.steps[0].line, 4); /* lines keep their numbers in the file */
        CHECK_INT(s.steps[1].kind, STEP_TAP);
        CHECK_NEAR(s.steps[1].y1, 2, 0);
        CHECK_INT(s.steps[1].line, 6);
        CHECK_STR(s.steps[2].arg, "done");
        CHECK_INT(s.steps[2].line, 7);
    }
    script_free(&s);
    /* an empty script is valid and has no steps */
    Script e;
    char err[64] = "";
    CHECK(script_parse("", 0, &e, err, sizeof err));
    CHECK_INT(e.n, 0);
    script_free(&e);
}

static void test_crlf_line_endings(void)
{
    Script s;
    if (!parse_ok("# made on Windows\r\n\r\nwait 5\r\nshot home\r\nexpect home\r\n", &s)) return;
    CHECK_INT(s.n, 3);
    if (s.n == 3) {
        CHECK_INT(s.steps[0].ms, 5);
        CHECK_INT(s.steps[0].line, 3);
        CHECK_STR(s.steps[1].arg, "home"); /* no '\r' in the name */
        CHECK_STR(s.steps[2].arg, "home");
    }
    script_free(&s);
    /* and errors still count lines the same way */
    CHECK_STR(ERR("wait 1\r\nfly 2\r\n"),
              "2:1: unknown command 'fly' (use tap, drag, key, wait, shot, expect, clock, pinch, pan2 or doubletap)");
}

static void test_unknown_command(void)
{
    CHECK_STR(ERR("wait 1\n\njump 3\n"),
              "3:1: unknown command 'jump' (use tap, drag, key, wait, shot, expect, clock, pinch, pan2 or doubletap)");
    CHECK_STR(ERR("TAP 1 2"), /* commands are lower case */
              "1:1: unknown command 'TAP' (use tap, drag, key, wait, shot, expect, clock, pinch, pan2 or doubletap)");
}

static void test_wrong_number_count(void)
{
    CHECK_STR(ERR("tap 1"), "1:1: 'tap' needs 2 numbers, got 1");
    CHECK_STR(ERR("tap 1 2 3"), "1:1: 'tap' needs 2 numbers, got 3");
    CHECK_STR(ERR("wait"), "1:1: 'wait' needs 1 number, got 0");
    CHECK_STR(ERR("wait 1 2"), "1:1: 'wait' needs 1 number, got 2");
    CHECK_STR(ERR("# ok\ndrag 1 2 3 4"), "2:1: 'drag' needs 5 numbers, got 4");
    /* Regression (fixed): script.c parse_line splits at most 8 words, so 9 numbers are reported as 7. */
    CHECK_STR(ERR("tap 1 2 3 4 5 6 7 8 9"), "1:1: 'tap' needs 2 numbers, got 9");
}

static void test_numbers_must_be_plain_and_non_negative(void)
{
    CHECK_STR(ERR("tap 10 -5"), "1:8: '-5' is not a number from 0 to 10000000");
    CHECK_STR(ERR("wait soon"), "1:6: 'soon' is not a number from 0 to 10000000");
    CHECK_STR(ERR("wait 12ms"), "1:6: '12ms' is not a number from 0 to 10000000");
    CHECK_STR(ERR("drag 1 2 3 4 x"), "1:14: 'x' is not a number from 0 to 10000000");
    CHECK_STR(ERR("wait 10000001"), "1:6: '10000001' is not a number from 0 to 10000000");
    CHECK_STR(ERR("wait inf"), "1:6: 'inf' is not a number from 0 to 10000000");
    /* Regression (fixed): script.c parse_line: strtod accepts "nan", and NaN passes both range tests
     * (v < 0 and v > 1e7 are false), so "wait nan" parses with ms = (int)NaN (undefined;
     * INT_MIN on x86) and "tap nan 5" taps at x = NaN. */
    CHECK_STR(ERR("wait nan"), "1:6: 'nan' is not a number from 0 to 10000000");
    CHECK_STR(ERR("tap nan 5"), "1:5: 'nan' is not a number from 0 to 10000000");
    /* the largest allowed value parses */
    Script s;
    if (parse_ok("wait 10000000", &s)) CHECK_INT(s.steps[0].ms, 10000000);
    script_free(&s);
}

static void test_names_cannot_leave_the_output_folder(void)
{
    const char *msg = "1:6: 'shot' needs one name (letters, digits, - _ : . @)";
    CHECK_STR(ERR("shot a/b"), msg);
    CHECK_STR(ERR("shot /etc/passwd"), msg);
    CHECK_STR(ERR("shot ..secret"), msg);
    CHECK_STR(ERR("shot a..b"), msg);
    CHECK_STR(ERR("shot a\\b"), msg);
    CHECK_STR(ERR("shot"), msg);        /* no name */
    CHECK_STR(ERR("shot a b"), msg);    /* two names */
    CHECK_STR(ERR("key a/b"), "1:5: unknown key 'a/b' (the keys are: tab, shift-tab, left, "
                              "right, up, down, enter, space, backspace, home, pageup, pagedown)");
    CHECK_STR(ERR("tap @a/b"), "1:5: 'tap' needs one name (letters, digits, - _ : . @)");
    /* a single dot and the other allowed characters are fine */
    Script s;
    if (parse_ok("shot v1.2_result-A:b@2x", &s)) CHECK_STR(s.steps[0].arg, "v1.2_result-A:b@2x");
    script_free(&s);
    /* a name of SCRIPT_MAX_ARG - 1 characters fits; one more does not */
    char line[16 + SCRIPT_MAX_ARG];
    strcpy(line, "shot ");
    memset(line + 5, 'n', SCRIPT_MAX_ARG - 1);
    line[5 + SCRIPT_MAX_ARG - 1] = '\0';
    if (parse_ok(line, &s)) CHECK_INT(strlen(s.steps[0].arg), SCRIPT_MAX_ARG - 1);
    script_free(&s);
    strcat(line, "n");
    CHECK_STR(ERR(line), msg);
}

/* The column points at the word that is wrong, as it does for numbers. */
static void test_columns_in_indented_lines(void)
{
    CHECK_STR(ERR("  tap 1 -2"), "1:9: '-2' is not a number from 0 to 10000000");
    /* Regression (fixed): script.c parse_line reports column 1 for an unknown command whatever its place. */
    CHECK_STR(ERR("    jump"),
              "1:5: unknown command 'jump' (use tap, drag, key, wait, shot, expect, clock, pinch, pan2 or doubletap)");
    /* Regression (fixed): script.c parse_line computes the name's column as strlen(cmd) + 2, assuming one
     * space after the command; here the name starts at column 8. */
    CHECK_STR(ERR("shot   a/b"), "1:8: 'shot' needs one name (letters, digits, - _ : . @)");
}

static void test_long_lines(void)
{
    char text[SCRIPT_MAX_LINE + 64];
    /* 511 characters: "wait 1" and spaces, fine */
    memset(text, ' ', sizeof text);
    memcpy(text, "wait 1", 6);
    Script s;
    char err[256] = "";
    bool ok = script_parse(text, SCRIPT_MAX_LINE - 1, &s, err, sizeof err);
    if (!ok) fprintf(stderr, "  511 characters: %s\n", err);
    CHECK(ok);
    script_free(&s);
    /* a comment line, then 513 characters on line 2 */
    memset(text, ' ', sizeof text);
    memcpy(text, "#\nwait 1", 8);
    CHECK_STR(parse_err(text, 2 + SCRIPT_MAX_LINE + 1),
              "2:1: the line is longer than 512 characters");
    /* exactly 512: whatever the limit is, the message must not say this line is longer
     * than 512 characters. */
    memset(text, ' ', sizeof text);
    memcpy(text, "wait 1", 6);
    strcpy(err, "");
    ok = script_parse(text, SCRIPT_MAX_LINE, &s, err, sizeof err);
    script_free(&s);
    /* Regression (fixed): script.c script_parse rejects a line of exactly 512 characters (n >= 512) with
     * "the line is longer than 512 characters". Either accept it or say "at most 511". */
    CHECK_STR(ok ? "(parsed)" : err, "(parsed)");
}

static void test_nul_byte(void)
{
    static const char text[] = "wait 1\nshot a\0b\nwait 2\n";
    CHECK_STR(parse_err(text, sizeof text - 1), "2:1: the line contains a NUL byte");
    /* even in a comment */
    static const char in_comment[] = "# x\0y\n";
    CHECK_STR(parse_err(in_comment, sizeof in_comment - 1), "1:1: the line contains a NUL byte");
}

/* The README's key names are accepted (any case), and an unknown key stops the script when it
 * is read, so a replay never runs half-way before it fails (issue 11). */
static void test_key_names(void)
{
    Script s;
    if (parse_ok("key Tab\nkey Shift+Tab\nkey shift-tab\nkey Enter\nkey Space\n"
                 "key Backspace\nkey back\nkey Home\nkey PageUp\nkey page-down\nkey LEFT\n",
                 &s)) {
        static const int want[] = {KEY_NEXT, KEY_PREV, KEY_PREV, KEY_ACTIVATE, KEY_ACTIVATE,
                                   KEY_BACK, KEY_BACK, KEY_HOME, KEY_PAGE_UP, KEY_PAGE_DOWN,
                                   KEY_LEFT};
        CHECK_INT(s.n, 11);
        for (size_t i = 0; i < s.n && i < 11; i++) CHECK_INT(s.steps[i].key, want[i]);
    }
    script_free(&s);
    CHECK_STR(ERR("wait 10\nshot a\nkey escape\n"),
              "3:5: unknown key 'escape' (the keys are: tab, shift-tab, left, right, up, down, "
              "enter, space, backspace, home, pageup, pagedown)");
    CHECK_STR(ERR("key"), "1:5: 'key' needs one name (letters, digits, - _ : . @)");
}

static void test_step_limit(void)
{
    const char *line = "wait 1\n";
    size_t ll = strlen(line), n = SCRIPT_MAX_STEPS + 1;
    char *text = malloc(n * ll + 1);
    CHECK(text != NULL);
    if (!text) return;
    for (size_t i = 0; i < n; i++) memcpy(text + i * ll, line, ll);
    text[n * ll] = '\0';
    Script s;
    char err[256] = "";
    bool ok = script_parse(text, (n - 1) * ll, &s, err, sizeof err);
    if (!ok) fprintf(stderr, "  %d steps: %s\n", SCRIPT_MAX_STEPS, err);
    CHECK(ok);
    CHECK_INT(s.n, SCRIPT_MAX_STEPS);
    script_free(&s);
    /* Regression (fixed): script.c script_parse compares the array capacity (a power of two, 131072),
     * not the step count, with SCRIPT_MAX_STEPS: 100001 steps are accepted, and a script
     * of 131072 steps fails on any following line, even a blank one. */
    CHECK_STR(parse_err(text, n * ll), "100001:1: more than 100000 steps");
    free(text);
}

/* A script may simulate 24 hours at most, counted when it is read: 100,000 `wait 10000000`
 * (31 years of frames) is refused at once, at the line that passes the limit. */
static void test_simulated_time_limit(void)
{
    const char *line = "wait 10000000\n";
    size_t ll = strlen(line), n = SCRIPT_MAX_STEPS;
    char *text = malloc(n * ll + 64);
    CHECK(text != NULL);
    if (!text) return;
    for (size_t i = 0; i < n; i++) memcpy(text + i * ll, line, ll);
    clock_t t0 = clock();
    CHECK_STR(parse_err(text, n * ll), "9:1: the script runs past 24 hours of simulated time "
              "here; a replay may simulate at most 24 hours (86400000 ms)");
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("  100,000 x wait 10000000 refused in %.4f s CPU\n", s);
    CHECK(s < 1.0);

    /* Exactly 24 hours is allowed; one tap (96 ms) more is not, nor a drag's frames. */
    size_t len = 0;
    for (int i = 0; i < 10; i++) len += (size_t)sprintf(text + len, "wait 8640000\n");
    Script sc;
    if (parse_ok(text, &sc)) CHECK_INT(sc.n, 10);
    script_free(&sc);
    strcpy(text + len, "tap 1 1\n");
    CHECK_STR(ERR(text), "11:1: the script runs past 24 hours of simulated time here; a replay "
              "may simulate at most 24 hours (86400000 ms)");
    strcpy(text + len - strlen("wait 8640000\n"), "wait 8639990\ndrag 0 0 9 9 1\n");
    CHECK_STR(ERR(text), "11:1: the script runs past 24 hours of simulated time here; a replay "
              "may simulate at most 24 hours (86400000 ms)");
    free(text);
}

/* `clock` sets the wall clock in local time; nonsense dates are refused when the script is read. */
static void test_clock(void)
{
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    Script s;
    char err[256];
    const char *text = "clock 2027-03-13T11:05\nclock 2027-07-01T09:30\n";
    CHECK(script_parse(text, strlen(text), &s, err, sizeof err));
    if (s.n == 2) {
        CHECK_INT(s.steps[0].kind, STEP_CLOCK);
        CHECK(s.steps[0].wall_s == 1804932300LL); /* 10:05 UTC: winter time, UTC+1 */
        CHECK(s.steps[1].wall_s == 1814427000LL); /* 07:30 UTC: summer time, UTC+2 */
    }
    script_free(&s);
    CHECK_STR(ERR("clock 2027-02-30T10:00"), "1:7: 'clock' needs a local date and time like 2027-03-13T13:58");
    CHECK_STR(ERR("clock 2027-03-13"), "1:7: 'clock' needs a local date and time like 2027-03-13T13:58");
    CHECK_STR(ERR("clock"), "1:1: 'clock' needs a local date and time like 2027-03-13T13:58");
    CHECK_STR(ERR("clock 2027-03-13T25:00"), "1:7: 'clock' needs a local date and time like 2027-03-13T13:58");
}

static void test_two_finger_commands(void)
{
    Script s;
    char err[256];
    const char *text = "pinch 960 540 100 400 500\npan2 960 540 700 500 300\ndoubletap 12 34\n";
    CHECK(script_parse(text, strlen(text), &s, err, sizeof err));
    if (s.n == 3) {
        CHECK_INT(s.steps[0].kind, STEP_PINCH);
        CHECK_NEAR(s.steps[0].x2, 100, 0);
        CHECK_NEAR(s.steps[0].y2, 400, 0);
        CHECK_INT(s.steps[0].ms, 500);
        CHECK_INT(s.steps[1].kind, STEP_PAN2);
        CHECK_NEAR(s.steps[1].x2, 700, 0);
        CHECK_INT(s.steps[2].kind, STEP_DOUBLETAP);
        CHECK_NEAR(s.steps[2].y1, 34, 0);
        /* a frame for the second finger, one per move, one for the lift */
        CHECK_INT(script_step_ms(&s.steps[0]), (500 / SCRIPT_FRAME_MS + 2) * SCRIPT_FRAME_MS);
        CHECK_INT(script_step_ms(&s.steps[2]), 2 * (SCRIPT_TAP_MS + SCRIPT_FRAME_MS));
    }
    script_free(&s);
    CHECK_STR(ERR("pinch 1 2 3"), "1:1: 'pinch' needs 5 numbers, got 3");
    CHECK_STR(ERR("doubletap 5"), "1:1: 'doubletap' needs 2 numbers, got 1");
}

int main(void)
{
    RUN(test_every_command);
    RUN(test_two_finger_commands);
    RUN(test_comments_and_blank_lines_are_ignored);
    RUN(test_crlf_line_endings);
    RUN(test_unknown_command);
    RUN(test_wrong_number_count);
    RUN(test_numbers_must_be_plain_and_non_negative);
    RUN(test_names_cannot_leave_the_output_folder);
    RUN(test_columns_in_indented_lines);
    RUN(test_long_lines);
    RUN(test_nul_byte);
    RUN(test_step_limit);
    RUN(test_simulated_time_limit);
    RUN(test_key_names);
    RUN(test_clock);
    return check_summary();
}
