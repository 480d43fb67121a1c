/* view.c: the frame around every screen, and dispatch to the screen's own layout.
 *
 * The bottom bar holds back, home, language and info in fixed places on every screen, low
 * enough to reach for small children and wheelchair users on a portrait screen. Focus ring
 * and pressed state are drawn here, over whatever hit area they concern, so each screen gets
 * them for free. */
#include "ui/view.h"

#include <math.h>
#include <string.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    BAR_LINE = 2,          /* the line above the bottom bar */
    BAR_BUTTON_H = 104,
    BAR_BUTTON_W = 230,    /* Back, Home */
    ABOUT_BUTTON_W = 170,
    LANGUAGE_BUTTON_W = 290,
    BAR_GROUP_GAP = 16,    /* at least this between Back/Home and language/Info */
    SLIDE_IN = 40,         /* how far a new screen rises into place */
    SCROLL_SLACK = 48,     /* overflow smaller than this shows no scroll bar */
    SCROLL_BAR_W = 8,
    SCROLL_BAR_PAD = 10,
    SCROLL_THUMB_MIN = 48,
    FOCUS_RING = 6,        /* the keyboard focus ring: its distance and its width */
};

float view_unit(float w, float h)
{
    return fminf(w, h) / VIEW_DESIGN_PX;
}

float view_min_target(float w, float h)
{
    return SZ_TARGET * view_unit(w, h);
}

/* The bar's buttons at their design widths, wider where a language's word needs it (Zurück,
 * Accueil, Українська). Where that is too wide (a portrait screen) they are narrowed
 * together, but not below the width of their word: then each gets its word's width and a
 * share of the rest. Only when even the words do not fit is anything cut. */
enum { BAR_BACK, BAR_HOME, BAR_LANGUAGE, BAR_TEXT_SIZE, BAR_ABOUT, BAR_COUNT };

static void bar_widths(Ctx *c, const char *const labels[BAR_COUNT], const char *const icons[BAR_COUNT],
                       float w[BAR_COUNT])
{
    static const float design[BAR_COUNT] = {BAR_BUTTON_W, BAR_BUTTON_W, LANGUAGE_BUTTON_W,
                                            SZ_TARGET, ABOUT_BUTTON_W};
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP), total = 0, natural[BAR_COUNT];
    int shown = 0;
    for (int i = 0; i < BAR_COUNT; i++) {
        w[i] = natural[i] = 0;
        if (!labels[i]) continue;
        natural[i] = fmaxf(U(c, SZ_TARGET), w_button_width(c, labels[i], icons[i]));
        w[i] = fmaxf(U(c, design[i]), natural[i]);
        total += w[i];
        shown++;
    }
    /* Back and home sit left, language and info right: a gap between neighbours, and at
     * least 16 units between the two groups. */
    float avail = c->w - 2 * m - (float)(shown - 1) * g + (g - U(c, BAR_GROUP_GAP));
    bool fits_scaled = true; /* narrowed together, does every word still fit? */
    for (int i = 0; i < BAR_COUNT; i++)
        if (total > avail && w[i] * avail / total < natural[i]) fits_scaled = false;
    if (total > avail && !fits_scaled) {
        /* Each gets its word's width plus the same share of what it wanted beyond that. */
        float least = 0;
        for (int i = 0; i < BAR_COUNT; i++) least += natural[i];
        float k = least < avail ? (avail - least) / (total - least) : 0;
        total = 0;
        for (int i = 0; i < BAR_COUNT; i++) total += w[i] = natural[i] + (w[i] - natural[i]) * k;
    }
    if (total > avail)
        for (int i = 0; i < BAR_COUNT; i++) w[i] *= avail / total;
}

