/* test_config.c: the local config file, read as a specification.
 *
 * Fixtures live in tests/ops/config/; a test that writes (set_pin, permissions) works on a
 * copy in a fresh temporary folder, which it removes again. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/caldate.h"
#include "ops/config.h"
#include "ops/pin.h"

#define DIR_ "tests/ops/config/"
/* These tests expect a machine without the service group (test_config_owner.c covers it):
 * one where the package made `kiosk` must give the same results. */
#define NO_SERVICE_GROUP "kiosk-test-no-such-group"
#define config_set_pin_hash(p, h, e, n) config_set_pin_hash_for(p, h, NO_SERVICE_GROUP, e, n)
#define config_check_permissions(p, w, n) config_check_permissions_for(p, NO_SERVICE_GROUP, w, n)
#define FULL_HASH "$y$j9T$h/29k57wUN0yjdb8axDvs1$CyHoSWt0LafePIsMV8tyAZ13UjgostpLsfHjdXyXTmD"
#define OLD_HASH "$y$j9T$aVB.SzzVKrb1m2p8rvDPS.$gljRFHZOGSDd06lCvtKBfV49JfxzTVvKhug1445zz22"

/* ---- helpers ---- */

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)size + 1);
    size_t got = s ? fread(s, 1, (size_t)size, f) : 0;
    fclose(f);
    if (!s) return NULL;
    s[got] = '\0';
    return s;
}

static bool write_all(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(text, 1, strlen(text), f) == strlen(text);
    return fclose(f) == 0 && ok;
}

