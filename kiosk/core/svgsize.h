/* svgsize.h: the size an SVG is rasterised at for a box, known before it is rasterised.
 *
 * The drawer makes a large picture's texture while the worker thread still decodes it (the
 * texture's fresh memory costs page faults, 7-20 ms for a 4K detail page's picture here, that
 * would otherwise land in the frame the picture arrives in). For a photo the size comes from
 * its header; for an SVG from its root element, read the way SDL_image 2.6's nanosvg reads it,
 * and the fit SDL_image applies. A wrong guess only costs the texture made ahead: the drawer
 * compares it with what the worker produced. Pure: no file is read here. */
#ifndef KIOSK_SVGSIZE_H
#define KIOSK_SVGSIZE_H

#include <stdbool.h>

/* The value of attribute `name` within the tag [tag, end), or NULL. */
const char *svg_attr(const char *tag, const char *end, const char *name);
/* A length in user units: a number alone or with "px", up to the closing quote. */
bool svg_length(const char *s, float *out);
/* The width and height of a viewBox value ("x y w h"), both above zero. */
bool svg_viewbox(const char *vb, float *w, float *h);

/* The size the SVG whose text starts with `head` (NUL-terminated) declares: its width and
 * height attributes (plain numbers or px), else its viewBox's. False when it declares none or
 * uses other units (nanosvg would convert them; not worth guessing). */
bool svg_declared_size(const char *head, float *w, float *h);

/* The pixels SDL_image 2.6 rasterises an SVG of sw x sh at for a w x h box: scaled by the
 * smaller of the two ratios, each side rounded up. */
void svg_raster_size(float sw, float sh, int w, int h, int *out_w, int *out_h);

#endif
