/* usage.c: the glue between the session and the statistics database.
 *
 * A visit begins with the first touch after the kiosk was at rest and ends at the idle reset;
 * its length is measured to the last touch, not to the reset, so the idle timeout does not
 * inflate it. The screen is taken as data (kind and id) from the session; the attract loop
 * and the admin screens are not visits and are never recorded. */
#include "app/usage.h"

#include <stdio.h>
#include <string.h>

#include "ui/state.h"

/* A gallery picture full screen is part of looking at its item: the page and its pictures
 * are timed as one view of the item. */
static ScreenKind counted(ScreenKind k)
{
    return k == SCREEN_PHOTO ? SCREEN_ITEM : k;
}

/* True when the screen (or language) on top is not the one being timed. */
static bool moved(const Usage *u, const Session *s)
{
    ScreenRef r = session_screen(s);
    return counted(r.kind) != u->kind || r.attract != u->attract || strcmp(r.id ? r.id : "", u->id) != 0 ||
           strcmp(s->ui.bundle->languages[s->ui.lang], u->lang) != 0;
}

static void remember(Usage *u, const Session *s)
{
    ScreenRef r = session_screen(s);
    u->kind = counted(r.kind);
    u->attract = r.attract;
    snprintf(u->id, sizeof u->id, "%s", r.id ? r.id : "");
    snprintf(u->lang, sizeof u->lang, "%s", s->ui.bundle->languages[s->ui.lang]);
}

static bool recordable(const Usage *u)
{
    return !u->attract && u->kind != SCREEN_PIN && u->kind != SCREEN_ADMIN;
}

static void record_view(Usage *u, int64_t now_ms)
{
    if (!u->visit_open || !recordable(u)) return;
    stats_view(u->stats, u->screen_wall, screen_kind_name(u->kind), u->id[0] ? u->id : NULL,
               u->lang, now_ms - u->screen_ms);
}

void usage_init(Usage *u, Stats *stats, const Session *s, int64_t now_ms, int64_t wall_s)
{
    *u = (Usage){.stats = stats, .screen_ms = now_ms, .screen_wall = wall_s,
                 .last_input_ms = s->input_ms, .last_input_wall = wall_s,
                 .idle_resets = s->idle_resets};
    remember(u, s);
}

void usage_end_visit(Usage *u, const Session *s, int64_t now_ms, int64_t wall_s)
{
    (void)s;
    (void)wall_s;
    if (!u->visit_open) return;
    record_view(u, now_ms);
    stats_visit_end(u->stats, u->last_input_wall);
    u->visit_open = false;
}

void usage_update(Usage *u, const Session *s, int64_t now_ms, int64_t wall_s)
{
    if (!u->stats) return;
    /* The kiosk went idle: the visit is over (its last screen ran until the last touch). The
     * idle reset says so, but a visitor who went home in the default language and walked away
     * leaves nothing to reset: the idle time alone ends the visit too, or the next visitor
     * would be counted as the same one. */
    int64_t idle_ms = (int64_t)s->ui.bundle->kiosk.idle_timeout_s * 1000;
    bool walked_away = u->visit_open && now_ms - u->last_input_ms >= idle_ms;
    if (s->idle_resets != u->idle_resets || walked_away) {
        u->idle_resets = s->idle_resets;
        if (u->visit_open) {
            record_view(u, u->last_input_ms);
            stats_visit_end(u->stats, u->last_input_wall);
            u->visit_open = false;
        }
    }
    if (s->input_ms != u->last_input_ms) {
        u->last_input_ms = s->input_ms;
        u->last_input_wall = wall_s;
        if (!u->visit_open) {
            stats_visit_begin(u->stats, wall_s, s->ui.bundle->id, s->ui.bundle->version);
            u->visit_open = true;
            u->screen_ms = now_ms;
            u->screen_wall = wall_s;
        }
    }
    if (moved(u, s)) {
        record_view(u, now_ms);
        remember(u, s);
        u->screen_ms = now_ms;
        u->screen_wall = wall_s;
        if (u->kind == SCREEN_RESULT && !u->attract && u->visit_open) {
            const Item *best[3];
            size_t n = ui_quiz_result(&s->ui, best, NULL, 3);
            const char *ids[3];
            for (size_t i = 0; i < n; i++) ids[i] = best[i]->id;
            stats_quiz(u->stats, wall_s, ids, n, u->lang);
        }
    }
}