/* Copies fixture `name` into dir and returns the copy's path (static buffer). */
static const char *copy_fixture(const char *dir, const char *name)
{
    static char path[1024];
    char from[512];
    snprintf(from, sizeof from, DIR_ "%s", name);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = read_all(from);
    CHECK(text != NULL);
    CHECK(text && write_all(path, text));
    free(text);
    return path;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
        if (d) closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static char *temp_dir(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/kiosk-config-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    return dir;
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
    if (d) closedir(d);
    return n;
}

/* Diagnostic i as printed ("file:line:col: error: ..."), for comparing whole messages. */
static const char *diag_text(const Diags *d, size_t i)
{
    static char buf[2048];
    if (i >= d->count) return "(no such diagnostic)";
    return diag_format(&d->items[i], buf, sizeof buf);
}

static bool open_at(const Hours *h, int wday, int hh, int mm)
{
    struct tm t = {.tm_wday = wday, .tm_hour = hh, .tm_min = mm};
    return hours_is_open(h, &t);
}

/* Loads a fixture that must be refused; prints the messages when it is not. */
static void load_bad(const char *name, KioskConfig *c, Diags *d)
{
    diags_init(d);
    CHECK(!config_load(name, c, d));
    CHECK(d->errors > 0);
}

/* ---- reading ---- */

static void test_full_file(void)
{
    KioskConfig c;
    Diags d;
    diags_init(&d);
    bool ok = config_load(DIR_ "full.yaml", &c, &d);
    diags_print(&d, stderr);
    CHECK(ok);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    CHECK(c.found);
    CHECK_STR(c.path, DIR_ "full.yaml");
    CHECK_STR(c.bundle, "/srv/kiosk/current");
    CHECK_STR(c.admin_pin, FULL_HASH);
    CHECK(pin_verify("4711", c.admin_pin));
    CHECK_INT(c.rotate, 90);
    CHECK(c.has_hours);
    CHECK(open_at(&c.hours, 1, 7, 30));   /* monday, from weekdays */
    CHECK(!open_at(&c.hours, 1, 17, 30));
    CHECK(!open_at(&c.hours, 3, 12, 30)); /* wednesday's own hours: lunch break */
    CHECK(open_at(&c.hours, 3, 15, 59));
    CHECK(!open_at(&c.hours, 3, 16, 0));
    CHECK(!open_at(&c.hours, 6, 12, 0));  /* saturday: closed */
    CHECK(!open_at(&c.hours, 0, 12, 0));  /* sunday: not named, so closed */
    CHECK_STR(c.stats, "/var/lib/kiosk/stats.db");
    CHECK_INT(c.stats_keep_days, 180);
    CHECK_STR(c.usb_dir, "/media/usb");
    CHECK_INT(c.cache_mb, 128);
    CHECK_STR(c.here, "zuidwest");
    CHECK_INT(c.display_power, DISPLAY_POWER_CEC);
    config_free(&c);
    CHECK(c.bundle == NULL && c.path == NULL && c.here == NULL);
    config_free(&c); /* twice is harmless */
    diags_free(&d);
}

static void test_missing_file_gives_defaults(void)
{
    KioskConfig c;
    Diags d;
    diags_init(&d);
    CHECK(config_load(DIR_ "does-not-exist.yaml", &c, &d));
    CHECK_INT(d.count, 0);
    CHECK(!c.found);
    CHECK(c.bundle == NULL);
    CHECK(c.admin_pin == NULL);
    CHECK_INT(c.rotate, 0);
    CHECK(!c.has_hours);
    for (int day = 0; day < HOURS_DAYS; day++) CHECK(open_at(&c.hours, day, 3, 0));
    CHECK_INT(hours_next_change(&c.hours, 1790000000, NULL), INT64_MAX);
    CHECK_STR(c.stats, CONFIG_DEFAULT_STATS);
    CHECK_INT(c.stats_keep_days, 365);
    CHECK_STR(c.usb_dir, "/media");
    CHECK_INT(c.cache_mb, 96);
    CHECK_INT(c.display_power, DISPLAY_POWER_DPMS);
    config_free(&c);
    /* a missing folder on the way is the same */
    CHECK(config_load(DIR_ "no-folder/config.yaml", &c, &d));
    CHECK_INT(d.count, 0);
    config_free(&c);
    diags_free(&d);
}

static void test_unknown_key_with_suggestion(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "unknown-key.yaml", &c, &d);
    CHECK_INT(d.errors, 2);
    CHECK_STR(diag_text(&d, 0), DIR_ "unknown-key.yaml:3:1: error: unknown key 'rotatoin' in "
                                     "the kiosk config; did you mean 'rotate'?");
    CHECK_STR(diag_text(&d, 1),
              DIR_ "unknown-key.yaml:4:1: error: unknown key 'colour' in the kiosk config; the "
                   "keys allowed here are: bundle, admin_pin, rotate, opening_hours, stats, "
                   "stats_keep_days, usb_dir, cache_mb, here, status_dir, prometheus_textfile, "
                   "display_power, bundles_by_date");
    /* the rest is still read */
    CHECK_STR(c.bundle, "/srv/kiosk/current");
    CHECK_INT(c.rotate, 0);
    config_free(&c);
    diags_free(&d);

    /* other forms of a key's word, and a key given twice */
    char *dir = temp_dir();
    char path[256];
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    CHECK(write_all(path, "rotation: 90\nusb: /media\ncache_mb: 64\ncache_mb: 80\n"
                          "opening_hours:\n  wed: 08:00-12:00\n"));
    load_bad(path, &c, &d);
    CHECK_INT(d.errors, 4);
    CHECK(strstr(diag_text(&d, 0), ":1:1: error: unknown key 'rotation' in the kiosk config; "
                                   "did you mean 'rotate'?"));
    CHECK(strstr(diag_text(&d, 1), ":2:1: error: unknown key 'usb' in the kiosk config; did "
                                   "you mean 'usb_dir'?"));
    CHECK(strstr(diag_text(&d, 2), ":4:1: error: 'cache_mb' appears twice in the kiosk config "
                                   "(first on line 3); keep one"));
    CHECK(strstr(diag_text(&d, 3), ":6:3: error: unknown key 'wed' in 'opening_hours'; did you "
                                   "mean 'wednesday'?"));
    CHECK_INT(c.cache_mb, 64); /* the first one counts */
    config_free(&c);
    diags_free(&d);
    remove_tree(dir);
}

static void test_bad_rotate(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "bad-rotate.yaml", &c, &d);
    CHECK_INT(d.errors, 1);
    CHECK_STR(diag_text(&d, 0), DIR_ "bad-rotate.yaml:1:9: error: rotate must be 0, 90, 180 or "
                                     "270 (degrees clockwise), not 45");
    CHECK_INT(c.rotate, 0); /* the default stays */
    config_free(&c);
    diags_free(&d);
}

