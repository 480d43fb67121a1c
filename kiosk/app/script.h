/* script.h: replay scripts: timed input for tests, demos and benchmarks. Pure parsing.
 *
 *   # a comment
 *   tap X Y              tap at pixel X, Y
 *   tap @TARGET          tap the middle of what TARGET names: an item or collection id, or
 *                        back, home, language, about, quiz, again, answer-N, filter-N
 *   drag X1 Y1 X2 Y2 MS  press at X1,Y1, move to X2,Y2 over MS milliseconds, release
 *   key NAME             tab, shift-tab, left, right, up, down, enter, back, home,
 *                        pageup, pagedown
 *   wait MS              let MS milliseconds pass
 *   shot NAME            save the screen as NAME.png
 *   expect SCREEN        stop with an error unless the screen is SCREEN (home, about, quiz,
 *                        result, collection:ID, item:ID) or the language is lang:CODE
 */
#ifndef KIOSK_SCRIPT_H
#define KIOSK_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { STEP_TAP, STEP_TAP_TARGET, STEP_DRAG, STEP_KEY, STEP_WAIT, STEP_SHOT, STEP_EXPECT } StepKind;

enum { SCRIPT_MAX_STEPS = 100000, SCRIPT_MAX_ARG = 128, SCRIPT_MAX_LINE = 512 };

typedef struct Step {
    StepKind kind;
    int line;
    float x1, y1, x2, y2;
    int ms;
    char arg[SCRIPT_MAX_ARG]; /* key name, shot name, expected screen, tap target */
} Step;

typedef struct Script {
    Step *steps; /* owned */
    size_t n;
} Script;

/* Parses text; on error writes "LINE:COL: message" into err and returns false. */
bool script_parse(const char *text, size_t len, Script *out, char *err, size_t err_size);
void script_free(Script *s);

#endif
