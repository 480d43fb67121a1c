/* resample.h: decoded pictures scaled down to the size they are shown at (see resample.c). */
#ifndef KIOSK_RESAMPLE_H
#define KIOSK_RESAMPLE_H

#include <stdbool.h>

typedef struct SDL_Surface SDL_Surface;

/* `s` scaled to sw x sh (at most its own size); `s` is consumed (returned as is when it has
 * that size already). opaque_argb: s is opaque ARGB8888 (libturbojpeg's output), averaged by
 * exact areas; otherwise any format, averaged by boxes weighted by alpha. NULL on OOM. */
SDL_Surface *resample_fit(SDL_Surface *s, int sw, int sh, bool opaque_argb);

#endif