static void test_bad_display_power(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "bad-display-power.yaml", &c, &d);
    CHECK_INT(d.errors, 1);
    CHECK_STR(diag_text(&d, 0), DIR_ "bad-display-power.yaml:1:16: error: display_power must be "
                                     "dpms (switch the display off), cec (send an HDMI TV to "
                                     "standby) or black (only draw it black), not 'off'");
    CHECK_INT(c.display_power, DISPLAY_POWER_DPMS); /* the default stays */
    CHECK_STR(config_display_power_name(DISPLAY_POWER_BLACK), "black");
    config_free(&c);
    diags_free(&d);
}

/* `here` is checked for its form only; whether the bundle's map has that region is checked
 * against the bundle (session_set_here, tests/unit/test_map.c). */
static void test_bad_here(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "bad-here.yaml", &c, &d);
    CHECK_INT(d.errors, 1);
    CHECK_STR(diag_text(&d, 0), DIR_ "bad-here.yaml:1:7: error: here must be the id of a region "
                                     "on the map (lowercase letters, digits and '-', e.g. noord), "
                                     "not 'Noord West'");
    CHECK(c.here == NULL); /* no marker rather than a wrong one */
    config_free(&c);
    diags_free(&d);
}

static void test_bad_hours(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "bad-hours.yaml", &c, &d);
    CHECK_INT(d.errors, 3);
    CHECK_STR(diag_text(&d, 0), DIR_ "bad-hours.yaml:4:3: error: unknown key 'wensday' in "
                                     "'opening_hours'; did you mean 'wednesday'?");
    CHECK_STR(diag_text(&d, 1),
              DIR_ "bad-hours.yaml:3:12: error: opening hours for tuesday: '25:00' is not a "
                   "time of day: hours go from 00 to 23 (24:00 may end a day)");
    CHECK_STR(diag_text(&d, 2),
              DIR_ "bad-hours.yaml:5:11: error: opening hours for friday: '7:3' is not a time; "
                   "write times as HH:MM, like 07:30");
    CHECK(!c.has_hours); /* broken hours are not half used: always on, as without them */
    config_free(&c);
    diags_free(&d);
}

static void test_plain_pin_is_refused_without_repeating_it(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "plain-pin.yaml", &c, &d);
    CHECK_INT(d.errors, 1);
    CHECK_STR(diag_text(&d, 0),
              DIR_ "plain-pin.yaml:2:12: error: admin_pin must be a hash, never the PIN itself; "
                   "set it with kiosk --set-pin and remove the PIN from this file");
    CHECK(strstr(diag_text(&d, 0), "4711") == NULL);
    CHECK(c.admin_pin == NULL);
    config_free(&c);
    diags_free(&d);
}

static void test_every_bad_value_is_reported_at_its_line(void)
{
    KioskConfig c;
    Diags d;
    load_bad(DIR_ "bad-values.yaml", &c, &d);
    CHECK_INT(d.errors, 7);
    const char *want[] = {
        DIR_ "bad-values.yaml:1:9: error: bundle must be the folder of the bundle to show, not "
             "a list",
        DIR_ "bad-values.yaml:7:12: error: admin_pin must be a hash; set it with kiosk "
             "--set-pin",
        DIR_ "bad-values.yaml:2:9: error: rotate must be a whole number, not 'ninety'",
        DIR_ "bad-values.yaml:3:8: error: stats must be a full path starting with '/', like "
             "/var/lib/kiosk/stats.db (or 'off')",
        DIR_ "bad-values.yaml:4:18: error: stats_keep_days must be a number from 1 to 3660, "
             "not 0",
        DIR_ "bad-values.yaml:5:9: error: usb_dir has no value; give the folder where USB "
             "sticks appear, or remove the line",
        DIR_ "bad-values.yaml:6:11: error: cache_mb must be a number from 8 to 4096, not "
             "100000",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) CHECK_STR(diag_text(&d, i), want[i]);
    CHECK_INT(c.cache_mb, 96);
    CHECK_STR(c.usb_dir, "/media");
    config_free(&c);
    diags_free(&d);
}

