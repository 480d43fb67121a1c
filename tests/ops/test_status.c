/* test_status.c: fleet health, the kiosk's side: the status formats, the atomic write, and
 * when the running kiosk writes (on a fake clock).
 *
 * The Prometheus text is checked line by line against the exposition format (every line a
 * # HELP or # TYPE line or a sample `name{label="value",...} value`, valid names, label values
 * escaped, HELP and TYPE once and before the samples); where `promtool` is installed (the
 * Debian package prometheus) it checks the same text too, else the test says it did not. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/health.h"
#include "check.h"
#include "core/fileio.h"
#include "core/log.h"
#include "ops/status.h"

static char tmp[] = "/tmp/kiosk-test-status-XXXXXX";

/* Everything a hostile or unlucky text can hold: quotes, backslashes, a line feed, a tab, an
 * escape sequence, invalid UTF-8, and a long run. */
static const char NASTY[] = "a\"b\\c\nd\te\x1b[31mred\xff\xfe end";

static KioskStatus sample(void)
{
    KioskStatus st = {.running = true, .written_s = 1767229200, .started_s = 1767225600,
                      .last_touch_s = 1767229000, .display_on = true, .load_ok = false};
    status_text(st.hostname, sizeof st.hostname, "kiosk-b12");
    status_text(st.kiosk_version, sizeof st.kiosk_version, "0.1.0");
    status_text(st.bundle_id, sizeof st.bundle_id, "techniekpact");
    status_text(st.bundle_version, sizeof st.bundle_version, NASTY);
    status_set_messages(&st, "goals.yaml:12:5: error: unknown key 'titel'\n\n   \n"
                             "b.yaml:1:1: error: two\nc\nd\ne\nf\ng\n");
    return st;
}

static void test_text_is_cleaned_and_cut(void)
{
    char out[32];
    status_text(out, sizeof out, NASTY);
    CHECK_STR(out, "a\"b\\c d e [31mred\xEF\xBF\xBD\xEF\xBF\xBD end");
    char small[12];
    status_text(small, sizeof small, "0123456789abcdef");
    CHECK_STR(small, "01234567...");
    status_text(small, sizeof small, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"); /* 12 bytes */
    CHECK_STR(small, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9...");
    KioskStatus st = sample();
    CHECK_INT(st.messages_total, 7);
    CHECK_INT(st.n_messages, STATUS_MAX_MESSAGES);
    CHECK_STR(st.messages[0], "goals.yaml:12:5: error: unknown key 'titel'");
    CHECK_STR(st.messages[1], "b.yaml:1:1: error: two");
}

/* ---- a strict reader of the Prometheus text format ---------------------------------------- */

static bool is_name(const char *s, size_t n, bool colon)
{
    if (n == 0 || isdigit((unsigned char)s[0])) return false;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || (colon && s[i] == ':'))) return false;
    return true;
}

/* `{a="x",b="y"}` at *p: valid label names, values with only \\ \" \n escapes. */
static bool labels(const char **p)
{
    const char *s = *p + 1;
    while (*s != '}') {
        const char *eq = strchr(s, '=');
        if (!eq || !is_name(s, (size_t)(eq - s), false) || eq[1] != '"') return false;
        for (s = eq + 2; *s != '"'; s++) {
            if (*s == '\0' || *s == '\n') return false;
            if (*s == '\\' && s[1] != '\\' && s[1] != '"' && s[1] != 'n') return false;
            if (*s == '\\') s++;
        }
        s++;
        if (*s == ',') s++;
        else if (*s != '}') return false;
    }
    *p = s + 1;
    return true;
}

