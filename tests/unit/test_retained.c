/* test_retained: retained drawing (issue 16, part 1). The group key (ui/dlist_group.c, pure)
 * must change with anything that changes a card's pixels and stay the same when the card
 * only moves by whole pixels; the drawer (platform/retained.c) must give exactly the pixels
 * of drawing the commands one by one, and never show a kept picture of what a card was
 * before (a changed text, state or size). The drawer half draws on an off-screen canvas. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "platform/canvas.h"
#include "platform/draw.h"
#include "ui/dlist.h"

enum { CW = 640, CH = 400 };
/* A picture scaled to a box at a fractional position may land a pixel apart at its edge when
 * drawn inside a kept picture (SDL's scaled copy rounds from the target's origin): at most
 * this many pixels of the scene may differ; a stale card differs in thousands. */
enum { SUBPIXEL = 64 };
static DisplayList list; /* large: static */
static const Image PIC_A = {.rel = "a.svg", .path = KIOSK_SOURCE_DIR "/assets/icons/home.svg",
                            .type = IMAGE_SVG};
static const Image PIC_B = {.rel = "b.svg", .path = KIOSK_SOURCE_DIR "/assets/icons/back.svg",
                            .type = IMAGE_SVG};

typedef struct Card {
    float x, y, w, h;
    const char *title;
    uint32_t surface;
    const Image *pic;
} Card;

/* A card as the widgets make one: surface, frame, picture, title, in a group. */
static size_t card(DisplayList *d, Card k)
{
    Rect r = {k.x, k.y, k.w, k.h};
    size_t g = dlist_group_begin(d, r, 0xF4F6FA);
    dlist_rect(d, r, k.surface, 16);
    dlist_frame(d, r, 0x8A94A6, 16, 2);
    DlCmd *img = dlist_push(d, DL_IMAGE, (Rect){k.x + 20, k.y + 20, k.w - 40, k.h * 0.45f});
    img->image = k.pic;
    DlCmd *t = dlist_push(d, DL_TEXT, (Rect){k.x + 20, k.y + k.h * 0.45f + 30, k.w - 40, 40});
    t->text = k.title;
    t->len = strlen(k.title);
    t->font = FONT_BOLD;
    t->px = 28;
    t->color = 0x14213D;
    dlist_group_end(d, g);
    return g;
}

static const Card BASE = {40, 30, 260, 300, "Elektromonteur", 0xFFFFFF, &PIC_A};

static bool key_of(Card k, uint64_t key[2])
{
    dlist_reset(&list, CW, CH);
    size_t g = card(&list, k);
    return dlist_group_key(&list, g, key);
}

static bool same_key(Card a, Card b)
{
    uint64_t ka[2], kb[2];
    CHECK(key_of(a, ka));
    CHECK(key_of(b, kb));
    return ka[0] == kb[0] && ka[1] == kb[1];
}

static void test_key_follows_what_is_drawn(void)
{
    Card k = BASE;
    k.x += 100; /* moved by whole pixels (scrolled, slid in): the same picture */
    k.y -= 17;
    CHECK(same_key(BASE, k));
    k = BASE;
    k.title = "Elektromonteuse"; /* a changed text */
    CHECK(!same_key(BASE, k));
    k = BASE;
    k.surface = 0xFFE8A3; /* a changed state (a selected chip, a coloured tile) */
    CHECK(!same_key(BASE, k));
    k = BASE;
    k.w += 1; /* a changed size */
    CHECK(!same_key(BASE, k));
    k = BASE;
    k.pic = &PIC_B; /* another picture */
    CHECK(!same_key(BASE, k));
    k = BASE;
    k.x += 0.5f; /* half a pixel: other pixels */
    CHECK(!same_key(BASE, k));
    /* A text the same but in another place inside the card. */
    uint64_t a[2], b[2];
    CHECK(key_of(BASE, a));
    list.cmds[list.n_cmds - 1].r.y += 3;
    CHECK(dlist_group_key(&list, 0, b));
    CHECK(a[0] != b[0]);
}

static void test_groups_that_cannot_be_kept(void)
{
    uint64_t key[2];
    dlist_reset(&list, CW, CH);
    size_t g = dlist_group_begin(&list, (Rect){10, 10, 100, 100}, 0);
    dlist_clip(&list, (Rect){10, 10, 50, 50});
    dlist_group_end(&list, g);
    CHECK(!dlist_group_key(&list, g, key)); /* a clip inside */
    dlist_reset(&list, CW, CH);
    g = dlist_group_begin(&list, (Rect){10, 10, 100, 100}, 0);
    dlist_rect(&list, (Rect){50, 50, 100, 100}, 0xFF0000, 0); /* reaches outside */
    dlist_group_end(&list, g);
    CHECK(!dlist_group_key(&list, g, key));
    dlist_reset(&list, CW, CH);
    g = dlist_group_begin(&list, (Rect){10, 10, 100, 100}, 0);
    dlist_group_end(&list, g); /* empty */
    CHECK(!dlist_group_key(&list, g, key));
    CHECK(!dlist_group_key(&list, 99, key)); /* not a group */
}

