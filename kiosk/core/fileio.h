/* fileio.h: opening files the kiosk did not write, without ever blocking on them; and
 * replacing a file the kiosk writes so that nobody ever reads half of it.
 *
 * A bundle, a settings file, a replay script or a statistics database is named by someone else
 * and may be a FIFO, a device or a folder. fopen() on a FIFO waits for a writer forever (the
 * reload thread, `--check` and SIGTERM with it), so every such file is opened O_NONBLOCK,
 * checked with fstat() on the open descriptor (no race with a swap between stat and open) to
 * be a regular file, and only then read. */
#ifndef KIOSK_FILEIO_H
#define KIOSK_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

typedef enum {
    FILEIO_OK,
    FILEIO_CANNOT_OPEN, /* errno tells why */
    FILEIO_NOT_REGULAR, /* a FIFO, device, socket or folder; fileio_kind() says which */
} FileioStatus;

enum { FILEIO_MAX_PATH = 4096 }; /* PATH_MAX on Linux */

/* Opens `path` for reading ("rb"). On FILEIO_OK `*out` is an owned FILE* (fclose it) and `st`
 * (if not NULL) holds its fstat(); otherwise `*out` is NULL. Never blocks. */
FileioStatus fileio_open(const char *path, FILE **out, struct stat *st);

/* What a non-regular file is, in plain words: "a FIFO, a named pipe", "a folder"... */
const char *fileio_kind(mode_t mode);

/* Whether `path` is a regular file or does not exist (for files another library opens, such
 * as SQLite's). On false, `why` (may be NULL) gets a short reason. Never blocks. */
int fileio_regular_or_missing(const char *path, char *why, size_t why_size);

/* Who owns a file written by fileio_replace, and who may read it. */
typedef struct FileioOwner {
    uid_t uid;   /* (uid_t)-1 and (gid_t)-1: the process's own */
    gid_t gid;
    mode_t mode; /* permission bits, e.g. 0644 */
} FileioOwner;

/* Replaces `path` with the `len` bytes of `data` atomically: a hidden temporary file in the
 * same folder (".NAME.XXXXXX"; rename() is atomic only within one file system), written,
 * given its owner and mode, fsync'ed, renamed over `path`, and the folder fsync'ed. A reader
 * sees the old file or the new one, never a part; a power cut leaves one of the two. On any
 * failure the temporary file is removed, `path` is untouched, and `err` (n bytes) says what
 * failed and why. The folder must exist. */
bool fileio_replace(const char *path, const void *data, size_t len, const FileioOwner *owner,
                    char *err, size_t n);

#endif
