/* fileio.c: see fileio.h. The descriptor is opened O_NONBLOCK only so that open() itself
 * cannot wait; once it is known to be a regular file the flag is cleared (it has no effect on
 * regular files anyway) and the descriptor becomes an ordinary stdio stream. */
#include "core/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
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
