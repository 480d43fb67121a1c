/* replay.c: `--replay FILE`: a script of input run headless on a simulated clock.
 *
 * Time only moves when the script says so (16 ms per simulated frame), so a replay gives the
 * same screens on every machine, however slow: it is how the end-to-end tests walk through
 * the kiosk as a visitor would. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/options.h"
#include "app/review.h"
#include "app/script.h"
#include "app/script_fingers.h"
#include "bundle/bundle.h"
#include "core/fileio.h"
#include "platform/canvas.h"
#include "ui/quiz_rank.h"
#include "ui/schedule.h"
#include "ui/session.h"
#include "ui/zoom.h"
#include "core/log.h"

enum { FRAME_MS = SCRIPT_FRAME_MS, TAP_MS = SCRIPT_TAP_MS, MAX_SCRIPT_BYTES = 4 * 1024 * 1024 };

/* The whole script, or NULL with `why` set. */
static char *read_all(const char *path, size_t *len, char *why, size_t why_size)
{
    FILE *f;
    struct stat st;
    switch (fileio_open(path, &f, &st)) {
    case FILEIO_OK: break;
    case FILEIO_CANNOT_OPEN: snprintf(why, why_size, "%s", strerror(errno)); return NULL;
    case FILEIO_NOT_REGULAR:
        snprintf(why, why_size, "it is %s, not a text file", fileio_kind(st.st_mode));
        return NULL;
    }
    char *buf = malloc(MAX_SCRIPT_BYTES + 1);
    *len = buf ? fread(buf, 1, MAX_SCRIPT_BYTES + 1, f) : 0;
    fclose(f);
    snprintf(why, why_size, "%s", buf ? "it is over 4 MB" : "out of memory");
    if (buf && *len > MAX_SCRIPT_BYTES) {
        free(buf);
        return NULL;
    }
    return buf;
}

typedef struct Replay {
    Session s;
    Canvas *canvas;
    int64_t now;
    const char *out_dir;
    const char *file;
} Replay;

static void advance(Replay *r, int ms)
{
    int64_t end = r->now + ms;
    while (r->now < end) {
        r->now = r->now + FRAME_MS < end ? r->now + FRAME_MS : end;
        session_tick(&r->s, r->now);
        session_frame(&r->s); /* as the window would: one frame per tick */
    }
}

static void replay_touch(void *ctx, int finger, PointerPhase phase, float x, float y)
{
    Replay *r = ctx;
    session_touch(&r->s, finger, phase, x, y, r->now);
}

static void replay_advance(void *ctx, int ms)
{
    advance(ctx, ms);
}

/* The quiz as a visitor sees it: "question:N" (1-based; 0 when no question is shown),
 * "chosen:N" (the answer given to the question shown, kept by Back or just tapped, from 0;
 * "chosen:none"), "ranked:N" (matches on the result, counting only those with a "why"),
 * "best:ID" (the best match). */
static void quiz_seen(const Session *s, const char *want, char *buf, size_t n)
{
    const UiState *u = &s->ui;
    const Quiz *q = u->bundle->quiz;
    ScreenKind k = ui_top_const(u)->kind;
    bool flash = ui_quiz_highlighting(u, s->now_ms);
    bool asking = q && !u->attract && (k == SCREEN_QUIZ || (k == SCREEN_RESULT && flash));
    size_t pos = flash ? u->quiz_pos - 1 : u->quiz_pos;
    QuizMatch m[QUIZ_RANK_MAX];
    size_t nm = q && k == SCREEN_RESULT && !flash ? quiz_rank(q, u->answers, u->quiz_pos, m,
                                                              (size_t)q->result_count) : 0;
    size_t why = 0;
    for (size_t i = 0; i < nm; i++) why += m[i].n_why > 0;
    if (strncmp(want, "question:", 9) == 0)
        snprintf(buf, n, "question:%zu", asking ? pos + 1 : 0);
    else if (strncmp(want, "chosen:", 7) == 0 && asking && pos < u->quiz_known)
        snprintf(buf, n, "chosen:%d", u->answers[pos]);
    else if (strncmp(want, "chosen:", 7) == 0)
        snprintf(buf, n, "chosen:none");
    else if (strncmp(want, "ranked:", 7) == 0)
        snprintf(buf, n, "ranked:%zu", why);
    else
        snprintf(buf, n, "best:%s", nm ? m[0].item->id : "none");
}

/* A timetable as a visitor sees it: "now:ID" or "next:ID" holds when the top screen is a
 * schedule that marks item ID so; otherwise the answer lists what is marked ("now:a,b",
 * "next:none"). */
static void schedule_seen(const Session *s, const char *want, char *buf, size_t n)
{
    bool now = strncmp(want, "now:", 4) == 0;
    const char *id = want + (now ? 4 : 5);
    const Screen *top = ui_top_const(&s->ui);
    static ScheduleDay day;
    day.n = 0;
    if (top->kind == SCREEN_COLLECTION && top->collection->layout == LAYOUT_SCHEDULE) {
        LocalTime t;
        schedule_local((s->now_ms + s->ui.wall_offset_ms) / 1000, &t);
        schedule_build(top->collection, &t, &day);
    }
    size_t k = (size_t)snprintf(buf, n, "%s", now ? "now:" : "next:");
    bool any = false;
    for (int i = 0; i < day.n && k < n; i++) {
        if (day.e[i].state != (now ? SLOT_NOW : SLOT_NEXT)) continue;
        if (strcmp(day.e[i].item->id, id) == 0) {
            snprintf(buf, n, "%s", want);
            return;
        }
        k += (size_t)snprintf(buf + k, n - k, "%s%s", any ? "," : "", day.e[i].item->id);
        any = true;
    }
    if (!any && k < n) snprintf(buf + k, n - k, "none");
}

