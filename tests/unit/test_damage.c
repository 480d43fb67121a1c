/* test_damage: presenting only what changed (issue 16, part 3).
 *
 * The pure half: ui/damage.c finds the rectangles that differ between two display lists —
 * nothing for the same list, the box of a changed colour, text, clip or added/removed command,
 * every frame of a playing clip, the whole screen after damage_invalidate or a resize, never
 * more than DAMAGE_MAX_RECTS rectangles and always covering every change.
 * The drawing half: a visit to the default bundle with real fonts (press a tile, open it,
 * scroll, go back, switch the language), each frame drawn twice: once whole on a cleared
 * canvas, once only inside its damage over the previous frame, as the window does. The two
 * must be the same pixels, and a press must cost a small part of the screen. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/bundle.h"
#include "check.h"
#include "platform/canvas.h"
#include "ui/damage.h"
#include "ui/session.h"

enum { W = 1280, H = 720 };
static DisplayList list; /* large: static */

static void scene(DisplayList *d, uint32_t tile_colour, const char *title)
{
    dlist_reset(d, W, H);
    dlist_rect(d, (Rect){0, 0, W, H}, 0xF4F6FA, 0);
    for (int i = 0; i < 6; i++) dlist_rect(d, (Rect){40 + 200.0f * i, 100, 180, 120}, 0xFFFFFF, 12);
    dlist_rect(d, (Rect){440, 400, 300, 160}, tile_colour, 16);
    DlCmd *t = dlist_push(d, DL_TEXT, (Rect){460, 420, 260, 40});
    t->text = title;
    t->len = strlen(title);
    t->px = 28;
}

static bool covers(const DamageRect *r, size_t n, Rect want)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].x <= want.x && r[i].y <= want.y && r[i].x + r[i].w >= want.x + want.w &&
            r[i].y + r[i].h >= want.y + want.h)
            return true;
    return false;
}

static bool whole(const DamageRect *r, size_t n)
{
    return n == 1 && r[0].x == 0 && r[0].y == 0 && r[0].w == W && r[0].h == H;
}

static void test_lists_compared(void)
{
    Damage d;
    DamageRect r[DAMAGE_MAX_RECTS];
    damage_init(&d);
    scene(&list, 0xFFFFFF, "Beroepen");
    CHECK(whole(r, damage_update(&d, &list, r))); /* the first frame */
    CHECK_INT(damage_update(&d, &list, r), 0);    /* the same list: nothing */
    scene(&list, 0xDDE1E8, "Beroepen");           /* the tile pressed */
    size_t n = damage_update(&d, &list, r);
    CHECK_INT(n, 1);
    CHECK(covers(r, n, (Rect){440, 400, 300, 160}));
    CHECK(r[0].w * r[0].h < 340 * 200);
    scene(&list, 0xDDE1E8, "Vacatures"); /* a text */
    n = damage_update(&d, &list, r);
    CHECK(n >= 1 && covers(r, n, (Rect){460, 420, 100, 40}) && !whole(r, n));
    DlCmd *chip = dlist_push(&list, DL_RECT, (Rect){1000, 600, 120, 60}); /* a chip appears */
    chip->color = 0x123456;
    chip->alpha = 255;
    n = damage_update(&d, &list, r);
    CHECK(covers(r, n, (Rect){1000, 600, 120, 60}) && !whole(r, n));
    list.n_cmds--; /* and goes */
    n = damage_update(&d, &list, r);
    CHECK(covers(r, n, (Rect){1000, 600, 120, 60}) && !whole(r, n));
    /* a clip that changes changes everything drawn under it */
    scene(&list, 0xDDE1E8, "Vacatures");
    dlist_clip(&list, (Rect){0, 0, 600, 300});
    dlist_rect(&list, (Rect){500, 250, 200, 100}, 0xFF0000, 0);
    dlist_unclip(&list);
    damage_update(&d, &list, r);
    list.cmds[list.n_cmds - 3].r.w = 650;
    n = damage_update(&d, &list, r);
    CHECK(covers(r, n, (Rect){600, 250, 50, 50}));
    /* a playing clip: its box in every frame, though its command is the same */
    DlCmd *v = dlist_push(&list, DL_VIDEO, (Rect){100, 300, 320, 180});
    v->alpha = 255;
    damage_update(&d, &list, r);
    n = damage_update(&d, &list, r);
    CHECK(n == 1 && covers(r, n, (Rect){100, 300, 320, 180}));
    damage_invalidate(&d);
    CHECK(whole(r, damage_update(&d, &list, r)));
    list.width = 1000; /* a resize */
    n = damage_update(&d, &list, r);
    CHECK(n == 1 && r[0].w == 1000);
    damage_free(&d);
}

static void test_many_changes_stay_few_and_covered(void)
{
    Damage d;
    DamageRect r[DAMAGE_MAX_RECTS];
    damage_init(&d);
    scene(&list, 0xFFFFFF, "Beroepen");
    damage_update(&d, &list, r);
    for (int i = 0; i < 6; i += 1) list.cmds[1 + i].color = 0xEEEEEE; /* six cards */
    list.cmds[7].color = 0xFFEEEE;                                   /* and the tile */
    size_t n = damage_update(&d, &list, r);
    CHECK(n >= 1 && n <= DAMAGE_MAX_RECTS);
    for (int i = 0; i < 6; i++) CHECK(covers(r, n, (Rect){40 + 200.0f * i, 100, 180, 120}));
    CHECK(covers(r, n, (Rect){440, 400, 300, 160}));
    list.cmds[0].color = 0x000000; /* the background: most of the screen, so all of it */
    CHECK(whole(r, damage_update(&d, &list, r)));
    damage_free(&d);
}

