/* plan.c: a floor plan: the collection's `plan` picture and its places' `pin`s.
 *
 * The picture's own size is the coordinate space of its places, so an organiser reads a pin's
 * x and y off the picture in any drawing program, and nobody has to keep a second size in step
 * with the picture. A PNG or JPEG gives its size in pixels (read at load, as for every
 * picture). An SVG gives it in its root element: the viewBox (its width and height; x and y
 * count from the viewBox's top-left corner), else plain width and height in user units or px.
 * An SVG without either has no size a pin could refer to, and is refused with what to add.
 * Shapes on a plan are read by read_shape (values.c) in the same space, as on a map. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/loader.h"
#include "core/fileio.h"
#include "core/svgsize.h"

enum { SVG_HEAD_BYTES = 8192 }; /* the root element is near the start; comments may come first */

/* The size of the SVG at `path`: its viewBox's width and height, else its width and height. */
static bool svg_size(const char *path, float *w, float *h)
{
    FILE *f;
    struct stat st;
    if (fileio_open(path, &f, &st) != FILEIO_OK) return false;
    char head[SVG_HEAD_BYTES + 1];
    size_t n = fread(head, 1, SVG_HEAD_BYTES, f);
    fclose(f);
    head[n] = '\0';
    const char *tag = strstr(head, "<svg");
    const char *end = tag ? strchr(tag, '>') : NULL;
    if (!end) return false;
    const char *vb = svg_attr(tag, end, "viewBox");
    if (vb) return svg_viewbox(vb, w, h);
    return svg_length(svg_attr(tag, end, "width"), w) && svg_length(svg_attr(tag, end, "height"), h);
}

void read_plan(Loader *l, const YFile *f, const YNode *m, Collection *c)
{
    const YNode *n = ynode_get(m, "plan");
    if (c->layout != LAYOUT_PLAN) {
        if (n) load_error(l, f, n, "'plan' is only used with 'layout: plan'");
        return;
    }
    if (!n) {
        load_error(l, f, m, "a collection with 'layout: plan' needs 'plan: images/...' (the "
                   "picture of the floor plan, SVG, PNG or JPEG)");
        return;
    }
    if (!read_image(l, f, n, &c->plan) || !c->plan) return;
    if (c->plan->type != IMAGE_SVG) {
        c->map_w = (float)c->plan->width;
        c->map_h = (float)c->plan->height;
    } else if (!svg_size(c->plan->path, &c->map_w, &c->map_h)) {
        load_error(l, f, n, "the plan '%s' does not say its size: give its <svg> element a "
                   "viewBox (like viewBox=\"0 0 1600 1000\"), whose width and height are the "
                   "coordinates of the pins", c->plan->rel);
        c->plan = NULL;
    }
}

void read_pin(Loader *l, const YFile *f, const YNode *n, const Collection *c, Item *it)
{
    if (!n) return;
    if (c->layout != LAYOUT_PLAN) {
        load_error(l, f, n, "'pin' is only used in a collection with 'layout: plan' (a place "
                   "on a floor plan)");
        return;
    }
    char *end = NULL;
    float x = 0, y = 0;
    if (n->kind == YNODE_SCALAR) {
        x = strtof(n->str, &end);
        if (end != n->str && *end == ',') {
            const char *p = end + 1;
            y = strtof(p, &end);
            if (end == p) end = NULL;
            while (end && isspace((unsigned char)*end)) end++;
        } else {
            end = NULL;
        }
    }
    if (!end || *end) {
        load_error(l, f, n, "expected a point like \"120,340\" (x,y in the plan's picture)");
        return;
    }
    if (!c->plan) return; /* no size to check against; the plan's own error was given */
    if (!(x >= 0 && y >= 0 && x <= c->map_w && y <= c->map_h)) {
        load_error(l, f, n, "the pin %g,%g lies outside the plan (its picture is %g x %g)",
                   (double)x, (double)y, (double)c->map_w, (double)c->map_h);
        return;
    }
    it->pin_x = x;
    it->pin_y = y;
    it->has_pin = true;
}

const char *shape_space(const Collection *c)
{
    return c->layout == LAYOUT_PLAN ? "plan (its picture" : "map (map_size";
}
