/* qrsurface.h: a URL as a QR code (error correction M, a quiet zone of two modules), dark
 * modules on white, whole pixels per module, at most side x side. NULL when it cannot be made. */
#ifndef KIOSK_QRSURFACE_H
#define KIOSK_QRSURFACE_H

#include <SDL.h>

SDL_Surface *qrsurface_make(const char *url, int side);

#endif
