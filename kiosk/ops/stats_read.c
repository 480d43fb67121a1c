/* stats_read.c: reading a statistics file that a kiosk may be writing, and copying it whole.
 *
 * The report (kiosk --stats) and the export (kiosk --stats-export) read files they do not own:
 * /var/lib/kiosk/stats.db belongs to the service, and an organiser runs the report as a normal
 * user. So a file is only ever opened read-only ("mode=ro"): the report can never change it.
 *
 * WAL makes read-only harder than it looks. A reader of a WAL database needs the -wal and -shm
 * companions (the visits of a running kiosk are still in -wal; -shm is the index into it):
 *   - a kiosk has the file open (or was killed): both exist, and SQLite (3.22 and later) reads
 *     them through a read-only -shm, with its locks, from a consistent snapshot;
 *   - no kiosk has it open: the last one folded -wal into the file and deleted both on closing,
 *     so the file alone holds every visit. SQLite would still create -shm and -wal to read it,
 *     and fails with "attempt to write a readonly database" where the reader may not create
 *     files. Only there is the file opened "immutable": read as it is, without locks or
 *     companions (SQLite's documented way, sqlite.org/wal.html "Read-Only Databases").
 * Immutable is safe there because every committed visit is in the main file and a kiosk that
 * starts meanwhile writes to a new -wal, not to the main file; only a checkpoint (after 1000
 * pages of new visits, or when that kiosk closes again) writes to the main file, and not in the
 * milliseconds a copy takes. Where the reader may create files (root, the kiosk user), the
 * ordinary locked way is used: SQLite gives new -wal and -shm the database file's owner.
 *
 * The export copies with SQLite's online backup API in one step, which reads every page in one
 * read transaction: one snapshot, the visits in -wal included, without stopping the kiosk (in
 * WAL a reader never blocks the writer). The copy is written to a hidden temporary file in the
 * target folder, switched to a plain rollback-journal file (one self-contained file that reads
 * anywhere, even on a read-only stick), checked, synced and renamed over FILE, so FILE is
 * either the old file or the whole new copy, never a half one. */
#include "core/util.h"
#include "ops/stats_figures.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

enum {
    /* A reader waits this long for SQLite's brief locks (a kiosk starting, recovering). */
    READ_BUSY_MS = 5000,
    /* Room for the messages of the export and for a database header. */
    WHY_MAX = 640,
    HEADER_BYTES = 100,
    /* How much of a path a reason quotes (the message names both files in full anyway). */
    QUOTE = 200,
};

/* ---- opening read-only --------------------------------------------------------------------- */

/* Whether the file's header says WAL (bytes 18 and 19 are 2) and no -wal companion exists,
 * that is: in WAL mode and opened by nobody now. */
static bool wal_and_closed(const char *path)
{
    unsigned char h[HEADER_BYTES];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    bool wal = read(fd, h, sizeof h) == (ssize_t)sizeof h && h[18] == 2 && h[19] == 2;
    close(fd);
    if (!wal) return false;
    char companion[STATS_PATH_MAX + 8];
    snprintf(companion, sizeof companion, "%s-wal", path);
    return access(companion, F_OK) != 0 && errno == ENOENT;
}

bool stats_read_uri(const char *path, char *uri, size_t size)
{
    static const char HEX[] = "0123456789ABCDEF";
    if (strlen(path) > STATS_PATH_MAX) return false;
    char dir[STATS_PATH_MAX + 1];
    path_dir(path, dir, sizeof dir);
    bool immutable = wal_and_closed(path) && access(dir, W_OK) != 0;
    const char *query = immutable ? "?mode=ro&immutable=1" : "?mode=ro";
    size_t o = (size_t)snprintf(uri, size, path[0] == '/' ? "file://" : "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("/-._~", *p);
        if (o + 4 >= size) return false;
        if (plain) {
            uri[o++] = (char)*p;
        } else {
            uri[o++] = '%';
            uri[o++] = HEX[*p >> 4];
            uri[o++] = HEX[*p & 15];
        }
    }
    return o + strlen(query) < size && snprintf(uri + o, size - o, "%s", query) > 0;
}

/* ---- the export ---------------------------------------------------------------------------- */

/* Where the copy goes: a regular file or a new name in an existing folder, never the
 * statistics file itself (the rename would replace the kiosk's file) nor a device or link. */
