/* script.h: replay scripts: timed input for tests, demos and benchmarks. Pure parsing.
 *
 * The format, with every command, unit and key name, is documented in docs/replay.md. In
 * short: `tap X Y`, `tap @TARGET`, `drag X1 Y1 X2 Y2 MS`, `key NAME`, `wait MS`,
 * `shot NAME`, `expect SCREEN`; pixels and milliseconds; '#' starts a comment. Everything is
 * checked when the script is read, before any step runs: a script with an unknown command
 * or key name does nothing at all.
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
    int key;                  /* STEP_KEY: a KeyKind (ui/session.h) */
    char arg[SCRIPT_MAX_ARG]; /* key name, shot name, expected screen, tap target */
} Step;

typedef struct Script {
    Step *steps; /* owned */
    size_t n;
} Script;

/* Parses text; on error writes "LINE:COL: message" into err and returns false. */
bool script_parse(const char *text, size_t len, Script *out, char *err, size_t err_size);
void script_free(Script *s);

/* The names `key` accepts, one per KeyKind, as listed in error messages and the docs. */
extern const char *const SCRIPT_KEY_NAMES;

#endif