static Canvas *canvas;

static unsigned *draw(const DisplayList *d, bool retain)
{
    drawer_set_retain(canvas_drawer(canvas), retain);
    canvas_draw(canvas, d);
    int w, h;
    const unsigned *px = canvas_pixels(canvas, &w, &h);
    unsigned *copy = malloc((size_t)w * (size_t)h * sizeof *copy);
    memcpy(copy, px, (size_t)w * (size_t)h * sizeof *copy);
    return copy;
}

static void scene(Card a, Card b)
{
    dlist_reset(&list, CW, CH);
    dlist_rect(&list, (Rect){0, 0, CW, CH}, 0xF4F6FA, 0);
    card(&list, a);
    card(&list, b);
}

static int differing(const unsigned *a, const unsigned *b)
{
    int n = 0;
    for (int i = 0; i < CW * CH; i++) n += a[i] != b[i];
    return n;
}

/* Eight frames of the scene with retained drawing: each as `want` (drawn without). */
static void kept_frames_match(const unsigned *want)
{
    for (int i = 0; i < 8; i++) { /* kept after three frames, one new picture a frame */
        unsigned *kept = draw(&list, true);
        CHECK(differing(kept, want) <= SUBPIXEL);
        free(kept);
    }
}

static void test_kept_pictures_are_exact_and_never_stale(void)
{
    Theme theme = {.background = 0xF4F6FA, .surface = 0xFFFFFF, .text = 0x14213D, .muted = 0x4A5568};
    canvas = canvas_create(CW, CH, &theme, KIOSK_SOURCE_DIR "/assets", 64u << 20);
    CHECK(canvas != NULL);
    if (!canvas) return;
    Card b = BASE;
    b.x = 330.25f; /* a card off the pixel grid */
    b.title = "Monteur";
    scene(BASE, b);
    unsigned *direct = draw(&list, false);
    kept_frames_match(direct);
    DrawStats st = drawer_stats(canvas_drawer(canvas));
    CHECK_INT(st.groups_made, 2);
    CHECK(st.groups_kept >= 6);
    /* Now the first card's title changes, the second's state, and both move by whole pixels:
     * what is shown is the new cards, exactly. */
    Card a2 = BASE, b2 = b;
    a2.title = "Elektromonteur!";
    a2.y += 12;
    b2.surface = 0xFFE8A3;
    b2.x -= 30;
    scene(a2, b2);
    unsigned *fresh = draw(&list, false);
    size_t textures = drawer_stats(canvas_drawer(canvas)).cache_count;
    kept_frames_match(fresh);
    CHECK(differing(fresh, direct) > 1000); /* the test would see a stale picture */
    /* The new cards have the old ones' sizes, and those left the screen: their textures are
     * drawn into again (cleared first: kept_frames_match saw none of the old pixels). */
    st = drawer_stats(canvas_drawer(canvas));
    CHECK_INT(st.groups_made, 4);
    CHECK_INT(st.groups_reused, 2);
    CHECK_INT(st.cache_count, textures); /* no new texture for them */
    /* a changed size */
    Card a3 = a2;
    a3.h -= 40;
    scene(a3, b2);
    unsigned *smaller = draw(&list, false);
    kept_frames_match(smaller);
    /* Between frames the drawer makes blank textures of the last new picture's size (a3's);
     * new cards of that size take them (or a3's, once it left), and show only themselves. */
    CHECK(drawer_idle(canvas_drawer(canvas)));
    CHECK(drawer_idle(canvas_drawer(canvas)));
    CHECK(!drawer_idle(canvas_drawer(canvas))); /* two at most */
    Card a4 = a3, a5 = a3;
    a4.x = 330;
    a4.title = "Timmerman";
    a5.title = "Lasser"; /* a3's title is wider than the card: a kept card cuts it */
    scene(a5, a4);
    unsigned *beside = draw(&list, false);
    st = drawer_stats(canvas_drawer(canvas));
    kept_frames_match(beside);
    DrawStats after = drawer_stats(canvas_drawer(canvas));
    CHECK_INT(after.groups_made, st.groups_made + 2);
    CHECK_INT(after.groups_reused, st.groups_reused + 2);
    free(beside);
    free(direct);
    free(fresh);
    free(smaller);
    canvas_destroy(canvas);
}

int main(void)
{
    RUN(test_key_follows_what_is_drawn);
    RUN(test_groups_that_cannot_be_kept);
    RUN(test_kept_pictures_are_exact_and_never_stale);
    return check_summary();
}
