/* test_stats_access.c: the statistics file as an operator reaches it from outside the kiosk.
 *
 *   test_stats_access export    kiosk --stats-export: a copy of a file that stats_writer is
 *                               writing meanwhile is whole and readable and holds what was
 *                               committed; the visits still in -wal are in it; a place it cannot
 *                               write gives a clear error, exit 1 and no file (not even half);
 *                               without DB it takes the settings' file.
 *   test_stats_access readonly  kiosk --stats (and --stats-export) as a normal user on a
 *                               root-owned 0644 file in a 0755 root-owned folder: closed cleanly
 *                               (no -wal), open in a kiosk, and after a kill -9. As root the
 *                               user is nobody (setpriv or runuser); as a normal user, a folder
 *                               of its own made read-only stands in. Exit 77 (skipped) when
 *                               neither can be had.
 *
 * The real kiosk binary runs (KIOSK_PATH), as an operator would run it. Waits are on events
 * (lines from the writer, processes ending), never on a number of milliseconds. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "ops/stats.h"

#include "check.h"
#include "stats_child.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

enum {
    D1 = 1709510400,      /* Monday 2024-03-04 00:00:00 UTC */
    WRITER_VIEWS = 5,     /* screens per visit that stats_writer writes */
    WRITER_QUIZ_ROWS = 3, /* quiz results per visit */
    PATH_LEN = 512,
    MAX_ARGS = 16,
    NO_LIMIT = 0,
    /* A file-size limit far below one copy of the database: the disk fills mid-copy. */
    FULL_DISK_BYTES = 8192,
};

static char tmp_dir[64];
/* How to run a command as a normal user: a prefix such as setpriv ... (NULL entries: none). */
static const char *as_user[6];

static const char *tpath(char buf[PATH_LEN], const char *name)
{
    snprintf(buf, PATH_LEN, "%s/%s", tmp_dir, name);
    return buf;
}

/* dir/name, in buf. */
static const char *join(char buf[PATH_LEN], const char *dir, const char *name)
{
    snprintf(buf, PATH_LEN, "%.400s/%.100s", dir, name);
    return buf;
}

/* ---- running the kiosk ----------------------------------------------------------------------- */

typedef struct {
    int status; /* exit code, or 128 + signal */
    char *out, *err;
} Ran;

static void ran_free(Ran *r)
{
    free(r->out);
    free(r->err);
}

/* Runs [as_user...] argv (NULL-terminated) with stdout and stderr into files, optionally with a
 * file-size limit (SIGXFSZ ignored, so writing past it fails with EFBIG, as on a full disk). */
static Ran run(bool normal_user, rlim_t fsize_limit, const char *const *argv)
{
    char *program[MAX_ARGS] = {0}, *args[CHILD_MAX_ARGS] = {0};
    int n = 0;
    for (int i = 0; normal_user && as_user[i]; i++) args[n++] = (char *)as_user[i];
    for (int i = 0; argv[i] && i < MAX_ARGS - 1; i++) program[i] = (char *)argv[i];
    with_emulator(program, args + n);
    char out_path[PATH_LEN], err_path[PATH_LEN];
    tpath(out_path, "run-out.txt");
    tpath(err_path, "run-err.txt");
    Ran r = {.status = -1};
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        if (fsize_limit != NO_LIMIT) {
            struct rlimit lim = {fsize_limit, fsize_limit};
            signal(SIGXFSZ, SIG_IGN);
            setrlimit(RLIMIT_FSIZE, &lim);
        }
        execvp(args[0], args);
        _exit(127);
    }
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid)
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    if (!r.out) r.out = strdup("");
    if (!r.err) r.err = strdup("");
    return r;
}

static Ran kiosk(bool normal_user, const char *a1, const char *a2, const char *a3, const char *a4)
{
    const char *argv[] = {KIOSK_PATH, a1, a2, a3, a4, NULL};
    return run(normal_user, NO_LIMIT, argv);
}

