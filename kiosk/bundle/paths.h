/* paths.h: file references inside a bundle, and what kind of image a file is.
 *
 * Nothing outside the bundle folder may ever be read: not by `../`, not by an absolute path,
 * not through a symbolic link. Checking the resolved real path against the real bundle folder
 * covers all three at once. */
#ifndef KIOSK_PATHS_H
#define KIOSK_PATHS_H

#include <stddef.h>

#include "bundle/bundle.h"

typedef enum {
    PATH_OK,
    PATH_EMPTY,
    PATH_ABSOLUTE,
    PATH_PARENT,   /* a "../" component */
    PATH_MISSING,
    PATH_OUTSIDE,  /* resolves outside the bundle, i.e. through a symbolic link */
    PATH_NOT_FILE, /* a folder or device */
    PATH_TOO_LONG,
} PathStatus;

/* Resolves `rel` against the bundle folder whose real path is `root_real`; on PATH_OK the
 * file's real path is written to `out`. */
PathStatus paths_resolve(const char *root_real, const char *rel, char *out, size_t size);

/* A plain-language explanation of a failed resolution, for messages. */
const char *paths_explain(PathStatus st);

/* Looks at the file's first bytes (never decodes it). On success fills type and, for PNG and
 * JPEG, the pixel size, and returns NULL; otherwise returns why the file cannot be used. The
 * type comes from the extension of `rel`, or from the first bytes when rel is NULL (a file
 * held open, named /proc/self/fd/N). */
const char *image_probe(const char *path, const char *rel, ImageType *type, int *w, int *h);

#endif