static void test_odd_files(void)
{
    char *dir = temp_dir();
    char path[256];
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    KioskConfig c;
    Diags d;

    /* empty, or only comments: all defaults */
    diags_init(&d);
    CHECK(write_all(path, "# nothing set yet\n"));
    CHECK(config_load(path, &c, &d));
    CHECK(c.found);
    CHECK_INT(c.cache_mb, 96);
    config_free(&c);

    /* YAML syntax error: located, defaults kept */
    CHECK(!config_load(DIR_ "broken.yaml", &c, &d));
    CHECK(d.errors == 1 && strncmp(diag_text(&d, 0), DIR_ "broken.yaml:3:1: error:", 27) == 0);
    CHECK(c.bundle == NULL);
    config_free(&c);
    diags_free(&d);

    /* not a mapping */
    diags_init(&d);
    CHECK(write_all(path, "- rotate: 90\n"));
    CHECK(!config_load(path, &c, &d));
    CHECK(strstr(diag_text(&d, 0), ":1:1: error: not a settings file (it is not 'key: value' "
                 "lines, like 'rotate: 90'); no setting is read from it"));
    CHECK(c.ignored);
    config_free(&c);
    diags_free(&d);

    /* stats off, hours as one line, a weekend-only kiosk warns about nothing */
    diags_init(&d);
    CHECK(write_all(path, "stats: off\nopening_hours: weekend 10:00-16:00\n"));
    CHECK(config_load(path, &c, &d));
    CHECK(c.stats == NULL);
    CHECK(c.has_hours && open_at(&c.hours, 6, 10, 0) && !open_at(&c.hours, 1, 10, 0));
    config_free(&c);

    /* closed every day: allowed, but a warning */
    CHECK(write_all(path, "opening_hours:\n  daily: closed\n"));
    CHECK(config_load(path, &c, &d));
    CHECK_INT(d.warnings, 1);
    CHECK(strstr(diag_text(&d, 0), ":2:3: warning: opening_hours keeps the kiosk closed"));
    config_free(&c);
    diags_free(&d);

    /* an empty opening_hours and an empty mapping are mistakes, not "never open" */
    diags_init(&d);
    CHECK(write_all(path, "opening_hours:\n"));
    CHECK(!config_load(path, &c, &d));
    CHECK(strstr(diag_text(&d, 0), "opening_hours is empty"));
    config_free(&c);
    diags_free(&d);
    diags_init(&d);
    CHECK(write_all(path, "opening_hours: {}\n"));
    CHECK(!config_load(path, &c, &d));
    CHECK(strstr(diag_text(&d, 0), "opening_hours names no days"));
    config_free(&c);
    diags_free(&d);

    /* an empty admin_pin, as in a template, means "no PIN yet" */
    diags_init(&d);
    CHECK(config_load(DIR_ "empty-pin.yaml", &c, &d));
    CHECK(c.admin_pin == NULL);
    config_free(&c);
    diags_free(&d);

    remove_tree(dir);
}

/* ---- writing the PIN hash ---- */

/* `text` with the first `from` replaced by `to` (malloc'd). */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at) return NULL;
    size_t a = (size_t)(at - text), lf = strlen(from), lt = strlen(to);
    char *out = malloc(strlen(text) - lf + lt + 1);
    memcpy(out, text, a);
    memcpy(out + a, to, lt);
    strcpy(out + a + lt, at + lf);
    return out;
}

/* A file that is not a settings file (a link to /etc/shadow, another program's settings, a
 * binary) is refused once, and nothing of its content is printed: no "unknown key" line per
 * line of it. Unknown keys of a real settings file are shown short and escaped. */
