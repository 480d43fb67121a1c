/* decoder.h: pictures decoded on a worker thread, so a scroll never waits for a decode.
 *
 * The drawer asks for a picture at a size; the worker decodes it (SVG rasterised at that size,
 * photos scaled once) into an SDL surface; the drawer turns finished surfaces into textures
 * on the render thread at its next frame. `notify` is called from the worker after each
 * result, so the window can wake and draw again. */
#ifndef KIOSK_DECODER_H
#define KIOSK_DECODER_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle/bundle.h"
#include "core/decodesize.h"

typedef struct SDL_Surface SDL_Surface;
typedef struct Decoder Decoder;

/* DECODER_LARGE_PIXELS: a decode above this many pixels (8 MB of ARGB) waits for any other
 * such decode to finish, and the window leaves it to the worker thread. */
enum { DECODER_MAX_PENDING = 64, DECODER_KEY_BYTES = 4200, DECODER_LARGE_PIXELS = 2000000 };

typedef struct DecodeResult {
    char key[DECODER_KEY_BYTES];
    char path[DECODER_KEY_BYTES];
    SDL_Surface *surface; /* owned by the receiver; NULL when the picture could not be decoded */
} DecodeResult;

/* The size a PNG or JPEG of src_w x src_h is shown at in a w x h box and the size it is
 * decoded at (a JPEG scaled by libjpeg-turbo while it decodes, to the smallest of its factors
 * at or above the shown size). False when a size is zero or negative. */
bool decoder_plan(bool jpeg, int src_w, int src_h, int w, int h, DecodeSize *out);
/* The file to decode: the picture's own path, or, once that is gone (its folder deleted under
 * a kept bundle), the copy the bundle holds open. */
const char *decoder_source(const Image *img);
/* The drawer's cache key of a picture shown in a w x h box, and *ds: a photo's decode (zero
 * for an SVG). */
void decoder_key(const Image *img, int w, int h, char *key, size_t size, DecodeSize *ds);
/* Past the pixel limits (BUNDLE_MAX_IMAGE_SIDE, BUNDLE_MAX_IMAGE_PIXELS). */
bool decoder_too_large(int w, int h);

/* Decodes `path` at about w x h keeping its aspect ratio (used by the worker and for
 * synchronous decodes). NULL on failure (IMG_GetError says why). */
SDL_Surface *decoder_decode(const char *path, bool svg, int w, int h);

Decoder *decoder_start(void (*notify)(void *ctx), void *ctx);
void decoder_stop(Decoder *d);
/* Queues a decode; false when the queue is full (the caller may decode itself). A key that is
 * already queued or being decoded is accepted once. */
bool decoder_request(Decoder *d, const char *key, const char *path, bool svg, int w, int h);
bool decoder_pending(Decoder *d, const char *key);
/* Moves up to max finished results into out; returns how many. */
size_t decoder_take(Decoder *d, DecodeResult *out, size_t max);

#endif