/* The names in a folder, sorted and joined by spaces (static buffer). */
static const char *listing(const char *dir)
{
    static char out[2048];
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0)
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", out[0] ? " " : "",
                     names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return out;
}

/* A statistics file intact, with whole visits only, and for a copy (plain) a plain file that
 * needs no -wal. Returns its number of visits. */
static long long check_file(const char *path, bool plain)
{
    sqlite3 *db = raw_open(path);
    CHECK_STR(sql_text(db, "PRAGMA integrity_check"), "ok");
    if (plain) CHECK_STR(sql_text(db, "PRAGMA journal_mode"), "delete");
    CHECK_INT(sql_int(db, "PRAGMA user_version"), STATS_SCHEMA_VERSION);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM visits v WHERE (SELECT count(*) FROM views WHERE visit = v.id)"
             " != %d OR (SELECT count(*) FROM quiz WHERE visit = v.id) != %d",
             WRITER_VIEWS, WRITER_QUIZ_ROWS);
    CHECK_INT(sql_int(db, sql), 0);
    long long visits = sql_int(db, "SELECT count(*) FROM visits");
    sqlite3_close(db);
    return visits;
}

/* Visits of the writer's shape written through the module; the Stats is left open (the visits
 * stay in -wal) when keep_open, else closed (folded into the file, -wal removed). */
static Stats *write_visits(const char *path, int n, bool keep_open)
{
    static const char *const RESULTS[] = {"lasser", "elektromonteur", "installateur"};
    Stats *s = stats_open(path, NULL, 0);
    CHECK(s != NULL);
    for (int v = 0; v < n; v++) {
        int64_t t = D1 + v * 600;
        stats_visit_begin(s, t, "techniekpact", "2026.11");
        for (int i = 0; i < WRITER_VIEWS; i++) stats_view(s, t + i, "home", NULL, "nl", 1000);
        stats_quiz(s, t + WRITER_VIEWS, RESULTS, 3, "nl");
        stats_visit_end(s, t + 60);
    }
    if (keep_open) return s;
    stats_close(s);
    return NULL;
}