static void test_not_a_settings_file_is_refused_without_its_content(void)
{
    static const struct {
        const char *file, *want;
    } cases[] = {
        {"shadow-like.yaml", ":1:1: error: not a settings file (none of its 3 keys is a kiosk "
                             "setting); no setting is read from it"},
        {"passwd-like.yaml", ":1:1: error: not a settings file (it is not 'key: value' lines, "
                             "like 'rotate: 90'); no setting is read from it"},
        {"many-unknown.yaml", ":3:1: error: not a settings file (14 of its 15 keys are not kiosk "
                              "settings; there are only 13 settings); no setting is read from it"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256], want[512];
        snprintf(path, sizeof path, DIR_ "%s", cases[i].file);
        snprintf(want, sizeof want, "%s%s", path, cases[i].want);
        KioskConfig c;
        Diags d;
        diags_init(&d);
        CHECK(!config_load(path, &c, &d));
        CHECK_INT((int)d.count, 1);
        CHECK_STR(diag_text(&d, 0), want);
        CHECK(c.ignored && c.rotate == 0); /* not even the one known key of many-unknown */
        CHECK(!strstr(diag_text(&d, 0), "Secret") && !strstr(diag_text(&d, 0), "root"));
        config_free(&c);
        diags_free(&d);
    }

    /* A binary file: one message, no bytes of it. */
    char *dir = temp_dir();
    char path[256];
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(elf, 1, sizeof elf, f) == sizeof elf && fclose(f) == 0);
    KioskConfig c;
    Diags d;
    diags_init(&d);
    CHECK(!config_load(path, &c, &d));
    CHECK_INT((int)d.count, 1);
    CHECK(strstr(diag_text(&d, 0), ":1:1: error: the file contains binary data or control "
                 "characters; is it really a YAML text file?") != NULL);
    CHECK(c.ignored);
    config_free(&c);
    diags_free(&d);
    remove_tree(dir);

    /* A real settings file with odd keys: each reported, escaped and cut short. */
    diags_init(&d);
    CHECK(!config_load(DIR_ "hostile-keys.yaml", &c, &d));
    CHECK_INT((int)d.count, 2);
    CHECK_STR(diag_text(&d, 0), DIR_ "hostile-keys.yaml:2:1: error: unknown key "
              "'\\x1B]0;owned\\x07\\x1B[2J' in the kiosk config; the keys allowed here are: "
              "bundle, admin_pin, rotate, opening_hours, stats, stats_keep_days, usb_dir, cache_mb, here, status_dir, prometheus_textfile, display_power, bundles_by_date");
    CHECK(strstr(diag_text(&d, 1), ":3:1: error: unknown key "
                 "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...' in the kiosk config") != NULL);
    CHECK(!c.ignored && c.rotate == 90);
    config_free(&c);
    diags_free(&d);

    /* --set-pin never appends a PIN hash to such a file (through a link, as root). */
    dir = temp_dir();
    const char *copy = copy_fixture(dir, "shadow-like.yaml");
    char link[300], err[CONFIG_ERR_SIZE], want[600];
    snprintf(link, sizeof link, "%s/config.yaml", dir);
    CHECK(symlink(copy, link) == 0);
    char *before = read_all(copy);
    CHECK(!config_set_pin_hash(link, FULL_HASH, err, sizeof err));
    snprintf(want, sizeof want, "%s:1:1: not a settings file (none of its 3 keys is a kiosk "
             "setting); it was not changed", copy);
    CHECK_STR(err, want);
    char *after = read_all(copy);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);
    remove_tree(dir);
}

static void test_set_pin_keeps_comments_and_other_keys(void)
{
    char *dir = temp_dir();
    const char *path = copy_fixture(dir, "comments.yaml");
    char *before = read_all(path);
    char hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE];
    CHECK(pin_hash("90210", hash, sizeof hash));
    CHECK(config_set_pin_hash(path, hash, err, sizeof err));
    CHECK_STR(err, "");
    char *after = read_all(path);

    /* byte for byte the same, but for the value: '...old...' became "...new..." */
    char old_value[PIN_HASH_SIZE + 3], new_value[PIN_HASH_SIZE + 3];
    snprintf(old_value, sizeof old_value, "'%s'", OLD_HASH);
    snprintf(new_value, sizeof new_value, "\"%s\"", hash);
    char *want = replaced(before, old_value, new_value);
    CHECK_STR(after, want);
    CHECK(strstr(after, "   # set with: kiosk --set-pin\n"));

    struct stat st;
    CHECK(stat(path, &st) == 0);
    CHECK_INT(st.st_mode & 0777, 0600);
    CHECK_INT(count_files(dir), 1); /* no temporary left behind */

    KioskConfig c;
    Diags d;
    diags_init(&d);
    CHECK(config_load(path, &c, &d));
    CHECK(c.admin_pin && pin_verify("90210", c.admin_pin));
    CHECK(c.admin_pin && !pin_verify("0000", c.admin_pin));
    CHECK_INT(c.rotate, 270);
    config_free(&c);
    diags_free(&d);

    /* and again: the value it wrote itself is replaced just as well */
    char hash2[PIN_HASH_SIZE];
    CHECK(pin_hash("1234", hash2, sizeof hash2));
    CHECK(config_set_pin_hash(path, hash2, err, sizeof err));
    char *again = read_all(path);
    char *want2 = replaced(want, hash, hash2);
    CHECK_STR(again, want2);

    free(before);
    free(after);
    free(want);
    free(again);
    free(want2);
    remove_tree(dir);
}

