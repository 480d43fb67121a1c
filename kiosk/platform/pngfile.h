/* pngfile.h: writing a surface to a PNG file, with every write error seen (platform only).
 *
 * SDL_image's IMG_SavePNG ignores failed writes and the result of closing the file, so a full
 * disk, /dev/full or a file system that fails on close reported success with a truncated or
 * empty picture. */
#ifndef KIOSK_PNGFILE_H
#define KIOSK_PNGFILE_H

#include <stdbool.h>

struct SDL_Surface;

/* Writes `s` as PNG to `path`. False after logging "cannot save PATH: reason" once; a
 * regular file left half-written is removed. */
bool png_write_file(struct SDL_Surface *s, const char *path);

#endif
