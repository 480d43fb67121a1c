/* gallery.c: an item's `gallery` (pictures with caption and credit) and how a picture fills
 * its box (`fit`, `focus`), for the item's `image` and for each gallery picture.
 *
 * A gallery picture is read as any picture (read_image: inside the bundle, a real PNG, JPEG or
 * SVG within the size limits, held open like the others), so a gallery counts against
 * BUNDLE_MAX_KEPT_FILES like every other picture; its count is limited here, where it is read,
 * to GALLERY_MAX_PICTURES (a visitor swipes through a handful, not through an archive).
 *
 * The focus is written in percent from the left and from the top ("30%, 60%"), as in CSS's
 * object-position: a fraction (0.3) reads like a size and a bare 30 like pixels, and pixels
 * would change meaning when a picture is exported at another size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bundle/loader.h"

/* Words organisers use for a fit, beside typos of its name. */
static const char *fit_meant(const char *word)
{
    static const struct {
        const char *word, *fit;
    } meant[] = {
        {"fill", "cover"},     {"crop", "cover"},     {"cropped", "cover"}, {"vullen", "cover"},
        {"bijsnijden", "cover"}, {"füllen", "cover"}, {"zoom", "cover"},    {"fit", "contain"},
        {"whole", "contain"},  {"heel", "contain"},   {"passend", "contain"}, {"passen", "contain"},
        {"ganz", "contain"},   {"scale", "contain"},  {"letterbox", "contain"},
    };
    for (size_t i = 0; i < sizeof meant / sizeof meant[0]; i++)
        if (strcasecmp(word, meant[i].word) == 0) return meant[i].fit;
    return NULL;
}

static bool read_fit_word(Loader *l, const YFile *f, const YNode *n, FitKind *out)
{
    static const char *const names[] = {"cover", "contain"};
    if (n->kind == YNODE_SCALAR) {
        if (strcmp(n->str, "cover") == 0) *out = FIT_COVER;
        else if (strcmp(n->str, "contain") == 0) *out = FIT_CONTAIN;
        if (strcmp(n->str, "cover") == 0 || strcmp(n->str, "contain") == 0) return true;
    }
    const char *hint = n->kind == YNODE_SCALAR ? schema_suggest(n->str, names, 2) : NULL;
    if (!hint && n->kind == YNODE_SCALAR) hint = fit_meant(n->str);
    load_error(l, f, n, "'fit' must be cover (fill the box, cut off what sticks out) or contain "
               "(the whole picture)%s%s%s", hint ? "; did you mean '" : "", hint ? hint : "",
               hint ? "'?" : "");
    return false;
}

/* One percentage "30%" (spaces around allowed) into *out as a fraction; false when it is not
 * one. *outside is set for a number outside 0..100. */
static bool percent(const char *s, float *out, bool *outside)
{
    while (*s == ' ') s++;
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '%') return false;
    for (end++; *end == ' '; end++) {}
    if (*end) return false;
    if (v < 0 || v > 100) *outside = true;
    *out = (float)(v / 100);
    return true;
}

static const char FOCUS_HOW[] = "write it in percent from the left and from the top, like "
                                "'focus: 30%, 60%' (50%, 50% is the middle)";

/* focus: "30%, 60%" (or a list [30%, 60%]) */
static bool read_focus(Loader *l, const YFile *f, const YNode *n, PictureFit *fit)
{
    char both[64] = "";
    if (n->kind == YNODE_SCALAR) snprintf(both, sizeof both, "%s", n->str);
    else if (n->kind == YNODE_SEQ && n->n == 2 && n->kids[0]->kind == YNODE_SCALAR &&
             n->kids[1]->kind == YNODE_SCALAR)
        snprintf(both, sizeof both, "%s,%s", n->kids[0]->str, n->kids[1]->str);
    char *comma = strchr(both, ',');
    float x = 0, y = 0;
    bool outside = false;
    if (comma) *comma = '\0';
    if (!comma || !percent(both, &x, &outside) || !percent(comma + 1, &y, &outside)) {
        load_error(l, f, n, "'focus' is the point of the picture that must stay in view; %s",
                   FOCUS_HOW);
        return false;
    }
    if (outside) {
        load_error(l, f, n, "the focus %s,%s lies outside the picture: both numbers must be "
                   "between 0%% and 100%%", both, comma + 1);
        return false;
    }
    fit->focus_x = x;
    fit->focus_y = y;
    return true;
}