static void test_set_pin_appends_or_fills_in(void)
{
    char *dir = temp_dir();
    char hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE], line[PIN_HASH_SIZE + 64];
    CHECK(pin_hash("5555", hash, sizeof hash));

    /* no admin_pin yet, Windows line ends, no newline at the end */
    const char *path = copy_fixture(dir, "no-pin-crlf.yaml");
    char *before = read_all(path);
    CHECK(config_set_pin_hash(path, hash, err, sizeof err));
    char *after = read_all(path);
    snprintf(line, sizeof line, "\r\nadmin_pin: \"%s\"\r\n", hash);
    CHECK(after && strncmp(after, before, strlen(before)) == 0);
    CHECK_STR(after ? after + strlen(before) : NULL, line);
    free(before);
    free(after);

    /* "admin_pin:" with only a comment: filled in, the comment stays */
    path = copy_fixture(dir, "empty-pin.yaml");
    CHECK(config_set_pin_hash(path, hash, err, sizeof err));
    after = read_all(path);
    snprintf(line, sizeof line, "admin_pin: \"%s\"   # set with: kiosk --set-pin\n", hash);
    CHECK(after && strstr(after, line));
    CHECK(after && strncmp(after, "bundle: /srv/kiosk/current\n", 27) == 0);
    CHECK(after && strstr(after, "\nrotate: 0\n"));
    free(after);

    /* no file and no folder yet: both are made, the file private */
    char deep[256];
    snprintf(deep, sizeof deep, "%s/etc/kiosk/config.yaml", dir);
    CHECK(config_set_pin_hash(deep, hash, err, sizeof err));
    if (err[0]) fprintf(stderr, "  %s\n", err);
    after = read_all(deep);
    snprintf(line, sizeof line, "admin_pin: \"%s\"\n", hash);
    CHECK_STR(after, line);
    struct stat st;
    CHECK(stat(deep, &st) == 0 && (st.st_mode & 0777) == 0600);
    free(after);

    /* through a symbolic link: the file it points to changes, the link stays */
    char link[256];
    snprintf(link, sizeof link, "%s/link.yaml", dir);
    CHECK(symlink(deep, link) == 0);
    char hash2[PIN_HASH_SIZE];
    CHECK(pin_hash("6666", hash2, sizeof hash2));
    CHECK(config_set_pin_hash(link, hash2, err, sizeof err));
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    after = read_all(deep);
    CHECK(after && strstr(after, hash2));
    free(after);

    remove_tree(dir);
}

static void test_set_pin_refuses_and_leaves_the_file_alone(void)
{
    char *dir = temp_dir();
    char hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE];
    CHECK(pin_hash("5555", hash, sizeof hash));

    /* never a PIN in place of a hash */
    const char *path = copy_fixture(dir, "comments.yaml");
    char *before = read_all(path);
    CHECK(!config_set_pin_hash(path, "4711", err, sizeof err));
    CHECK_STR(err, "not a PIN hash; make one with pin_hash()");
    char *after = read_all(path);
    CHECK_STR(after, before);
    free(before);
    free(after);

    /* a file with a YAML error */
    path = copy_fixture(dir, "broken.yaml");
    before = read_all(path);
    CHECK(!config_set_pin_hash(path, hash, err, sizeof err));
    CHECK(strstr(err, "has a YAML error; fix it first") && strstr(err, "broken.yaml:3:1"));
    after = read_all(path);
    CHECK_STR(after, before);
    free(before);
    free(after);

    /* admin_pin twice, a value on the next line, a flow mapping it cannot extend */
    char p[256];
    snprintf(p, sizeof p, "%s/odd.yaml", dir);
    CHECK(write_all(p, "admin_pin: a\nrotate: 0\nadmin_pin: b\n"));
    CHECK(!config_set_pin_hash(p, hash, err, sizeof err));
    CHECK(strncmp(err, "admin_pin appears twice in ", 27) == 0);
    CHECK(strstr(err, "(lines 1 and 3); remove one first"));
    CHECK(write_all(p, "admin_pin:\n  \"$y$j9T$x$y\"\n"));
    CHECK(!config_set_pin_hash(p, hash, err, sizeof err));
    CHECK(strstr(err, "is not on the admin_pin line itself"));
    CHECK(write_all(p, "{rotate: 90}\n"));
    CHECK(!config_set_pin_hash(p, hash, err, sizeof err));
    CHECK(strstr(err, "could not place admin_pin safely"));
    before = read_all(p);
    CHECK_STR(before, "{rotate: 90}\n");
    free(before);
    CHECK_INT(count_files(dir), 3); /* two fixtures and odd.yaml: no temporaries */

    remove_tree(dir);
}

