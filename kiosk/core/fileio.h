/* fileio.h: opening files the kiosk did not write, without ever blocking on them.
 *
 * A bundle, a settings file, a replay script or a statistics database is named by someone else
 * and may be a FIFO, a device or a folder. fopen() on a FIFO waits for a writer forever (the
 * reload thread, `--check` and SIGTERM with it), so every such file is opened O_NONBLOCK,
 * checked with fstat() on the open descriptor (no race with a swap between stat and open) to
 * be a regular file, and only then read. */
#ifndef KIOSK_FILEIO_H
#define KIOSK_FILEIO_H

#include <stdio.h>
#include <sys/stat.h>

typedef enum {
    FILEIO_OK,
    FILEIO_CANNOT_OPEN, /* errno tells why */
    FILEIO_NOT_REGULAR, /* a FIFO, device, socket or folder; fileio_kind() says which */
} FileioStatus;

/* Opens `path` for reading ("rb"). On FILEIO_OK `*out` is an owned FILE* (fclose it) and `st`
 * (if not NULL) holds its fstat(); otherwise `*out` is NULL. Never blocks. */
FileioStatus fileio_open(const char *path, FILE **out, struct stat *st);

/* What a non-regular file is, in plain words: "a FIFO, a named pipe", "a folder"... */
const char *fileio_kind(mode_t mode);

/* Whether `path` is a regular file or does not exist (for files another library opens, such
 * as SQLite's). On false, `why` (may be NULL) gets a short reason. Never blocks. */
int fileio_regular_or_missing(const char *path, char *why, size_t why_size);

#endif
