/* test_gallery.c: an item's photo gallery (issue 17), from the YAML to the display list.
 *
 * Checked: the cover maths (which part of a picture fills a box, around its focus, never past
 * its edges) and contain; `gallery`, `fit` and `focus` as read; stepping through the pictures
 * (round from the last to the first, both ways; a gallery of one does not step); a swipe on
 * the page and on the full-screen view turns the picture; the full-screen view opens at the
 * picture tapped, draws it clipped to its area and zoomed through ui/zoom, keeps its credit
 * uncovered, and Back returns to the page at the picture the visitor ended on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "ui/fit.h"
#include "ui/session.h"
#include "ui/zoom.h"
#include "check.h"
#include "temp_bundle.h"
#include "fake_measure.h"

static void test_cover_source(void)
{
    /* a 400 x 200 picture in a square box: the middle 200 x 200 by default */
    Rect r = fit_cover_source(400, 200, 100, 100, 0.5f, 0.5f);
    CHECK_NEAR(r.x, 100, 0.01);
    CHECK_NEAR(r.y, 0, 0.01);
    CHECK_NEAR(r.w, 200, 0.01);
    CHECK_NEAR(r.h, 200, 0.01);
    /* focus at 10 % from the left: as far left as the picture goes (not past its edge) */
    r = fit_cover_source(400, 200, 100, 100, 0.1f, 0.5f);
    CHECK_NEAR(r.x, 0, 0.01);
    /* focus at 70 %: centred on x = 280 */
    r = fit_cover_source(400, 200, 100, 100, 0.7f, 0.5f);
    CHECK_NEAR(r.x, 180, 0.01);
    /* at the right edge: the right end */
    r = fit_cover_source(400, 200, 100, 100, 1.0f, 0.5f);
    CHECK_NEAR(r.x + r.w, 400, 0.01);
    /* a tall picture in a wide box: a band of the picture's full width, around the focus */
    r = fit_cover_source(300, 600, 300, 150, 0.5f, 0.25f);
    CHECK_NEAR(r.w, 300, 0.01);
    CHECK_NEAR(r.h, 150, 0.01);
    CHECK_NEAR(r.y, 75, 0.01);
    /* the box's shape, for any box: 16:9 out of 4:3 */
    r = fit_cover_source(800, 600, 1600, 900, 0.5f, 0.5f);
    CHECK_NEAR(r.w / r.h, 16.0 / 9.0, 0.001);
    CHECK_NEAR(r.w, 800, 0.01);
    CHECK_NEAR(fit_cover_scale(800, 600, 1600, 900), 2.0, 0.001);
    /* degenerate sizes: the whole picture, no division by zero */
    r = fit_cover_source(400, 200, 0, 100, 0.5f, 0.5f);
    CHECK_NEAR(r.w, 400, 0.01);
}

static void test_contain(void)
{
    Rect r = fit_contain((Rect){10, 20, 400, 400}, 200, 100);
    CHECK_NEAR(r.x, 10, 0.01);
    CHECK_NEAR(r.y, 120, 0.01);
    CHECK_NEAR(r.w, 400, 0.01);
    CHECK_NEAR(r.h, 200, 0.01);
}

static Bundle *make_bundle(void)
{
    if (!temp_bundle_start("/tmp/kiosk-gallery-XXXXXX")) return NULL;
    static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\">"
                              "<rect width=\"4\" height=\"3\" fill=\"#123456\"/></svg>";
    temp_bundle_write("a.svg", svg);
    temp_bundle_write("b.svg", svg);
    temp_bundle_write("c.svg", svg);
    temp_bundle_write("bundle.yaml",
               "format: 1\nmeta: {id: g, title: G, version: \"1\", languages: [nl, en], "
               "default_language: nl}\nhome: {tiles: [{target: c}]}\ncollections:\n"
               "  - id: c\n    title: C\n    items:\n"
               "      - id: pics\n        title: Foto's\n        image: a.svg\n"
               "        fit: cover\n        focus: 30%, 60%\n        gallery:\n"
               "          - {picture: a.svg, caption: {nl: Eerste, en: First}, credit: \"Foto: A\"}\n"
               "          - {picture: b.svg, credit: \"Foto: B\", fit: contain}\n"
               "          - {picture: c.svg, credit: \"Foto: C\", focus: \"0%, 100%\"}\n"
               "      - id: one\n        title: Een\n        gallery:\n"
               "          - {picture: a.svg, credit: \"Foto: A\"}\n");
    return bundle_load_reporting(temp_bundle_dir, stderr);
}