/* The number of problems in `text`, each printed with its line. */
static int prometheus_problems(const char *text)
{
    char typed[16][64], samples[16][64];
    int n_typed = 0, n_samples = 0, bad = 0;
    const char *line = text;
    if (!*text || text[strlen(text) - 1] != '\n') bad++, fprintf(stderr, "no final line feed\n");
    for (const char *end; (end = strchr(line, '\n')); line = end + 1) {
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s", (int)(end - line), line);
        bool ok = false;
        char name[64] = "";
        if (strncmp(buf, "# HELP ", 7) == 0 || strncmp(buf, "# TYPE ", 7) == 0) {
            size_t n = strcspn(buf + 7, " ");
            snprintf(name, sizeof name, "%.*s", (int)n, buf + 7);
            ok = is_name(name, n, true) && buf[7 + n] == ' ';
            for (int i = 0; i < n_samples; i++) ok = ok && strcmp(samples[i], name) != 0;
            if (buf[2] == 'T') {
                ok = ok && strcmp(buf + 8 + n, "gauge") == 0;
                for (int i = 0; i < n_typed; i++) ok = ok && strcmp(typed[i], name) != 0;
                if (ok && n_typed < 16) snprintf(typed[n_typed++], 64, "%s", name);
            }
        } else {
            const char *p = buf + strcspn(buf, "{ ");
            snprintf(name, sizeof name, "%.*s", (int)(p - buf), buf);
            ok = is_name(buf, (size_t)(p - buf), true) && (*p != '{' || labels(&p)) && *p == ' ';
            char *num_end;
            if (ok) strtod(p + 1, &num_end);
            ok = ok && num_end != p + 1 && *num_end == '\0';
            bool was_typed = false;
            for (int i = 0; i < n_typed; i++) was_typed |= strcmp(typed[i], name) == 0;
            ok = ok && was_typed;
            if (n_samples < 16) snprintf(samples[n_samples++], 64, "%s", name);
        }
        if (!ok) {
            bad++;
            fprintf(stderr, "  not in the exposition format: %s\n", buf);
        }
    }
    return bad;
}

static void test_prometheus_text(void)
{
    KioskStatus st = sample();
    char text[STATUS_TEXT_SIZE];
    CHECK(status_format_prometheus(&st, text, sizeof text));
    CHECK_INT(prometheus_problems(text), 0);
    CHECK(strstr(text, "\nkiosk_up 1\n"));
    CHECK(strstr(text, "\nkiosk_uptime_seconds 3600\n"));
    CHECK(strstr(text, "\nkiosk_last_touch_timestamp_seconds 1767229000\n"));
    CHECK(strstr(text, "\nkiosk_display_on 1\n"));
    CHECK(strstr(text, "\nkiosk_bundle_load_ok 0\n"));
    CHECK(strstr(text, "\nkiosk_bundle_load_messages 7\n"));
    CHECK(strstr(text, "\nkiosk_build_info{version=\"0.1.0\"} 1\n"));
    /* the version with its quote and backslash escaped; the line feed was made a space */
    CHECK(strstr(text, "kiosk_bundle_info{id=\"techniekpact\",version=\"a\\\"b\\\\c d e [31mred"));
    char small[64];
    CHECK(!status_format_prometheus(&st, small, sizeof small));
    /* No touch since the start: no sample (0 would read as 1970). */
    st.last_touch_s = 0;
    CHECK(status_format_prometheus(&st, text, sizeof text));
    CHECK(!strstr(text, "kiosk_last_touch_timestamp_seconds"));
    CHECK_INT(prometheus_problems(text), 0);
    /* The checker itself refuses what it should. */
    fprintf(stderr, "  (three lines the reader must refuse:)\n");
    CHECK(prometheus_problems("# TYPE a gauge\na{x=\"\\q\"} 1\n") == 1);
    CHECK(prometheus_problems("b 1\n") == 1);
    CHECK(prometheus_problems("# TYPE 9a gauge\n") == 1);

    /* promtool, where it is installed. */
    const char *tool = getenv("PROMTOOL") ? getenv("PROMTOOL") : "promtool";
    char cmd[512];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    if (system(cmd) != 0) {
        fprintf(stderr, "  (promtool not installed: checked by the reader above only)\n");
        return;
    }
    st = sample();
    CHECK(status_format_prometheus(&st, text, sizeof text));
    snprintf(cmd, sizeof cmd, "%s check metrics", tool);
    FILE *p = popen(cmd, "w");
    CHECK(p != NULL);
    if (!p) return;
    fputs(text, p);
    int rc = pclose(p);
    CHECK_INT(WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, 0);
    fprintf(stderr, "  (promtool check metrics: exit %d)\n", WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
}

static void test_json_round_trip(void)
{
    KioskStatus st = sample(), back;
    char text[STATUS_TEXT_SIZE], err[256];
    CHECK(status_format_json(&st, text, sizeof text, err, sizeof err));
    CHECK(status_parse_json(text, strlen(text), &back, err, sizeof err));
    CHECK_STR(err, "");
    CHECK_STR(back.hostname, st.hostname);
    CHECK_STR(back.bundle_version, st.bundle_version);
    CHECK_INT(back.written_s, st.written_s);
    CHECK_INT(back.started_s, st.started_s);
    CHECK_INT(back.last_touch_s, st.last_touch_s);
    CHECK_INT(back.load_ok, 0);
    CHECK_INT(back.running, 1);
    CHECK_INT(back.messages_total, 7);
    CHECK_INT(back.n_messages, STATUS_MAX_MESSAGES);
    CHECK_STR(back.messages[4], "e");
    CHECK(strstr(text, "\"last_touch\": 1767229000"));
    st.last_touch_s = 0;
    CHECK(status_format_json(&st, text, sizeof text, err, sizeof err));
    CHECK(strstr(text, "\"last_touch\": null"));
    CHECK(status_parse_json(text, strlen(text), &back, err, sizeof err));
    CHECK_INT(back.last_touch_s, 0);
    CHECK(!status_format_json(&st, text, 100, err, sizeof err));
}

/* ---- the atomic write --------------------------------------------------------------------- */

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d) closedir(d);
    return n;
}

