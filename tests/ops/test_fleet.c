/* test_fleet.c: `kiosk --fleet`: three kiosks (one fine, one stale, one whose last load
 * failed) give the expected table and exit code, at a fixed time in UTC; the real program
 * gives the exit codes cron sees; hostile status files (huge, truncated, wrong types, deep,
 * a FIFO, terminal escapes) each give one clear line and never a crash. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/fleet.h"
#include "check.h"
#include "ops/status.h"

static char tmp[] = "/tmp/kiosk-test-fleet-XXXXXX";
static const int64_t NOW = 1767268800; /* 2026-01-01 12:00 UTC */

static void write_raw(const char *dir, const char *text, size_t len)
{
    char path[512];
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/status.json", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(text, 1, len, f);
    fclose(f);
}

static void write_kiosk(const char *dir, const KioskStatus *st)
{
    char text[STATUS_TEXT_SIZE], err[256];
    CHECK(status_format_json(st, text, sizeof text, err, sizeof err));
    write_raw(dir, text, strlen(text));
}

static KioskStatus kiosk(const char *host, int64_t now, int64_t written_ago, bool ok)
{
    KioskStatus st = {.running = true, .written_s = now - written_ago,
                      .started_s = now - 2 * 86400 - 3600, .last_touch_s = now - 1800,
                      .display_on = true, .load_ok = ok};
    snprintf(st.hostname, sizeof st.hostname, "%s", host);
    snprintf(st.kiosk_version, sizeof st.kiosk_version, "0.1.0");
    snprintf(st.bundle_id, sizeof st.bundle_id, "techniekpact");
    snprintf(st.bundle_version, sizeof st.bundle_version, "2026.1");
    return st;
}

/* The report on `paths` at NOW, as text; *rc its exit code. Owned by the caller. */
static char *report(const char *const *paths, int n, int *rc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return NULL;
    *rc = fleet_report(paths, n, NOW, FLEET_DEFAULT_STALE_S, f);
    fclose(f);
    return text;
}

/* The table: each column as wide as its widest cell (LAST LOAD at most 48 characters). */
static const char EXPECTED[] =
    "KIOSK      VERSION  BUNDLE               DISPLAY  LAST LOAD                           "
    "              LAST TOUCH        UP SINCE          STATE\n"
    "kiosk-a1   0.1.0    techniekpact 2026.1  on       ok                                  "
    "              2026-01-01 11:30  2025-12-30 11:00  ok\n"
    "kiosk-b12  0.1.0    techniekpact 2026.1  off      ok (1 warning)                      "
    "              2026-01-01 11:30  2025-12-30 11:00  STALE (written 3 h 12 min ago)\n"
    "kiosk-c07  0.1.0    techniekpact 2026.1  on       FAILED: goals.yaml:12:5: error: unkn"
    "own key '...  2026-01-01 11:30  2025-12-30 11:00  FAILED load\n"
    "\n"
    "kiosk-c07: the last load FAILED (2 messages):\n"
    "  goals.yaml:12:5: error: unknown key 'titel'; did you mean 'title'?\n"
    "  goals.yaml:20:3: error: two\n"
    "\n"
    "3 kiosks: 1 ok, 1 stale, 1 with a failed load.\n"
    "STALE: no status written for more than 15 min (--stale-after MIN). Times in UTC.\n";

