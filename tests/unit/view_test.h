/* view_test.h: a screen laid out with the fake text measurer, and what its display list says,
 * for the tests of one screen (test_map, test_plan). */
#ifndef KIOSK_VIEW_TEST_H
#define KIOSK_VIEW_TEST_H

#include <string.h>

#include "ui/session.h"
#include "check.h"
#include "fake_measure.h"

/* A session on bundle b at w x h showing `screen` (as session_open names it); false (after a
 * failed CHECK) when it could not be made. Free it with session_free. */
static inline bool view_test_open(Session *s, const Bundle *b, float w, float h, const char *screen)
{
    bool ok = session_init(s, b, (TextMeasure){.ctx = NULL, .width = fake_width}, w, h, 0);
    CHECK(ok);
    if (!ok) return false;
    ok = session_open(s, screen, 0);
    CHECK(ok);
    if (!ok) session_free(s);
    return ok;
}

/* Whether the list draws exactly this text as one line. */
static inline bool view_test_shows(const DisplayList *d, const char *text)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_TEXT && d->cmds[i].len == strlen(text) &&
            strncmp(d->cmds[i].text, text, d->cmds[i].len) == 0)
            return true;
    return false;
}

#endif