static void test_replace_is_atomic(void)
{
    char dir[256], path[300], err[512];
    snprintf(dir, sizeof dir, "%s/atomic", tmp);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/status.json", dir);
    enum { SIZE = 256 * 1024, ROUNDS = 60 };
    char *a = malloc(SIZE), *b = malloc(SIZE), *got = malloc(SIZE + 1);
    if (!a || !b || !got) return;
    memset(a, 'a', SIZE), memset(b, 'b', SIZE);
    CHECK(fileio_replace(path, a, SIZE, NULL, err, sizeof err));
    pid_t child = fork();
    if (child == 0) { /* the writer: A, B, A, B... */
        for (int i = 0; i < ROUNDS; i++)
            if (!fileio_replace(path, i % 2 ? a : b, SIZE, NULL, err, sizeof err)) _exit(1);
        _exit(0);
    }
    int torn = 0, reads = 0, status = 0;
    while (waitpid(child, &status, WNOHANG) == 0) { /* the reader: never half a file */
        FILE *f = fopen(path, "rb");
        size_t n = f ? fread(got, 1, SIZE + 1, f) : 0;
        if (f) fclose(f);
        bool whole = n == SIZE && (memcmp(got, a, SIZE) == 0 || memcmp(got, b, SIZE) == 0);
        torn += !whole;
        reads++;
    }
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_INT(torn, 0);
    fprintf(stderr, "  (%d reads during %d replacements of %d KiB: none partial)\n", reads, ROUNDS,
            SIZE / 1024);
    CHECK_INT(count_entries(dir), 1); /* no temporary file left */
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
    /* Failures: no folder; a folder in the way. The temporary file goes, the message names it. */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/no/status.json", tmp);
    CHECK(!fileio_replace(missing, "x", 1, NULL, err, sizeof err));
    CHECK(strstr(err, "cannot create a temporary file next to") && strstr(err, "No such file"));
    char in_way[300];
    snprintf(in_way, sizeof in_way, "%s/sub", dir);
    mkdir(in_way, 0755);
    CHECK(!fileio_replace(in_way, "x", 1, NULL, err, sizeof err));
    CHECK(strstr(err, "cannot replace") != NULL);
    CHECK_INT(count_entries(dir), 2); /* status.json and sub: no temporary file */
    free(a), free(b), free(got);
}

/* ---- when the kiosk writes ---------------------------------------------------------------- */

static bool read_back(const char *path, KioskStatus *st)
{
    char buf[STATUS_MAX_FILE_BYTES], err[256];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    bool ok = n && status_parse_json(buf, n, st, err, sizeof err);
    if (!ok) fprintf(stderr, "  cannot read back %s: %s\n", path, n ? err : "empty");
    return ok;
}