/* A gallery as a visitor sees it: "picture:N", the picture shown (from 1) on an item page or
 * full screen; "picture:0" where no gallery is shown. */
static void gallery_seen(const Session *s, char *buf, size_t n)
{
    const Screen *top = ui_top_const(&s->ui);
    bool shown = !s->ui.attract && (top->kind == SCREEN_ITEM || top->kind == SCREEN_PHOTO) &&
                 top->item->n_gallery > 0;
    snprintf(buf, n, "picture:%d", shown ? top->picture + 1 : 0);
}

static bool run_step(Replay *r, const Step *st)
{
    char name[160];
    const FingerDriver fd = {.ctx = r, .touch = replay_touch, .advance = replay_advance, .sx = 1,
                             .sy = 1};
    switch (st->kind) {
    case STEP_TAP:
    case STEP_DRAG:
    case STEP_PINCH:
    case STEP_PAN2:
    case STEP_DOUBLETAP:
        return fingers_play(&fd, st);
    case STEP_TAP_TARGET: {
        const Hit *h = session_find_target(&r->s, st->arg);
        if (!h) {
            fprintf(stderr, "%s:%d: nothing to tap for '@%s' on screen %s\n", r->file, st->line,
                    st->arg, session_screen_name(&r->s, name, sizeof name));
            return false;
        }
        fingers_tap(&fd, h->clip.x + h->clip.w / 2, h->clip.y + h->clip.h / 2);
        return true;
    }
    case STEP_KEY: /* the name was checked when the script was read */
        session_key(&r->s, (KeyKind)st->key, r->now);
        advance(r, FRAME_MS);
        return true;
    case STEP_WAIT:
        advance(r, st->ms);
        return true;
    case STEP_CLOCK:
        session_set_wall_clock(&r->s, st->wall_s * 1000, r->now);
        advance(r, FRAME_MS);
        return true;
    case STEP_SHOT: {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s.png", r->out_dir, st->arg);
        canvas_draw(r->canvas, session_frame(&r->s));
        if (!canvas_save_png(r->canvas, path)) return false;
        printf("%s\n", path);
        return true;
    }
    case STEP_EXPECT:
        if (strncmp(st->arg, "lang:", 5) == 0)
            snprintf(name, sizeof name, "lang:%s", r->s.ui.bundle->languages[r->s.ui.lang]);
        else if (strncmp(st->arg, "question:", 9) == 0 || strncmp(st->arg, "chosen:", 7) == 0 ||
                 strncmp(st->arg, "ranked:", 7) == 0 || strncmp(st->arg, "best:", 5) == 0)
            quiz_seen(&r->s, st->arg, name, sizeof name);
        else if (strncmp(st->arg, "now:", 4) == 0 || strncmp(st->arg, "next:", 5) == 0)
            schedule_seen(&r->s, st->arg, name, sizeof name);
        else if (strncmp(st->arg, "picture:", 8) == 0)
            gallery_seen(&r->s, name, sizeof name);
        else if (strncmp(st->arg, "zoom:", 5) == 0)
            snprintf(name, sizeof name, "zoom:%s", zoom_active(ui_top(&r->s.ui)) ? "in" : "fit");
        else
            session_screen_name(&r->s, name, sizeof name);
        if (strcmp(name, st->arg) != 0) {
            fprintf(stderr, "%s:%d: expected screen %s, but the kiosk shows %s\n", r->file,
                    st->line, st->arg, name);
            return false;
        }
        printf("%s:%d: ok, screen %s\n", r->file, st->line, name);
        return true;
    }
    return false;
}

int replay_run(const Options *o)
{
    size_t len;
    char why[256];
    char *text = read_all(o->replay, &len, why, sizeof why);
    if (!text) {
        log_error("cannot read the replay script %s: %s", o->replay, why);
        return 1;
    }
    Script sc;
    char err[256];
    bool ok = script_parse(text, len, &sc, err, sizeof err);
    free(text);
    if (!ok) {
        fprintf(stderr, "%s:%s\n", o->replay, err);
        return 1;
    }
    Bundle *b = bundle_load_reporting(o->bundle, stderr);
    const char *assets = assets_dir();
    int rc = 1;
    Replay r = {.out_dir = o->output ? o->output : ".", .file = o->replay};
    if (!b || !assets) {
        if (!assets) log_error("cannot find the assets folder");
        goto out;
    }
    r.canvas = canvas_create(o->width, o->height, &b->theme, assets, cache_budget(o, 0));
    if (!r.canvas || !session_init(&r.s, b, canvas_measure(r.canvas), (float)o->width,
                                   (float)o->height, 0))
        goto out;
    review_set_clock(&r.s, o->clock, r.now);
    if (!review_start(&r.s, o->lang, o->open, r.now)) {
        session_free(&r.s);
        goto out;
    }
    rc = 0;
    for (size_t i = 0; i < sc.n && rc == 0; i++)
        if (!run_step(&r, &sc.steps[i])) rc = 1;
    if (rc == 0) printf("replay %s: %zu steps, %lu actions, %lld ms simulated\n", o->replay, sc.n,
                        r.s.actions, (long long)r.now);
    session_free(&r.s);
out:
    canvas_destroy(r.canvas);
    bundle_free(b);
    script_free(&sc);
    return rc;
}