static void bottom_bar(Ctx *c)
{
    /* The bar keeps its size with larger text: its five buttons must stay where they always
     * are and at least a finger wide, also on a narrow portrait screen in a long language. */
    c->text_scale = 1.0f;
    const Theme *t = c->t;
    Rect bar = {0, c->h - U(c, SZ_BAR), c->w, U(c, SZ_BAR)};
    dlist_rect(c->d, bar, t->surface, 0);
    dlist_rect(c->d, (Rect){0, bar.y, c->w, U(c, BAR_LINE)}, color_mix(t->surface, t->text, 0.15), 0);
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP), bh = U(c, BAR_BUTTON_H);
    float y = bar.y + (bar.h - bh) / 2;
    const UiState *s = c->s;
    const Bundle *b = c->b;
    bool deep = s->depth > 1, languages = b->n_languages > 1;
    const char *labels[BAR_COUNT] = {
        deep ? S(c, STR_BACK) : NULL, deep ? S(c, STR_HOME) : NULL,
        languages ? bundle_ui_text(b, (s->lang + 1) % b->n_languages, STR_LANGUAGE_NAME) : NULL,
        /* A+ / A− (minus sign), marked left-to-right so an Arabic screen does not show "+A" */
        s->large_text ? "\xE2\x80\x8E" "A\xE2\x88\x92" "\xE2\x80\x8E" : "\xE2\x80\x8E" "A+" "\xE2\x80\x8E",
        S(c, STR_ABOUT)};
    static const char *const icons[BAR_COUNT] = {"back", "home", "globe", NULL, "info"};
    float w[BAR_COUNT];
    bar_widths(c, labels, icons, w);
    if (deep) {
        w_button(c, (Rect){m, y, w[BAR_BACK], bh}, labels[BAR_BACK], "back", BTN_SURFACE,
                 (Action){.kind = ACT_BACK});
        w_button(c, (Rect){m + w[BAR_BACK] + g, y, w[BAR_HOME], bh}, labels[BAR_HOME], "home",
                 BTN_SURFACE, (Action){.kind = ACT_HOME});
    }
    float x = c->w - m - w[BAR_ABOUT];
    w_button(c, (Rect){x, y, w[BAR_ABOUT], bh}, labels[BAR_ABOUT], "info", BTN_SURFACE,
             (Action){.kind = ACT_ABOUT});
    x -= g + w[BAR_TEXT_SIZE];
    w_button(c, (Rect){x, y, w[BAR_TEXT_SIZE], bh}, labels[BAR_TEXT_SIZE], NULL,
             s->large_text ? BTN_ACCENT : BTN_SURFACE, (Action){.kind = ACT_TEXT_SIZE});
    if (languages) {
        x -= g + w[BAR_LANGUAGE];
        w_button(c, (Rect){x, y, w[BAR_LANGUAGE], bh}, labels[BAR_LANGUAGE], "globe", BTN_ACCENT,
                 (Action){.kind = ACT_LANGUAGE});
    }
}

/* A new screen rises into place over VIEW_TRANSITION_MS, easing out: enough to show that the
 * screen changed, never in the way (its hit areas move with it, input is never blocked). */
static void slide_in(Ctx *c, size_t first_cmd, size_t first_hit, int64_t now_ms)
{
    int64_t dt = now_ms - c->s->changed_ms;
    if (dt < 0 || dt >= VIEW_TRANSITION_MS) return;
    /* A frame in motion asks for the next one itself: on a slow machine (frames 30 ms apart)
     * the next frame may come only after the motion's end, and it must still come, or the
     * screen stays a pixel or two short of its place until something else redraws it. */
    view_animate(c->info, 16);
    float t = (float)dt / VIEW_TRANSITION_MS, ease = 1 - (1 - t) * (1 - t) * (1 - t);
    /* clip areas stay put: content slides within */
    /* by whole pixels, which keeps cards and tiles drawn from their kept pictures */
    dlist_shift(c->d, first_cmd, first_hit, roundf((1 - ease) * U(c, SLIDE_IN)));
}

/* A thin bar at the right edge of a scrolling area shows that there is more, and where you
 * are; it is not a control (drag the content itself). */
static void scroll_bar(Ctx *c, const Screen *top)
{
    const ViewInfo *in = c->info;
    /* only for real overflow: a few pixels of bottom margin are not "more" */
    if (in->scroll_viewport <= 0 || in->scroll_content <= in->scroll_viewport + U(c, SCROLL_SLACK)) return;
    Rect a = in->scroll_area;
    float w = U(c, SCROLL_BAR_W), pad = U(c, SCROLL_BAR_PAD);
    Rect track = {a.x + a.w - w - pad, a.y + pad, w, a.h - 2 * pad};
    float frac = in->scroll_viewport / in->scroll_content;
    float max = in->scroll_content - in->scroll_viewport;
    float pos = fminf(fmaxf(top->scroll / max, 0), 1);
    float th = fmaxf(track.h * frac, U(c, SCROLL_THUMB_MIN));
    DlCmd *t = dlist_push(c->d, DL_RECT, track);
    t->color = c->t->text;
    t->alpha = 28;
    t->radius = w / 2;
    DlCmd *m = dlist_push(c->d, DL_RECT, (Rect){track.x, track.y + (track.h - th) * pos, w, th});
    m->color = c->t->muted;
    m->alpha = 200;
    m->radius = w / 2;
}