static void test_read(const Bundle *b)
{
    const Item *it = bundle_find_item(b, "pics");
    CHECK(it != NULL);
    if (!it) return;
    CHECK_INT(it->image_fit.kind, FIT_COVER);
    CHECK_NEAR(it->image_fit.focus_x, 0.3, 1e-6);
    CHECK_NEAR(it->image_fit.focus_y, 0.6, 1e-6);
    CHECK_INT(it->n_gallery, 3);
    CHECK_STR(it->gallery[0].image->rel, "a.svg");
    CHECK_STR(text_get(&it->gallery[0].caption, 1), "First");
    CHECK_STR(text_get(&it->gallery[1].credit, 1), "Foto: B"); /* one text for all */
    CHECK(!text_present(&it->gallery[1].caption));
    CHECK_INT(it->gallery[0].fit.kind, FIT_COVER); /* a gallery picture covers by default */
    CHECK_INT(it->gallery[1].fit.kind, FIT_CONTAIN);
    CHECK_NEAR(it->gallery[2].fit.focus_x, 0, 1e-6);
    CHECK_NEAR(it->gallery[2].fit.focus_y, 1, 1e-6);
    CHECK_INT(bundle_find_item(b, "one")->image_fit.kind, FIT_FRAMED); /* no fit given */
}

static const Screen *top(const Session *s)
{
    return ui_top_const(&s->ui);
}

static void test_steps_round(const Bundle *b)
{
    UiState s;
    ui_init(&s, b, 0);
    const Item *it = bundle_find_item(b, "pics");
    CHECK(ui_apply(&s, (Action){.kind = ACT_ITEM, .item = it}, 0));
    CHECK_INT(ui_top(&s)->picture, 0);
    CHECK(ui_apply(&s, (Action){.kind = ACT_PICTURE_PREV}, 0)); /* before the first: the last */
    CHECK_INT(ui_top(&s)->picture, 2);
    CHECK(ui_apply(&s, (Action){.kind = ACT_PICTURE_NEXT}, 0)); /* after the last: the first */
    CHECK_INT(ui_top(&s)->picture, 0);
    CHECK(ui_apply(&s, (Action){.kind = ACT_PICTURE_NEXT}, 0));
    CHECK_INT(ui_top(&s)->picture, 1);
    /* full screen at the picture shown; steps there; Back brings the page to it */
    CHECK(ui_apply(&s, (Action){.kind = ACT_PHOTO, .item = it, .arg = 1}, 0));
    CHECK_INT(ui_top(&s)->kind, SCREEN_PHOTO);
    CHECK_INT(ui_top(&s)->picture, 1);
    ui_top(&s)->zoom = 2;
    CHECK(ui_apply(&s, (Action){.kind = ACT_PICTURE_NEXT}, 0));
    CHECK_INT(ui_top(&s)->picture, 2);
    CHECK(ui_top(&s)->zoom <= 1); /* the next picture comes whole */
    CHECK(ui_apply(&s, (Action){.kind = ACT_BACK}, 0));
    CHECK_INT(ui_top(&s)->kind, SCREEN_ITEM);
    CHECK_INT(ui_top(&s)->picture, 2);
    /* nothing to step through: a gallery of one, a page without a gallery */
    CHECK(!ui_apply(&s, (Action){.kind = ACT_PHOTO, .item = it, .arg = 3}, 0));
    CHECK(ui_apply(&s, (Action){.kind = ACT_ITEM, .item = bundle_find_item(b, "one")}, 0));
    CHECK(!ui_apply(&s, (Action){.kind = ACT_PICTURE_NEXT}, 0));
    CHECK_INT(ui_top(&s)->picture, 0);
    CHECK(ui_apply(&s, (Action){.kind = ACT_HOME}, 0));
    CHECK(!ui_apply(&s, (Action){.kind = ACT_PICTURE_NEXT}, 0));
}