/* stats_writer saving visits of WRITER_VIEWS screens into db as fast as it can. */
static bool writer_loop(Child *c, char *db)
{
    char views[16];
    snprintf(views, sizeof views, "%d", WRITER_VIEWS);
    char *argv[] = {(char *)STATS_WRITER_PATH, "loop", db, views, NULL};
    bool ok = child_start(c, argv);
    CHECK(ok);
    return ok;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* ---- export ---------------------------------------------------------------------------------- */

/* stats_writer saves visits as fast as it can while two exports run. Each copy holds at least
 * the visits the writer had reported before the export started and at most those it reported
 * by the time it was stopped after the export (+1: committed, not yet printed). */
static void test_export_of_a_file_being_written_is_whole(void)
{
    char db[PATH_LEN], out[PATH_LEN], dir[PATH_LEN];
    tpath(db, "live.db");
    mkdir(tpath(dir, "exports"), 0755);
    join(out, dir, "kiosk-a.db");
    Child c;
    if (!writer_loop(&c, db)) return;
    long long copied[2] = {0, 0};
    long before[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        child_read(&c, c.lines + 3); /* three more visits committed */
        before[i] = c.last;
        Ran r = kiosk(false, "--stats-export", out, db, NULL);
        CHECK_INT(r.status, 0);
        CHECK(strstr(r.out, "stats: copied ") != NULL);
        if (r.status != 0) fprintf(stderr, "  %s", r.err);
        ran_free(&r);
        copied[i] = check_file(out, true);
    }
    kill(c.pid, SIGKILL);
    child_finish(&c);
    for (int i = 0; i < 2; i++) {
        CHECK(copied[i] >= before[i]);
        CHECK(copied[i] <= c.last + 1);
        fprintf(stderr, "  export %d: writer had reported %ld visits, the copy holds %lld\n", i + 1,
                before[i], copied[i]);
    }
    CHECK(copied[1] > copied[0]);           /* the second replaced the first */
    CHECK_STR(listing(dir), "kiosk-a.db"); /* no temporary file left */
    Ran r = kiosk(false, "--stats", out, NULL, NULL);
    CHECK_INT(r.status, 0);
    CHECK(strstr(r.out, "Kiosk statistics, 1 file:") != NULL);
    ran_free(&r);
}

/* A running kiosk's visits are in its -wal file until a checkpoint: copying stats.db alone
 * (what the README used to say) loses them; the export has them. */
static void test_export_has_the_visits_still_in_the_wal(void)
{
    char db[PATH_LEN], wal[PATH_LEN], out[PATH_LEN];
    tpath(db, "wal.db");
    snprintf(wal, sizeof wal, "%.400s-wal", db);
    Stats *s = write_visits(db, 4, true);
    struct stat st;
    CHECK(stat(wal, &st) == 0 && st.st_size > 0);
    Ran r = kiosk(false, "--stats-export", tpath(out, "wal-copy.db"), db, NULL);
    CHECK_INT(r.status, 0);
    CHECK(strstr(r.out, "(4 visits, 2024-03-04 to 2024-03-04)") != NULL);
    ran_free(&r);
    CHECK_INT(check_file(out, true), 4);
    CHECK(!exists(tpath(wal, "wal-copy.db-wal")));
    stats_close(s);
}

/* Run with the given target; must fail with exit 1, a message holding `want`, and leave the
 * target as it was: absent (old NULL), holding `old`, or (old "") whatever it was. */
static void check_export_fails(bool normal_user, rlim_t limit, const char *db, const char *target,
                               const char *want, const char *old)
{
    const char *argv[] = {KIOSK_PATH, "--stats-export", target, db, NULL};
    Ran r = run(normal_user, limit, argv);
    CHECK_INT(r.status, 1);
    CHECK(strstr(r.err, "stats: cannot export ") != NULL);
    CHECK(strstr(r.err, "(nothing was written)") != NULL);
    if (!strstr(r.err, want)) fprintf(stderr, "  got: %s  expected a message with: %s\n", r.err, want);
    CHECK(strstr(r.err, want) != NULL);
    ran_free(&r);
    if (old && *old) {
        char *now = slurp(target);
        CHECK_STR(now, old);
        free(now);
    } else if (!old) {
        CHECK(!exists(target));
    }
}

static void test_export_to_an_unusable_place_says_why_and_writes_nothing(void)
{
    char db[PATH_LEN], target[PATH_LEN], dir[PATH_LEN];
    write_visits(tpath(db, "source.db"), 40, false);
    check_export_fails(false, NO_LIMIT, db, tpath(target, "no-such-folder/a.db"),
                       "No such file or directory", NULL);
    mkdir(tpath(dir, "a-folder"), 0755);
    check_export_fails(false, NO_LIMIT, db, dir, "it is a folder", "");
    CHECK_STR(listing(dir), "");
    /* The target is the kiosk's own file: replacing it would throw the live file away. */
    Ran r = kiosk(false, "--stats-export", db, db, NULL);
    CHECK_INT(r.status, 1);
    CHECK(strstr(r.err, "the statistics file itself") != NULL);
    ran_free(&r);
    CHECK_INT(check_file(db, false), 40);
    /* The disk fills up mid-copy: the earlier export stays as it was, no temporary file. */
    mkdir(tpath(dir, "full"), 0755);
    join(target, dir, "kiosk-a.db");
    FILE *f = fopen(target, "w");
    if (f) fputs("the export of yesterday", f), fclose(f);
    check_export_fails(false, FULL_DISK_BYTES, db, target, "File too large",
                       "the export of yesterday");
    CHECK_STR(listing(dir), "kiosk-a.db");
    /* A folder the user may not write. */
    if (as_user[0] || geteuid() != 0) {
        mkdir(tpath(dir, "locked"), 0755);
        if (geteuid() != 0) chmod(dir, 0555);
        join(target, dir, "kiosk-a.db");
        check_export_fails(true, NO_LIMIT, db, target, "Permission denied", NULL);
        chmod(dir, 0755);
        CHECK_STR(listing(dir), "");
    }
    /* Usage errors: two files to copy. */
    r = kiosk(false, "--stats-export", target, db, db);
    CHECK_INT(r.status, 2);
    ran_free(&r);
}

/* Without DB the settings' `stats:` file is copied; with `stats: off` it says so. */
static void test_export_without_db_takes_the_settings_file(void)
{
    char db[PATH_LEN], cfg[PATH_LEN], out[PATH_LEN], text[PATH_LEN * 2];
    write_visits(tpath(db, "configured.db"), 2, false);
    snprintf(text, sizeof text, "stats: %s\n", db);
    FILE *f = fopen(tpath(cfg, "config.yaml"), "w");
    if (f) fputs(text, f), fclose(f);
    Ran r = kiosk(false, "--stats-export", tpath(out, "from-settings.db"), "--config", cfg);
    CHECK_INT(r.status, 0);
    ran_free(&r);
    CHECK_INT(check_file(out, true), 2);
    f = fopen(cfg, "w");
    if (f) fputs("stats: off\n", f), fclose(f);
    r = kiosk(false, "--stats-export", tpath(out, "off.db"), "--config", cfg);
    CHECK_INT(r.status, 1);
    CHECK(strstr(r.err, "statistics are off") != NULL);
    ran_free(&r);
    CHECK(!exists(out));
}

/* ---- read-only, as a normal user ------------------------------------------------------------- */

/* The folder a kiosk's statistics live in, as the package makes it but owned by root: 0755,
 * the file 0644 (root), or for a normal user running the test its own folder made 0555. */
static void make_readonly(const char *dir, const char *db)
{
    char companion[PATH_LEN + 8];
    chmod(db, 0644);
    snprintf(companion, sizeof companion, "%s-wal", db);
    chmod(companion, 0644);
    snprintf(companion, sizeof companion, "%s-shm", db);
    chmod(companion, 0644);
    chmod(dir, geteuid() == 0 ? 0755 : 0555);
}

/* --stats as the normal user shows `visits` visits, and the folder and file are as before. */
static void check_report_as_user(const char *dir, const char *db, long long visits)
{
    char want[64], *before = slurp(db), names[2048];
    snprintf(names, sizeof names, "%s", listing(dir));
    snprintf(want, sizeof want, "1 file: %lld visits", visits);
    Ran r = kiosk(true, "--stats", db, NULL, NULL);
    CHECK_INT(r.status, 0);
    if (!strstr(r.out, want)) fprintf(stderr, "  got: %s%s  expected: %s\n", r.out, r.err, want);
    CHECK(strstr(r.out, want) != NULL);
    CHECK(!strstr(r.err, "readonly"));
    ran_free(&r);
    char *after = slurp(db);
    CHECK(before && after && strcmp(before, after) == 0); /* text compare: the header differs */
    free(before);
    free(after);
    CHECK_STR(listing(dir), names);
}

/* A kiosk that closed cleanly left no -wal: SQLite would have to create one to read. */
static void test_report_on_a_closed_file(void)
{
    char dir[PATH_LEN], db[PATH_LEN];
    mkdir(tpath(dir, "closed"), 0755);
    join(db, dir, "stats.db");
    write_visits(db, 3, false);
    CHECK_STR(listing(dir), "stats.db");
    make_readonly(dir, db);
    check_report_as_user(dir, db, 3);
    /* The export reads it the same way, into a place the user may write. */
    char out[PATH_LEN];
    mkdir(tpath(out, "user-out"), 0777);
    chmod(out, 0777);
    snprintf(out + strlen(out), sizeof out - strlen(out), "/copy.db");
    Ran r = kiosk(true, "--stats-export", out, db, NULL);
    CHECK_INT(r.status, 0);
    if (r.status) fprintf(stderr, "  %s", r.err);
    ran_free(&r);
    CHECK_INT(check_file(out, true), 3);
}

/* A kiosk has it open: the visits in -wal count, read through a read-only -shm. */
static void test_report_on_a_file_in_use(void)
{
    char dir[PATH_LEN], db[PATH_LEN];
    mkdir(tpath(dir, "open"), 0755);
    join(db, dir, "stats.db");
    Stats *s = write_visits(db, 5, true);
    make_readonly(dir, db);
    check_report_as_user(dir, db, 5);
    stats_close(s); /* as root it folds -wal in; as a normal user in a 0555 folder it cannot */
}

/* A kiosk was killed: -wal and -shm stay behind, with visits in them. */
static void test_report_after_kill_9(void)
{
    char dir[PATH_LEN], db[PATH_LEN];
    mkdir(tpath(dir, "killed"), 0755);
    join(db, dir, "stats.db");
    Child c;
    if (!writer_loop(&c, db)) return;
    child_read(&c, 4);
    kill(c.pid, SIGKILL);
    child_finish(&c);
    sqlite3 *raw = NULL; /* count what the file holds before the user reads it */
    sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL);
    long long visits = sql_int(raw, "SELECT count(*) FROM visits");
    sqlite3_close(raw);
    CHECK(visits >= c.last && visits <= c.last + 1);
    make_readonly(dir, db);
    check_report_as_user(dir, db, visits);
}