static void overlays(Ctx *c)
{
    DisplayList *d = c->d;
    const UiState *s = c->s;
    if (s->pressing) {
        const Hit *h = dlist_hit_at(d, s->press_x, s->press_y);
        if (h && h->poly && h->action.item) {
            /* a map region: its own outline, darkened, with the loader's triangles */
            w_map_region(d, h->action.item, h->ox, h->oy, h->sx, c->t->text, 90);
        } else if (h) {
            DlCmd *o = dlist_push(d, DL_RECT, h->clip);
            o->color = c->t->text;
            o->alpha = 40;
            o->radius = h->radius;
        }
    }
    if (s->focus >= 0 && (size_t)s->focus < d->n_hits) {
        const Hit *h = &d->hits[s->focus];
        float o = U(c, FOCUS_RING);
        dlist_frame(d, (Rect){h->clip.x - o, h->clip.y - o, h->clip.w + 2 * o, h->clip.h + 2 * o},
                    c->t->accent, h->radius + o, U(c, FOCUS_RING));
    }
}

bool view_rtl(const char *code)
{
    static const char *const rtl[] = {"ar", "he", "fa", "ur", "yi", "ps", "ckb"};
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
        size_t n = strlen(rtl[i]);
        if (strncmp(code, rtl[i], n) == 0 && (code[n] == '\0' || code[n] == '-')) return true;
    }
    return false;
}

void view_animate(ViewInfo *info, int frame_ms)
{
    if (frame_ms > 0 && (info->frame_ms == 0 || frame_ms < info->frame_ms)) info->frame_ms = frame_ms;
}

void view_wake_at(ViewInfo *info, int64_t at_ms)
{
    if (at_ms > 0 && (info->wake_ms == 0 || at_ms < info->wake_ms)) info->wake_ms = at_ms;
}

static void mirror(DisplayList *d, ViewInfo *info)
{
    dlist_mirror(d);
    if (info->scroll_area.w > 0) info->scroll_area.x = d->width - info->scroll_area.x - info->scroll_area.w;
    if (info->swipe_area.w > 0) info->swipe_area.x = d->width - info->swipe_area.x - info->swipe_area.w;
}

void view_build(DisplayList *d, const UiState *s, const TextMeasure *m, float w, float h,
                int64_t now_ms, ViewInfo *info)
{
    dlist_reset(d, w, h);
    *info = (ViewInfo){0};
    const Bundle *b = s->bundle;
    Ctx c = {
        .d = d, .s = s, .b = b, .t = &b->theme, .m = m, .w = w, .h = h,
        .u = view_unit(w, h), .text_scale = s->large_text ? UI_LARGE_TEXT : 1.0f,
        .portrait = h > w, .lang = s->lang,
        .code = b->languages[s->lang], .info = info, .now_ms = now_ms,
    };
    c.content = (Rect){0, 0, w, h - U(&c, SZ_BAR)};
    dlist_rect(d, (Rect){0, 0, w, h}, b->theme.background, 0);
    if (s->attract) {
        view_attract(&c, now_ms);
        if (view_rtl(c.code)) mirror(d, info);
        return;
    }
    const Screen *top = ui_top_const(s);
    size_t first_cmd = d->n_cmds, first_hit = d->n_hits;
    switch (top->kind) {
    case SCREEN_HOME: view_home(&c); break;
    case SCREEN_COLLECTION: view_collection(&c, top); break;
    case SCREEN_ITEM: view_item(&c, top); break;
    case SCREEN_QUIZ: view_quiz(&c); break;
    case SCREEN_RESULT: view_result(&c); break;
    case SCREEN_ABOUT: view_about(&c, top); break;
    case SCREEN_PIN: view_pin(&c); break;
    case SCREEN_ADMIN: view_admin(&c); break;
    case SCREEN_PHOTO: view_photo(&c, top); break;
    }
    w_kept_videos(d, s);
    if (!s->full_height) scroll_bar(&c, top);
    slide_in(&c, first_cmd, first_hit, now_ms);
    if (top->kind != SCREEN_PIN && top->kind != SCREEN_ADMIN) bottom_bar(&c);
    /* after mirroring: the finger's point and the hit areas are then both on screen */
    if (view_rtl(c.code)) mirror(d, info);
    overlays(&c);
}