/* `fit` and `focus` of mapping m; `kind` is the fit when none is given. */
static void read_fit(Loader *l, const YFile *f, const YNode *m, FitKind kind, PictureFit *out)
{
    *out = (PictureFit){kind, 0.5f, 0.5f};
    const YNode *fit = ynode_get(m, "fit"), *focus = ynode_get(m, "focus");
    if (fit) read_fit_word(l, f, fit, &out->kind);
    if (!focus || !read_focus(l, f, focus, out) || out->kind == FIT_COVER) return;
    if (fit)
        load_warning(l, f, focus, "'focus' only matters with 'fit: cover' (it decides what "
                     "stays in view when the picture is cut to fill its box)");
    else
        load_warning(l, f, focus, "'focus' only matters with 'fit: cover'; add 'fit: cover' "
                     "to fill the box with the picture, cut around this point");
}

void read_image_fit(Loader *l, const YFile *f, const YNode *m, Item *it)
{
    read_fit(l, f, m, FIT_FRAMED, &it->image_fit);
    const YNode *fit = ynode_get(m, "fit");
    if (!ynode_get(m, "image") && (fit || ynode_get(m, "focus")))
        load_warning(l, f, fit ? fit : ynode_get(m, "focus"), "'%s' is about the item's "
                     "'image', but the item has none (a gallery picture has its own)",
                     fit ? "fit" : "focus");
}

static void read_gallery_picture(Loader *l, const YFile *f, const YNode *m, GalleryPicture *p)
{
    read_image(l, f, ynode_get(m, "picture"), &p->image);
    read_text(l, f, ynode_get(m, "caption"), &p->caption);
    const YNode *credit = ynode_get(m, "credit");
    read_text(l, f, credit, &p->credit);
    if (!credit)
        load_error(l, f, m, "a gallery picture needs 'credit': who made it, always shown with "
                   "it (like \"Foto: ...\" or \"Illustratie: ...\")");
    read_fit(l, f, m, FIT_COVER, &p->fit);
}

void read_gallery(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    if (!n) return;
    if (n->kind != YNODE_SEQ) {
        load_error(l, f, n, "'gallery' is a list of pictures, each on a line starting with "
                   "'- ', like '- {picture: images/a.jpg, credit: \"Foto: ...\"}'");
        return;
    }
    const YNode *seq = read_seq(l, f, n, 1, GALLERY_MAX_PICTURES, "gallery pictures");
    if (!seq) return;
    GalleryPicture *pics = arena_calloc(l->arena, seq->n, sizeof *pics);
    for (size_t i = 0; pics && i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (m->kind == YNODE_SCALAR) {
            load_error(l, f, m, "a gallery picture needs its credit too: write "
                       "'- {picture: %.60s, credit: \"Foto: ...\"}'", m->str);
            continue;
        }
        if (!read_mapping(l, f, m, &SCHEMA_GALLERY_PICTURE)) continue;
        GalleryPicture *p = &pics[it->n_gallery];
        read_gallery_picture(l, f, m, p);
        if (p->image && text_present(&p->credit)) it->n_gallery++;
    }
    it->gallery = pics;
    /* Read last of the item: what else would take the picture's place is known by now. */
    if (it->video)
        load_error(l, f, n, "an item shows either a 'video' or a 'gallery' where its picture "
                   "goes, not both; put the clip in an item of its own");
    else if (it->figure || it->n_series || it->n_shape)
        load_error(l, f, n, "this item shows its %s where a gallery would go; put the gallery "
                   "in an item of its own", it->n_shape ? "place on the map" : "figure");
}