static void test_three_kiosks(void)
{
    char fleet[256], a[300], b[300], c[300], hidden[300];
    snprintf(fleet, sizeof fleet, "%s/fleet", tmp);
    mkdir(fleet, 0755);
    snprintf(a, sizeof a, "%s/a1", fleet), snprintf(b, sizeof b, "%s/b12", fleet);
    snprintf(c, sizeof c, "%s/c07", fleet), snprintf(hidden, sizeof hidden, "%s/.stfolder", fleet);
    mkdir(hidden, 0755); /* Syncthing's marker: not a kiosk */
    KioskStatus st = kiosk("kiosk-a1", NOW, 30, true);
    write_kiosk(a, &st);
    st = kiosk("kiosk-b12", NOW, 3 * 3600 + 12 * 60, true);
    st.display_on = false;
    status_set_messages(&st, "bundle.yaml:42:19: warning: no English ('en') text here\n");
    write_kiosk(b, &st);
    st = kiosk("kiosk-c07", NOW, 50, false);
    status_set_messages(&st, "goals.yaml:12:5: error: unknown key 'titel'; did you mean "
                             "'title'?\ngoals.yaml:20:3: error: two\n");
    write_kiosk(c, &st);

    int rc = -1;
    const char *all[] = {fleet};
    char *text = report(all, 1, &rc);
    CHECK_STR(text, EXPECTED);
    CHECK_INT(rc, 1);
    free(text);
    const char *fine[] = {a}; /* a kiosk's own folder */
    text = report(fine, 1, &rc);
    CHECK_INT(rc, 0);
    CHECK(text && strstr(text, "1 kiosk: 1 ok.\n"));
    free(text);
    char file[320];
    snprintf(file, sizeof file, "%s/status.json", b); /* a file named directly */
    const char *one[] = {file};
    text = report(one, 1, &rc);
    CHECK_INT(rc, 1);
    CHECK(text && strstr(text, "1 kiosk: 0 ok, 1 stale.\n"));
    free(text);
}