static void test_permission_warning(void)
{
    char *dir = temp_dir();
    const char *path = copy_fixture(dir, "full.yaml");
    char warning[CONFIG_ERR_SIZE + 4096];

    CHECK(chmod(path, 0644) == 0);
    CHECK(!config_check_permissions(path, warning, sizeof warning));
    char want[2048];
    snprintf(want, sizeof want, "%s can be read by other users (mode 0644); run: chmod 600 %s",
             path, path);
    CHECK_STR(warning, want);

    CHECK(chmod(path, 0640) == 0);
    CHECK(!config_check_permissions(path, warning, sizeof warning));

    CHECK(chmod(path, 0600) == 0);
    CHECK(config_check_permissions(path, warning, sizeof warning));
    CHECK_STR(warning, "");

    /* no admin_pin: readable is fine, writable by others is not */
    char other[256];
    snprintf(other, sizeof other, "%s/my config.yaml", dir);
    CHECK(write_all(other, "rotate: 90\n"));
    CHECK(chmod(other, 0644) == 0);
    CHECK(config_check_permissions(other, warning, sizeof warning));
    CHECK(chmod(other, 0666) == 0);
    CHECK(!config_check_permissions(other, warning, sizeof warning));
    snprintf(want, sizeof want,
             "%s can be changed by other users (mode 0666); run: chmod 600 '%s'", other, other);
    CHECK_STR(warning, want);

    /* no file: nothing to warn about */
    CHECK(config_check_permissions(DIR_ "does-not-exist.yaml", warning, sizeof warning));

    /* a new PIN tightens the mode */
    CHECK(chmod(path, 0644) == 0);
    char hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE];
    CHECK(pin_hash("2468", hash, sizeof hash));
    CHECK(config_set_pin_hash(path, hash, err, sizeof err));
    CHECK(config_check_permissions(path, warning, sizeof warning));

    remove_tree(dir);
}

/* Fleet health: status.json beside the statistics unless told otherwise; none with stats off;
 * the Prometheus textfile only when named, and only as a .prom file (node_exporter reads no
 * other). */
/* bundles_by_date: sorted, looked up by day; overlaps are errors at the later range, with the
 * line of the other; without `bundle:` the days in between are warned about. */
static void test_bundles_by_date(void)
{
    KioskConfig c;
    Diags d;
    diags_init(&d);
    CHECK(config_load(DIR_ "dated.yaml", &c, &d));
    CHECK_INT((int)d.count, 0);
    CHECK_INT((int)c.n_dated, 2);
    int32_t day;
    CHECK(caldate_parse("2027-03-13", &day));
    CHECK_STR(config_dated_bundle(&c, day), "/srv/kiosk/open-day");
    CHECK(config_dated_bundle(&c, day + 1) == NULL);
    CHECK(caldate_parse("2027-01-29", &day));
    CHECK_STR(config_dated_bundle(&c, day), "/srv/kiosk/fair");
    CHECK(config_dated_bundle(&c, day + 1) == NULL);
    CHECK(c.dated[0].from < c.dated[1].from); /* sorted */
    config_free(&c);
    diags_free(&d);
    load_bad(DIR_ "bad-dated.yaml", &c, &d);
    CHECK_INT(d.errors, 4);
    CHECK_STR(diag_text(&d, 0), DIR_ "bad-dated.yaml:4:55: error: 'to' is before 'from': the "
                                     "dates are days, 'to' included (the same day twice for a "
                                     "single day)");
    CHECK_STR(diag_text(&d, 1), DIR_ "bad-dated.yaml:5:36: error: from must be a date like "
                                     "2027-03-13 (year-month-day, a real day between 2000 and "
                                     "2099)");
    CHECK_STR(diag_text(&d, 2), DIR_ "bad-dated.yaml:5:14: error: bundle must be a bundle "
                                     "folder's full path starting with '/', like "
                                     "/srv/kiosk/fair-2027");
    CHECK_STR(diag_text(&d, 3), DIR_ "bad-dated.yaml:3:5: error: these dates overlap those on "
                                     "line 2 (2027-03-08 to 2027-03-14); a day can show one "
                                     "bundle only");
    CHECK_STR(diag_text(&d, 4), DIR_ "bad-dated.yaml:6:5: warning: no bundle is set for "
                                     "2027-03-15 to 2027-03-31, the days before these: the kiosk "
                                     "shows its built-in bundle then; set 'bundle:' for the days "
                                     "in between");
    CHECK_INT((int)c.n_dated, 0); /* nothing dated applies after an error */
    config_free(&c);
    diags_free(&d);
}

