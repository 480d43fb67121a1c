/* svgsize.c: see svgsize.h. */
#include "core/svgsize.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *svg_attr(const char *tag, const char *end, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = tag; p + len + 2 < end; p++) {
        if (!isspace((unsigned char)p[0]) || strncmp(p + 1, name, len) != 0) continue;
        const char *q = p + 1 + len;
        while (q < end && isspace((unsigned char)*q)) q++;
        if (q >= end || *q != '=') continue;
        q++;
        while (q < end && isspace((unsigned char)*q)) q++;
        if (q < end && (*q == '"' || *q == '\'')) return q + 1;
    }
    return NULL;
}

bool svg_length(const char *s, float *out)
{
    char *end;
    float v = s ? strtof(s, &end) : 0;
    if (!s || end == s || !(v > 0)) return false;
    if (strncmp(end, "px", 2) == 0) end += 2;
    if (*end != '"' && *end != '\'') return false;
    *out = v;
    return true;
}

bool svg_declared_size(const char *head, float *w, float *h)
{
    const char *tag = strstr(head, "<svg");
    const char *end = tag ? strchr(tag, '>') : NULL;
    if (!end) return false;
    const char *aw = svg_attr(tag, end, "width"), *ah = svg_attr(tag, end, "height");
    if (aw || ah) /* nanosvg takes them first, and a missing one from the viewBox */
        return aw && ah && svg_length(aw, w) && svg_length(ah, h);
    const char *vb = svg_attr(tag, end, "viewBox");
    return vb && svg_viewbox(vb, w, h);
}

bool svg_viewbox(const char *vb, float *w, float *h)
{
    float v[4];
    char *p = (char *)vb;
    for (int i = 0; i < 4; i++) {
        while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n') p++;
        char *e;
        v[i] = strtof(p, &e);
        if (e == p) return false;
        p = e;
    }
    if (!(v[2] > 0 && v[3] > 0)) return false;
    *w = v[2];
    *h = v[3];
    return true;
}

void svg_raster_size(float sw, float sh, int w, int h, int *out_w, int *out_h)
{
    /* as IMG_LoadSizedSVG_RW computes it, in float */
    float sx = (float)w / sw, sy = (float)h / sh;
    float scale = sx < sy ? sx : sy;
    *out_w = (int)ceilf(sw * scale);
    *out_h = (int)ceilf(sh * scale);
}