static bool check_target(const char *db, const char *file, char *why, size_t size)
{
    struct stat st, src;
    if (stat(db, &src) != 0) {
        snprintf(why, size, "the statistics file: %s", strerror(errno));
        return false;
    }
    if (!S_ISREG(src.st_mode)) {
        snprintf(why, size, "the statistics file is not a plain file");
        return false;
    }
    if (lstat(file, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            snprintf(why, size, "it is a folder; give a file name such as %.*s/kiosk.db", QUOTE,
                     file);
        else if (!S_ISREG(st.st_mode))
            snprintf(why, size, "the target exists and is not a plain file (a link or a device)");
        else if (st.st_dev == src.st_dev && st.st_ino == src.st_ino)
            snprintf(why, size, "the target is the statistics file itself; give another name");
        else return true;
        return false;
    }
    if (errno != ENOENT) {
        snprintf(why, size, "the target: %s", strerror(errno));
        return false;
    }
    return true;
}

/* The first column of a one-row query, as text ("" when none). */
static void query_text(sqlite3 *db, const char *sql, char *out, size_t size)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Copies src into the open, empty dst and makes dst a checked, self-contained file. */
static bool copy_into(sqlite3 *src, sqlite3 *dst, char *why, size_t size)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        snprintf(why, size, "%s", sqlite3_errmsg(dst));
        return false;
    }
    /* -1: every page in one step, so one read transaction and one snapshot. */
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b); /* leaves the step's error on dst */
    if (rc != SQLITE_DONE) {
        /* SQLite says "disk I/O error" for a full disk or a file too large; errno says which. */
        int sys = sqlite3_system_errno(dst);
        snprintf(why, size, "%s%s%s%s",
                 sqlite3_errcode(dst) != SQLITE_OK ? sqlite3_errmsg(dst) : sqlite3_errstr(rc),
                 sys ? " (" : "", sys ? strerror(sys) : "", sys ? ")" : "");
        return false;
    }
    char text[64];
    query_text(dst, "PRAGMA user_version", text, sizeof text);
    if (atol(text) != STATS_SCHEMA_VERSION) {
        snprintf(why, size, "it is not a kiosk statistics file (schema version %s)", text);
        return false;
    }
    query_text(dst, "PRAGMA journal_mode=DELETE", text, sizeof text);
    if (strcmp(text, "delete") != 0) {
        snprintf(why, size, "cannot make the copy a plain file: %s", sqlite3_errmsg(dst));
        return false;
    }
    query_text(dst, "PRAGMA quick_check", text, sizeof text);
    if (strcmp(text, "ok") != 0) {
        snprintf(why, size, "the copy does not check out (%s): %s", text, sqlite3_errmsg(dst));
        return false;
    }
    return true;
}

/* Writes the copy into tmp (an empty file); summary gets "N visits, FIRST to LAST". */
static bool export_to(const char *db, const char *tmp, char *summary, size_t ssize, char *why,
                      size_t size)
{
    char uri[URI_MAX];
    sqlite3 *src = NULL, *dst = NULL;
    bool ok = false;
    if (!stats_read_uri(db, uri, sizeof uri)) {
        snprintf(why, size, "the path is too long");
        return false;
    }
    if (sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
        snprintf(why, size, "cannot open it: %s", src ? sqlite3_errmsg(src) : "out of memory");
        goto done;
    }
    sqlite3_busy_timeout(src, READ_BUSY_MS);
    if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        snprintf(why, size, "cannot write the copy: %s", dst ? sqlite3_errmsg(dst) : "out of memory");
        goto done;
    }
    if (!copy_into(src, dst, why, size)) goto done;
    query_text(dst,
               "SELECT count(*) || ' visits' || coalesce(', ' || date(min(started), 'unixepoch',"
               " 'localtime') || ' to ' || date(max(started), 'unixepoch', 'localtime'), '')"
               " FROM visits",
               summary, ssize);
    ok = true;
done:
    sqlite3_close(src);
    if (dst && sqlite3_close(dst) != SQLITE_OK && ok) {
        snprintf(why, size, "cannot finish the copy: %s", sqlite3_errmsg(dst));
        ok = false;
    }
    return ok;
}

/* Removes the temporary file and whatever SQLite made beside it. */
static void remove_tmp(const char *tmp)
{
    static const char *const SUFFIX[] = {"", "-journal", "-wal", "-shm"};
    char name[STATS_PATH_MAX + 32];
    for (size_t i = 0; i < sizeof SUFFIX / sizeof *SUFFIX; i++) {
        snprintf(name, sizeof name, "%s%s", tmp, SUFFIX[i]);
        unlink(name);
    }
}

/* fsync of a file or folder by name; false with errno set. */
static bool sync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = fsync(fd) == 0;
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

/* A new empty file beside `file` for the copy, readable as a new file of the caller's would be
 * (mkstemp makes it 0600). */
static bool make_tmp(const char *file, char *tmp, size_t n, char *why, size_t size)
{
    char dir[STATS_PATH_MAX + 1];
    path_dir(file, dir, sizeof dir);
    snprintf(tmp, n, "%s/.%s.XXXXXX", dir, path_base(file));
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(why, size, "cannot write in the folder %.*s: %s", QUOTE, dir, strerror(errno));
        return false;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    return true;
}

int stats_export(const char *db, const char *file, FILE *out, FILE *err)
{
    char why[WHY_MAX] = "", tmp[STATS_PATH_MAX + 32], summary[128] = "";
    if (strlen(file) > STATS_PATH_MAX || strlen(db) > STATS_PATH_MAX) {
        fprintf(err, "stats: cannot export: the path is too long\n");
        return 1;
    }
    if (!check_target(db, file, why, sizeof why) || !make_tmp(file, tmp, sizeof tmp, why, sizeof why))
        goto fail;
    if (!export_to(db, tmp, summary, sizeof summary, why, sizeof why)) goto fail_tmp;
    char dir[STATS_PATH_MAX + 1];
    path_dir(file, dir, sizeof dir);
    if (!sync_path(tmp, O_RDONLY) || rename(tmp, file) != 0) {
        snprintf(why, sizeof why, "cannot write the copy: %s", strerror(errno));
        goto fail_tmp;
    }
    /* The rename is on disk only once the folder is; a failure here leaves a whole file. */
    if (!sync_path(dir, O_RDONLY | O_DIRECTORY))
        fprintf(err, "stats: warning: cannot sync the folder %s: %s\n", dir, strerror(errno));
    fprintf(out, "stats: copied %s to %s (%s)\n", db, file, summary);
    return 0;

fail_tmp:
    remove_tmp(tmp);
fail:
    fprintf(err, "stats: cannot export %s to %s: %s (nothing was written)\n", db, file, why);
    return 1;
}
