/* review.h: tools for reviewing a bundle before a fair: where a run starts (--open, --lang)
 * and screenshots of a scrolled screen at its full height (--full). */
#ifndef KIOSK_REVIEW_H
#define KIOSK_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "app/options.h"
#include "platform/canvas.h"
#include "ui/session.h"

/* Puts a fresh session in language `lang` and on screen `open` (--lang, --open; each may be
 * NULL). On an unknown language or screen, says what there is (with "did you mean") and
 * returns false. */
bool review_start(Session *s, const char *lang, const char *open, int64_t now_ms);

/* The wall clock timetables show in --render and --replay: `clock` ("2027-03-13 13:58",
 * checked by main.c), or the real time when NULL. */
void review_set_clock(Session *s, const char *clock, int64_t now_ms);

/* Draws the session's screen into c and saves it as path; when the screen scrolls, the PNG
 * is as tall as the whole scrolled content (header and bottom bar once, the content in
 * strips), and the session is left scrolled back to the top. */
bool review_save_full(Session *s, Canvas *c, const char *path);

#endif
