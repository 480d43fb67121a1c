/* qrsurface.c: a URL as a QR code surface (see qrsurface.h); moved out of draw.c as it was. */
#include "platform/qrsurface.h"

#include <qrencode.h>

SDL_Surface *qrsurface_make(const char *url, int side)
{
    QRcode *q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) return NULL;
    int quiet = 2, modules = q->width + 2 * quiet;
    int scale = side / modules > 0 ? side / modules : 1;
    int px = modules * scale;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, px, px, 32, SDL_PIXELFORMAT_ARGB8888);
    if (s) {
        SDL_FillRect(s, NULL, 0xFFFFFFFF);
        for (int y = 0; y < q->width; y++)
            for (int x = 0; x < q->width; x++)
                if (q->data[y * q->width + x] & 1)
                    SDL_FillRect(s, &(SDL_Rect){(x + quiet) * scale, (y + quiet) * scale, scale, scale},
                                 0xFF14213D);
    }
    QRcode_free(q);
    return s;
}