/* ---- main ------------------------------------------------------------------------------------ */

/* setpriv or runuser, whichever can run the kiosk as nobody here; false when neither. */
static bool find_normal_user(void)
{
    static const char *const WAYS[][6] = {
        {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", NULL},
        {"runuser", "-u", "nobody", "--", NULL},
    };
    const char *argv[] = {KIOSK_PATH, "--version", NULL};
    for (size_t w = 0; w < sizeof WAYS / sizeof *WAYS; w++) {
        memcpy(as_user, WAYS[w], sizeof as_user);
        Ran r = run(true, NO_LIMIT, argv);
        bool ok = r.status == 0 && strstr(r.out, "kiosk ");
        ran_free(&r);
        if (ok) return true;
    }
    memset(as_user, 0, sizeof as_user);
    return false;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    chmod(path, 0755);
    return remove(path);
}

static int remove_all(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)ftw;
    if (flag == FTW_D) chmod(path, 0755); /* a 0555 folder, to empty it */
    return 0;
}

int main(int argc, char **argv)
{
    setenv("TZ", "UTC", 1);
    tzset();
    bool readonly = argc == 2 && strcmp(argv[1], "readonly") == 0;
    if (!readonly && !(argc == 2 && strcmp(argv[1], "export") == 0)) {
        fprintf(stderr, "usage: test_stats_access export|readonly\n");
        return 2;
    }
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/kiosk-stats-access-XXXXXX");
    if (!mkdtemp(tmp_dir) || chmod(tmp_dir, 0755) != 0) {
        fprintf(stderr, "cannot make a temporary folder: %s\n", strerror(errno));
        return 1;
    }
    bool user = geteuid() != 0 || find_normal_user();
    if (readonly && !user) {
        fprintf(stderr, "SKIP: running as root and neither setpriv nor runuser can run %s as "
                "nobody\n", KIOSK_PATH);
        rmdir(tmp_dir);
        return 77;
    }
    if (readonly) {
        fprintf(stderr, "the normal user: %s\n", as_user[0] ? as_user[0] : "this user (not root)");
        RUN(test_report_on_a_closed_file);
        RUN(test_report_on_a_file_in_use);
        RUN(test_report_after_kill_9);
    } else {
        RUN(test_export_of_a_file_being_written_is_whole);
        RUN(test_export_has_the_visits_still_in_the_wal);
        RUN(test_export_to_an_unusable_place_says_why_and_writes_nothing);
        RUN(test_export_without_db_takes_the_settings_file);
    }
    nftw(tmp_dir, remove_all, 16, FTW_PHYS);
    nftw(tmp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_summary();
}