static void test_status_settings(void)
{
    char *dir = temp_dir();
    char path[256];
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    KioskConfig c;
    Diags d;
    diags_init(&d);
    CHECK(config_load(DIR_ "does-not-exist.yaml", &c, &d));
    CHECK_STR(c.status_dir, "/var/lib/kiosk");
    CHECK(c.prometheus_textfile == NULL);
    config_free(&c);
    CHECK(write_all(path, "stats: /srv/data/stats.db\n"));
    CHECK(config_load(path, &c, &d));
    CHECK_STR(c.status_dir, "/srv/data");
    config_free(&c);
    CHECK(write_all(path, "stats: off\n"));
    CHECK(config_load(path, &c, &d));
    CHECK(c.status_dir == NULL);
    config_free(&c);
    CHECK(write_all(path, "stats: off\nstatus_dir: /var/lib/kiosk/share\n"
                          "prometheus_textfile: /var/lib/prometheus/node-exporter/kiosk.prom\n"));
    CHECK(config_load(path, &c, &d));
    CHECK_STR(c.status_dir, "/var/lib/kiosk/share");
    CHECK_STR(c.prometheus_textfile, "/var/lib/prometheus/node-exporter/kiosk.prom");
    config_free(&c);
    CHECK(write_all(path, "status_dir: off\nprometheus_textfile: off\n"));
    CHECK(config_load(path, &c, &d));
    CHECK(c.status_dir == NULL && c.prometheus_textfile == NULL);
    config_free(&c);
    CHECK_INT(d.count, 0);
    CHECK(write_all(path, "status_dir: status\nprometheus_textfile: /var/lib/kiosk.txt\n"));
    CHECK(!config_load(path, &c, &d));
    CHECK_INT(d.errors, 2);
    CHECK(strstr(diag_text(&d, 0), ":1:13: error: status_dir must be a full path starting with "
                 "'/', like /var/lib/kiosk (or 'off')"));
    CHECK(strstr(diag_text(&d, 1), ":2:22: error: prometheus_textfile must be a file name "
                 "ending in .prom"));
    CHECK_STR(c.status_dir, "/var/lib/kiosk"); /* a wrong value keeps the default */
    CHECK(c.prometheus_textfile == NULL);
    config_free(&c);
    diags_free(&d);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    RUN(test_full_file);
    RUN(test_missing_file_gives_defaults);
    RUN(test_unknown_key_with_suggestion);
    RUN(test_bad_rotate);
    RUN(test_bad_here);
    RUN(test_bad_display_power);
    RUN(test_bad_hours);
    RUN(test_plain_pin_is_refused_without_repeating_it);
    RUN(test_every_bad_value_is_reported_at_its_line);
    RUN(test_odd_files);
    RUN(test_not_a_settings_file_is_refused_without_its_content);
    RUN(test_set_pin_keeps_comments_and_other_keys);
    RUN(test_set_pin_appends_or_fills_in);
    RUN(test_set_pin_refuses_and_leaves_the_file_alone);
    RUN(test_permission_warning);
    RUN(test_status_settings);
    RUN(test_bundles_by_date);
    return check_summary();
}
