/* premade.c: see premade.h. */
#include "platform/premade.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/svgsize.h"

enum { SVG_HEAD_BYTES = 4096 }; /* the root element is near the start */

/* The size SDL_image will rasterise the SVG at in a w x h box, from its root element. */
static bool svg_size(const char *path, int w, int h, int *ow, int *oh)
{
    FILE *f;
    if (fileio_open(path, &f, NULL) != FILEIO_OK) return false;
    char head[SVG_HEAD_BYTES + 1];
    size_t n = fread(head, 1, SVG_HEAD_BYTES, f);
    fclose(f);
    head[n] = '\0';
    float sw, sh;
    if (!svg_declared_size(head, &sw, &sh)) return false;
    svg_raster_size(sw, sh, w, h, ow, oh);
    return *ow > 0 && *oh > 0;
}

static void expect(Premade *p, const char *key, const char *path, bool svg, const DecodeSize *ds,
                   int w, int h)
{
    PremadeSlot *free_slot = NULL;
    for (size_t i = 0; i < PREMADE_SLOTS && !free_slot; i++)
        if (!p->slot[i].key) free_slot = &p->slot[i];
    if (!free_slot) return;
    PremadeSlot s = {0};
    if (svg) {
        /* SDL_image's rasteriser writes RGBA bytes */
        if (!svg_size(path, w, h, &s.w, &s.h)) return;
        s.format = SDL_PIXELFORMAT_ABGR8888;
    } else {
        s.w = ds->shown_w;
        s.h = ds->shown_h;
        s.format = SDL_PIXELFORMAT_ARGB8888; /* the decoder's JPEGs and resampled pictures */
    }
    if ((long long)s.w * s.h * 4 < PREMADE_MIN_BYTES) return;
    if (!(s.key = strdup(key))) return;
    *free_slot = s;
}

bool premade_request(Premade *p, Decoder *dec, const char *key, const char *path, bool svg,
                     const DecodeSize *ds, int w, int h)
{
    if (!decoder_request(dec, key, path, svg, w, h)) return false;
    expect(p, key, path, svg, ds, w, h);
    return true;
}

bool premade_idle(Premade *p, SDL_Renderer *r)
{
    for (size_t i = 0; i < PREMADE_SLOTS; i++) {
        PremadeSlot *s = &p->slot[i];
        if (!s->key || s->t) continue;
        /* the same kind of texture SDL_CreateTextureFromSurface makes for a surface of
         * this format, so a copy of the same pixels draws the same */
        s->t = SDL_CreateTexture(r, s->format, SDL_TEXTUREACCESS_STATIC, s->w, s->h);
        if (!s->t) { /* not again */
            free(s->key);
            *s = (PremadeSlot){0};
            return false;
        }
        return true;
    }
    return false;
}

SDL_Texture *premade_take(Premade *p, const char *key, SDL_Surface *surf)
{
    for (size_t i = 0; i < PREMADE_SLOTS; i++) {
        PremadeSlot *s = &p->slot[i];
        if (!s->key || strcmp(s->key, key) != 0) continue;
        SDL_Texture *t = s->t;
        bool fits = t && surf && surf->w == s->w && surf->h == s->h &&
                    surf->format->format == s->format && !SDL_HasColorKey(surf);
        if (fits && SDL_UpdateTexture(t, NULL, surf->pixels, surf->pitch) != 0) fits = false;
        if (t && !fits) {
            SDL_DestroyTexture(t);
            p->missed++;
        }
        free(s->key);
        *s = (PremadeSlot){0};
        if (!fits) return NULL;
        p->used++;
        return t;
    }
    return NULL;
}

void premade_free(Premade *p)
{
    for (size_t i = 0; i < PREMADE_SLOTS; i++) {
        if (p->slot[i].t) SDL_DestroyTexture(p->slot[i].t);
        free(p->slot[i].key);
        p->slot[i] = (PremadeSlot){0};
    }
}