/* ---- the drawing half ---------------------------------------------------------------------- */

static Canvas *whole_c, *part_c;
static Damage dmg;
static int frames, partial_frames, differing_frames;
static long press_area = -1;
static long after_stage = -1; /* damaged area of the frame after the last stage */
static bool staged;

static int differing(void)
{
    int w, h, n = 0;
    const unsigned *a = canvas_pixels(whole_c, &w, &h), *b = canvas_pixels(part_c, &w, &h);
    for (int i = 0; i < w * h; i++) n += a[i] != b[i];
    return n;
}

/* One frame of the session, drawn both ways. */
static long frame(Session *s)
{
    const DisplayList *l = session_frame(s);
    DamageRect r[DAMAGE_MAX_RECTS];
    if (drawer_pending(canvas_drawer(part_c))) damage_invalidate(&dmg);
    size_t n = damage_update(&dmg, l, r);
    long area = 0;
    for (size_t i = 0; i < n; i++) area += (long)r[i].w * r[i].h;
    if (staged) {
        after_stage = area;
        staged = false;
    }
    canvas_draw(whole_c, l);
    if (whole(r, n)) canvas_draw(part_c, l);
    else canvas_draw_in(part_c, l, r, n), partial_frames++;
    int diff = differing();
    if (diff) {
        differing_frames++;
        fprintf(stderr, "  frame %d: %d pixels differ (%zu rectangles)\n", frames, diff, n);
    }
    frames++;
    return area;
}


/* The screen a finger is about to open, drawn ahead into the window surface while it is down
 * (window_stage): it becomes the frame the next one is drawn over. */
static void stage(Session *s)
{
    const DisplayList *ahead = session_ahead(s);
    CHECK(ahead != NULL);
    if (!ahead) return;
    DamageRect r[DAMAGE_MAX_RECTS];
    size_t n = damage_update(&dmg, ahead, r);
    if (whole(r, n)) canvas_draw(part_c, ahead);
    else canvas_draw_in(part_c, ahead, r, n);
    session_ahead_done(s);
    staged = true;
}

static void run(Session *s, int64_t *t, int n)
{
    for (int i = 0; i < n; i++) {
        *t += 16;
        session_tick(s, *t);
        frame(s);
    }
}

static void press(Session *s, const char *name, int64_t *t, bool release)
{
    const Hit *h = session_find_target(s, name);
    CHECK(h != NULL);
    if (!h) return;
    float x = h->clip.x + h->clip.w / 2, y = h->clip.y + h->clip.h / 2;
    *t += 16;
    session_pointer(s, POINTER_DOWN, x, y, *t);
    long a = frame(s);
    if (press_area < 0) press_area = a;
    run(s, t, 3);
    if (!release) return;
    stage(s);
    /* between two frames: the screen must still open as it was drawn ahead */
    session_pointer(s, POINTER_UP, x, y, *t + 5);
    run(s, t, 40);
    fprintf(stderr, "  %s: the frame after the lift drew %ld pixels over the one drawn ahead\n", name,
            after_stage);
    CHECK(after_stage >= 0 && after_stage < W * H / 10);
}

static void test_partial_frames_are_the_whole_frames(void)
{
    Bundle *b = bundle_load_reporting(KIOSK_SOURCE_DIR "/content/techniekpact", stderr);
    CHECK(b != NULL);
    if (!b) return;
    whole_c = canvas_create(W, H, &b->theme, KIOSK_SOURCE_DIR "/assets", 64u << 20);
    part_c = canvas_create(W, H, &b->theme, KIOSK_SOURCE_DIR "/assets", 64u << 20);
    CHECK(whole_c && part_c);
    Session s;
    if (whole_c && part_c && session_init(&s, b, canvas_measure(whole_c), W, H, 0)) {
        damage_init(&dmg);
        int64_t t = 0;
        run(&s, &t, 5);
        press(&s, "careers", &t, true); /* pressed, then the grid slides in */
        for (int i = 0; i < 3; i++) {
            session_scroll(&s, -2, t);
            run(&s, &t, 20);
        }
        press(&s, "back", &t, true);
        press(&s, "language", &t, true);
        press(&s, "goals", &t, true);
        press(&s, "home", &t, true);
        press(&s, "numbers", &t, true); /* figures counting up: only their texts change */
        run(&s, &t, 60);
        damage_free(&dmg);
        session_free(&s);
    }
    fprintf(stderr, "  %d frames, %d drawn in part or not at all; a press damaged %ld of %d pixels\n", frames,
            partial_frames, press_area, W * H);
    CHECK_INT(differing_frames, 0);
    CHECK(partial_frames >= 8);                        /* presses and settled frames */
    CHECK(press_area > 0 && press_area < W * H / 10); /* a tile, not the screen */
    canvas_destroy(whole_c);
    canvas_destroy(part_c);
    bundle_free(b);
}

int main(void)
{
    RUN(test_lists_compared);
    RUN(test_many_changes_stay_few_and_covered);
    RUN(test_partial_frames_are_the_whole_frames);
    return check_summary();
}