/* A finger's horizontal drag from x0 to x1 at height y, over 300 ms. */
static void swipe(Session *s, float x0, float x1, float y, int64_t *t)
{
    session_pointer(s, POINTER_DOWN, x0, y, *t);
    for (int i = 1; i <= 18; i++) {
        *t += 16;
        session_tick(s, *t);
        session_pointer(s, POINTER_MOVE, x0 + (x1 - x0) * (float)i / 18, y, *t);
    }
    *t += 16;
    session_pointer(s, POINTER_UP, x1, y, *t);
    session_tick(s, *t);
    session_frame(s);
}

static const DlCmd *find_kind(const DisplayList *d, DlKind kind)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == kind) return &d->cmds[i];
    return NULL;
}

static const DlCmd *find_text(const DisplayList *d, const char *text)
{
    for (size_t i = 0; i < d->n_cmds; i++) {
        const DlCmd *c = &d->cmds[i];
        if (c->kind == DL_TEXT && c->len == strlen(text) && memcmp(c->text, text, c->len) == 0)
            return c;
    }
    return NULL;
}

static void test_page_swipe(const Bundle *b)
{
    Session s;
    CHECK(session_init(&s, b, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    CHECK(session_open(&s, "pics", 0));
    const DisplayList *d = session_frame(&s);
    Rect area = s.info.swipe_area;
    CHECK(area.w > 0 && area.h > 0);
    CHECK_INT(s.info.swipe_next.kind, ACT_PICTURE_NEXT);
    CHECK(find_text(d, "1 / 3") != NULL);
    /* the picture is drawn covering its box, cut around the item's... gallery picture's focus */
    const DlCmd *img = find_kind(d, DL_IMAGE);
    CHECK(img && img->cover);
    int64_t t = 1000;
    swipe(&s, area.x + area.w * 0.8f, area.x + area.w * 0.1f, area.y + area.h / 2, &t);
    CHECK_INT(top(&s)->kind, SCREEN_ITEM);
    CHECK_INT(top(&s)->picture, 1);
    swipe(&s, area.x + area.w * 0.1f, area.x + area.w * 0.8f, area.y + area.h / 2, &t);
    CHECK_INT(top(&s)->picture, 0);
    session_free(&s);
}

static void test_full_screen(const Bundle *b)
{
    Session s;
    CHECK(session_init(&s, b, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    CHECK(session_open(&s, "photo:pics", 0));
    CHECK_INT(top(&s)->kind, SCREEN_PHOTO);
    const DisplayList *d = session_frame(&s);
    Rect area = s.info.zoom_area;
    CHECK(s.info.zoom_max > 1);
    CHECK(area.w > 0 && area.h > 0);
    const DlCmd *credit = find_text(d, "Foto: A");
    CHECK(credit != NULL);
    if (credit) CHECK(!rect_overlaps(credit->r, area)); /* the zoomed picture never covers it */
    /* no hit area on the picture's middle: a tap there only zooms */
    const Hit *h = dlist_hit_at(d, area.x + area.w / 2, area.y + area.h / 2);
    CHECK(h == NULL);
    /* zoomed twice around the middle: drawn twice as large, inside a clip to its area */
    zoom_by(ui_top(&s.ui), area, s.info.zoom_max, 2, area.x + area.w / 2, area.y + area.h / 2);
    s.dirty = true;
    d = session_frame(&s);
    const DlCmd *clip = find_kind(d, DL_CLIP), *img = find_kind(d, DL_IMAGE);
    CHECK(clip && img);
    if (clip && img) {
        CHECK_NEAR(clip->r.h, area.h, 0.5);
        CHECK_NEAR(img->r.w, area.w * 2, 0.5);
        CHECK(img->decode_w > 0); /* one texture while the zoom changes */
    }
    session_free(&s);
}

int main(void)
{
    RUN(test_cover_source);
    RUN(test_contain);
    Bundle *b = make_bundle();
    CHECK(b != NULL);
    if (b) {
        test_read(b);
        test_steps_round(b);
        test_page_swipe(b);
        test_full_screen(b);
        bundle_free(b);
    }
    temp_bundle_remove();
    return check_summary();
}
