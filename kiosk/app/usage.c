/* usage.c: the glue between the session and the statistics database.
 *
 * A visit begins with the first touch after the kiosk was at rest and ends at the idle reset;
 * its length is measured to the last touch, not to the reset, so the idle timeout does not
 * inflate it. Screen names are split into kind and id ("item:goal-7" -> item, goal-7); the
 * attract loop and the admin screens are not visits and are never recorded. */
#include "app/usage.h"

#include <stdio.h>
#include <string.h>

static void current(const Session *s, char *screen, size_t n, char *lang, size_t ln)
{
    session_screen_name(s, screen, n);
    snprintf(lang, ln, "%s", s->ui.bundle->languages[s->ui.lang]);
}

static bool recordable(const char *screen)
{
    return strcmp(screen, "attract") != 0 && strcmp(screen, "pin") != 0 &&
           strcmp(screen, "admin") != 0;
}

static void record_view(Usage *u, int64_t now_ms)
{
    if (!u->visit_open || !recordable(u->screen)) return;
    char kind[32];
    const char *colon = strchr(u->screen, ':');
    size_t kl = colon ? (size_t)(colon - u->screen) : strlen(u->screen);
    snprintf(kind, sizeof kind, "%.*s", (int)kl, u->screen);
    stats_view(u->stats, u->screen_wall, kind, colon ? colon + 1 : NULL, u->lang,
               now_ms - u->screen_ms);
}

void usage_init(Usage *u, Stats *stats, const Session *s, int64_t now_ms, int64_t wall_s)
{
    *u = (Usage){.stats = stats, .screen_ms = now_ms, .screen_wall = wall_s,
                 .last_input_ms = s->input_ms, .last_input_wall = wall_s,
                 .idle_resets = s->idle_resets};
    current(s, u->screen, sizeof u->screen, u->lang, sizeof u->lang);
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
    if (s->idle_resets != u->idle_resets) {
        /* The kiosk went idle: the visit is over (its last screen ran until the last touch). */
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
    char screen[160], lang[16];
    current(s, screen, sizeof screen, lang, sizeof lang);
    if (strcmp(screen, u->screen) != 0 || strcmp(lang, u->lang) != 0) {
        record_view(u, now_ms);
        snprintf(u->screen, sizeof u->screen, "%s", screen);
        snprintf(u->lang, sizeof u->lang, "%s", lang);
        u->screen_ms = now_ms;
        u->screen_wall = wall_s;
        if (strcmp(screen, "result") == 0 && u->visit_open) {
            const Item *best[3];
            size_t n = ui_quiz_result(&s->ui, best, NULL, 3);
            const char *ids[3];
            for (size_t i = 0; i < n; i++) ids[i] = best[i]->id;
            stats_quiz(u->stats, wall_s, ids, n, lang);
        }
    }
}