/* The real program, at the real time: the exit codes cron and monitoring see. */
static int run(const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", KIOSK_PATH, args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_exit_codes(void)
{
    int64_t now = (int64_t)time(NULL);
    char fine[256], late[256], args[700];
    snprintf(fine, sizeof fine, "%s/live-fine", tmp);
    snprintf(late, sizeof late, "%s/live-late", tmp);
    KioskStatus st = kiosk("kiosk-a1", now, 10, true);
    write_kiosk(fine, &st);
    st = kiosk("kiosk-b12", now, 20 * 60, true);
    write_kiosk(late, &st);
    snprintf(args, sizeof args, "--fleet %s", fine);
    CHECK_INT(run(args), 0);
    snprintf(args, sizeof args, "--fleet %s %s", fine, late);
    CHECK_INT(run(args), 1);
    snprintf(args, sizeof args, "--fleet --stale-after 30 %s %s", fine, late);
    CHECK_INT(run(args), 0);
    CHECK_INT(run("--fleet"), 2);
    CHECK_INT(run("--fleet --stale-after 0 /tmp"), 2);
    snprintf(args, sizeof args, "--fleet %s/nothing-here", tmp);
    CHECK_INT(run(args), 1);
}

/* `valid` with the value after `key` (up to the next comma) replaced by `value`. */
static void with_value(char out[STATUS_TEXT_SIZE], const char *valid, const char *key,
                       const char *value)
{
    const char *at = strstr(valid, key);
    const char *end = at ? strchr(at, ',') : NULL;
    CHECK(end != NULL);
    if (!end) return;
    snprintf(out, STATUS_TEXT_SIZE, "%.*s%s%s", (int)(at - valid + strlen(key)), valid, value, end);
}

typedef struct Hostile {
    const char *name, *text, *expect; /* expect: in the one line that says why */
} Hostile;

static void test_hostile_files(void)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/hostile", tmp);
    mkdir(dir, 0755);
    KioskStatus good = kiosk("kiosk-a1", NOW, 10, true);
    char valid[STATUS_TEXT_SIZE], err[256];
    CHECK(status_format_json(&good, valid, sizeof valid, err, sizeof err));
    char truncated[STATUS_TEXT_SIZE];
    snprintf(truncated, sizeof truncated, "%.*s", (int)strlen(valid) / 2, valid);
    char *deep = malloc(STATUS_MAX_FILE_BYTES);
    if (!deep) return;
    memset(deep, '[', STATUS_MAX_FILE_BYTES - 1);
    deep[STATUS_MAX_FILE_BYTES - 1] = '\0';
    char *huge = malloc(STATUS_MAX_FILE_BYTES + 2000);
    if (!huge) return;
    memset(huge, ' ', STATUS_MAX_FILE_BYTES + 1999);
    huge[STATUS_MAX_FILE_BYTES + 1999] = '\0';
    char bad_time[STATUS_TEXT_SIZE], bad_id[STATUS_TEXT_SIZE], escapes[STATUS_TEXT_SIZE];
    with_value(bad_time, valid, "\"written\": ", "\"yesterday\"");
    with_value(bad_id, valid, "\"id\": ", "7");
    with_value(escapes, valid, "\"hostname\": ", "\"\\u001b[2J\"");
    const Hostile cases[] = {
        {"a-huge", huge, "too large for a status file (18383 bytes; at most 16384)"},
        {"b-truncated", truncated, "not JSON: "},
        {"c-wrong-type", bad_time, "\"written\" should be a time in Unix seconds, not a string"},
        {"d-bundle-id", bad_id, "\"bundle.id\" should be a string, not a whole number"},
        {"e-deep", deep, "not JSON: "},
        {"f-list", "[1, 2]", "not a kiosk status file"},
        {"g-empty", "", "not JSON: "},
        {"h-other", "{\"format\": \"kiosk-status/1\"}", "\"hostname\" is missing"},
        {"i-duplicate", "{\"format\": \"kiosk-status/1\", \"format\": \"x\"}", "duplicate"},
        {"j-negative", "{\"format\":\"kiosk-status/1\",\"hostname\":\"h\",\"kiosk_version\":\"1\","
                       "\"running\":true,\"written\":-5}", "\"written\" is no time (-5)"},
        {"k-binary", "\x7f" "ELF\x02\x01\x01\x1b]0;owned\x07", "not JSON: "},
    };
    size_t n = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < n; i++) {
        char sub[320];
        snprintf(sub, sizeof sub, "%s/%s", dir, cases[i].name);
        write_raw(sub, cases[i].text, strlen(cases[i].text));
    }
    char fifo_dir[320], fifo[340], empty[320];
    snprintf(fifo_dir, sizeof fifo_dir, "%s/l-fifo", dir);
    mkdir(fifo_dir, 0755);
    snprintf(fifo, sizeof fifo, "%s/status.json", fifo_dir);
    CHECK(mkfifo(fifo, 0644) == 0);
    snprintf(empty, sizeof empty, "%s/m-never-written", dir);
    mkdir(empty, 0755);
    char named[340];
    snprintf(named, sizeof named, "%s/n-escapes", dir); /* readable, with a hostile name */
    write_raw(named, escapes, strlen(escapes));

    int rc = -1;
    const char *paths[] = {dir};
    char *text = report(paths, 1, &rc); /* a FIFO must not hang this */
    CHECK_INT(rc, 1);
    CHECK(text != NULL);
    if (!text) return;
    for (size_t i = 0; i < n; i++) {
        char line[600];
        snprintf(line, sizeof line, "%s/%s/status.json: ", dir, cases[i].name);
        char *got = strstr(text, line);
        CHECK(got != NULL);
        if (!got) fprintf(stderr, "  no line for %s\n", cases[i].name);
        char *end = got ? strchr(got, '\n') : NULL;
        if (end) *end = '\0';
        CHECK(got && strstr(got, cases[i].expect));
        if (got && !strstr(got, cases[i].expect))
            fprintf(stderr, "  %s\n  expected it to say: %s\n", got, cases[i].expect);
        if (end) *end = '\n';
    }
    CHECK(strstr(text, "l-fifo/status.json: it is a FIFO, a named pipe, not a file\n"));
    CHECK(strstr(text, "m-never-written/status.json: no status.json (has this kiosk"));
    CHECK(strstr(text, "\n [2J  "));   /* the escaped host name, its ESC made a space */
    CHECK(!strchr(text, '\x1b') && !strchr(text, '\x07'));
    CHECK(strstr(text, "14 kiosks: 1 ok, 13 not read.\n"));
    if (!strstr(text, "14 kiosks: 1 ok, 13 not read.\n")) fputs(text, stderr);
    free(text);
    free(deep);
    free(huge);
}

int main(void)
{
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    setenv("TZ", "UTC", 1);
    tzset();
    RUN(test_three_kiosks);
    RUN(test_exit_codes);
    RUN(test_hostile_files);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmp);
    return check_summary();
}
