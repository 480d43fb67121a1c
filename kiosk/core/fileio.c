/* fileio.c: see fileio.h. The descriptor is opened O_NONBLOCK only so that open() itself
 * cannot wait; once it is known to be a regular file the flag is cleared (it has no effect on
 * regular files anyway) and the descriptor becomes an ordinary stdio stream.
 *
 * fileio_replace is the one way the program replaces a file others read (the settings file,
 * the status files): write beside it, fsync, rename, fsync the folder. */
#include "core/fileio.h"

#include "core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *fileio_kind(mode_t mode)
{
    if (S_ISFIFO(mode)) return "a FIFO, a named pipe";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "something other than a file";
}

FileioStatus fileio_open(const char *path, FILE **out, struct stat *st)
{
    *out = NULL;
    struct stat local;
    if (!st) st = &local;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return FILEIO_CANNOT_OPEN;
    if (fstat(fd, st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return FILEIO_CANNOT_OPEN;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        return FILEIO_NOT_REGULAR;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        errno = e;
        return FILEIO_CANNOT_OPEN;
    }
    *out = f;
    return FILEIO_OK;
}

int fileio_regular_or_missing(const char *path, char *why, size_t why_size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) return 1;
        if (why) snprintf(why, why_size, "%s", strerror(errno));
        return 0;
    }
    if (S_ISREG(st.st_mode)) return 1;
    if (why) snprintf(why, why_size, "it is %s, not a regular file", fileio_kind(st.st_mode));
    return 0;
}

static bool write_all(int fd, const char *s, size_t len)
{
    while (len) {
        ssize_t w = write(fd, s, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        s += w;
        len -= (size_t)w;
    }
    return true;
}

/* The temporary file's content, owner and mode, on disk. */
static bool write_temporary(int fd, const char *tmp, const char *path, const void *data,
                            size_t len, const FileioOwner *owner, char *err, size_t n)
{
    if (!write_all(fd, data, len)) {
        err_set(err, n, "cannot write %s: %s", tmp, strerror(errno));
        return false;
    }
    /* The owner first: chown may clear mode bits, and the group must be right before the
     * group may read. */
    bool other_uid = owner->uid != (uid_t)-1 && owner->uid != geteuid();
    bool other_gid = owner->gid != (gid_t)-1 && owner->gid != getegid();
    if ((other_uid || other_gid) && fchown(fd, owner->uid, owner->gid) != 0) {
        err_set(err, n, "cannot give the new %s its owner back (%s); run this as that user or "
                "as root", path, strerror(errno));
        return false;
    }
    if (fchmod(fd, owner->mode) != 0) {
        err_set(err, n, "cannot set the mode of %s: %s", tmp, strerror(errno));
        return false;
    }
    if (fsync(fd) != 0) {
        err_set(err, n, "cannot save %s to disk: %s", tmp, strerror(errno));
        return false;
    }
    return true;
}

bool fileio_replace(const char *path, const void *data, size_t len, const FileioOwner *owner,
                    char *err, size_t n)
{
    FileioOwner own = {(uid_t)-1, (gid_t)-1, 0644};
    if (!owner) owner = &own;
    char dir[FILEIO_MAX_PATH], tmp[FILEIO_MAX_PATH + 32];
    if (strlen(path) >= FILEIO_MAX_PATH) {
        err_set(err, n, "the path %.80s... is too long", path);
        return false;
    }
    path_dir(path, dir, sizeof dir);
    snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, path_base(path));
    int fd = mkstemp(tmp); /* created with mode 0600 */
    if (fd >= 0) (void)fcntl(fd, F_SETFD, FD_CLOEXEC); /* no child inherits it */
    if (fd < 0) {
        err_set(err, n, "cannot create a temporary file next to %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = write_temporary(fd, tmp, path, data, len, owner, err, n);
    if (close(fd) != 0 && ok) {
        err_set(err, n, "cannot write %s: %s", tmp, strerror(errno));
        ok = false;
    }
    if (ok && rename(tmp, path) != 0) {
        err_set(err, n, "cannot replace %s: %s", path, strerror(errno));
        ok = false;
    }
    if (!ok) {
        unlink(tmp);
        return false;
    }
    /* The rename itself is on disk only once the folder is synced. */
    int dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        fsync(dir_fd);
        close(dir_fd);
    }
    return true;
}