static void test_health_writes_on_change_and_each_minute(void)
{
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/health", tmp);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/status.json", dir);
    KioskConfig cfg = {.status_dir = dir, .found = true};
    Bundle b = {.id = "mini", .version = "0.1"};
    Health h;
    const int64_t t0 = 5000000, wall0 = 1767225600;
    health_init(&h, &cfg, "kiosk-b12", t0);
    int64_t wake = health_step(&h, &b, true, true, t0, wall0);
    CHECK_INT(h.writes, 1); /* the first step writes */
    CHECK_INT(wake, t0 + HEALTH_HEARTBEAT_MS);
    health_touch(&h, t0 + 2000);
    wake = health_step(&h, &b, true, true, t0 + 2500, wall0 + 2);
    CHECK_INT(h.writes, 1); /* a touch waits for the heartbeat */
    CHECK_INT(wake, t0 + HEALTH_HEARTBEAT_MS);
    health_step(&h, &b, true, true, t0 + 59999, wall0 + 59);
    CHECK_INT(h.writes, 1);
    health_step(&h, &b, true, true, t0 + 60000, wall0 + 60);
    CHECK_INT(h.writes, 2);
    KioskStatus st;
    CHECK(read_back(path, &st));
    CHECK_INT(st.last_touch_s, wall0 + 2);
    CHECK_INT(st.started_s, wall0);
    CHECK_INT(st.written_s - st.started_s, 60);
    /* Dark, a failed load, another bundle: each written at once. */
    health_step(&h, &b, false, true, t0 + 61000, wall0 + 61);
    CHECK_INT(h.writes, 3);
    health_load(&h, false, "x.yaml:1:1: error: broken\n");
    wake = health_step(&h, &b, false, true, t0 + 62000, wall0 + 62);
    CHECK_INT(h.writes, 4);
    CHECK_INT(wake, t0 + 62000 + HEALTH_HEARTBEAT_MS);
    Bundle b2 = {.id = "mini", .version = "0.2"};
    health_step(&h, &b2, false, true, t0 + 63000, wall0 + 63);
    CHECK_INT(h.writes, 5);
    CHECK(read_back(path, &st));
    CHECK(!st.display_on && !st.load_ok && st.running);
    CHECK_STR(st.bundle_version, "0.2");
    CHECK_STR(st.messages[0], "x.yaml:1:1: error: broken");
    /* The wall clock set right later (NTP): the times follow, uptime from the monotonic one. */
    health_step(&h, &b2, false, true, t0 + 123000, wall0 + 100000);
    CHECK(read_back(path, &st));
    CHECK_INT(st.written_s - st.started_s, 123);
    /* Someone is using the kiosk: the heartbeat waits for a quiet moment, 5 minutes at most. */
    int64_t due = t0 + 123000 + HEALTH_HEARTBEAT_MS;
    CHECK_INT(health_step(&h, &b2, false, false, due, wall0), due + HEALTH_QUIET_LOOK_MS);
    CHECK_INT(h.writes, 6);
    health_step(&h, &b2, false, true, due + 7000, wall0);
    CHECK_INT(h.writes, 7);
    due += 7000 + HEALTH_HEARTBEAT_MS;
    health_step(&h, &b2, false, false, due + HEALTH_DEFER_MS - 1, wall0);
    CHECK_INT(h.writes, 7);
    health_step(&h, &b2, false, false, due + HEALTH_DEFER_MS, wall0);
    CHECK_INT(h.writes, 8);
    health_stop(&h, t0 + 124000, wall0 + 100001);
    CHECK(read_back(path, &st));
    CHECK(!st.running);
    CHECK_INT(count_entries(dir), 1);

    /* A folder that is not there: said once, tried again a minute later, never in a loop. */
    char gone[300];
    snprintf(gone, sizeof gone, "%s/gone", tmp);
    cfg.status_dir = gone;
    health_init(&h, &cfg, "kiosk-b12", t0);
    wake = health_step(&h, &b, true, true, t0, wall0);
    CHECK_INT(h.writes, 0);
    CHECK(h.failing[0]);
    CHECK_INT(wake, t0 + HEALTH_HEARTBEAT_MS);
    CHECK_INT(health_step(&h, &b, true, true, t0 + 1, wall0), t0 + HEALTH_HEARTBEAT_MS);
    /* The same folder by default, without a settings file (the quick start): nobody asked for
     * a status file, so none is tried and nothing is said. */
    cfg.found = false;
    health_init(&h, &cfg, "kiosk-b12", t0);
    CHECK_INT(health_step(&h, &b, true, true, t0, wall0), INT64_MAX);
    CHECK(!h.failing[0]);
    cfg.status_dir = dir; /* ... but a folder that can be written is used */
    health_init(&h, &cfg, "kiosk-b12", t0);
    health_step(&h, &b, true, true, t0, wall0);
    CHECK_INT(h.writes, 1);
    cfg.found = true;
    /* Off: never a wake-up. */
    cfg.status_dir = NULL;
    health_init(&h, &cfg, "kiosk-b12", t0);
    CHECK_INT(health_step(&h, &b, true, true, t0, wall0), INT64_MAX);
}

int main(void)
{
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    log_set_level(LOG_LEVEL_ERROR); /* the failing folder's warning is expected */
    RUN(test_text_is_cleaned_and_cut);
    RUN(test_prometheus_text);
    RUN(test_json_round_trip);
    RUN(test_replace_is_atomic);
    RUN(test_health_writes_on_change_and_each_minute);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmp);
    return check_summary();
}
