/* script.h: replay scripts: timed input for tests, demos and benchmarks. Pure parsing.
 *
 * The format, with every command, unit and key name, is documented in docs/replay.md. In
 * short: `tap X Y`, `tap @TARGET`, `drag X1 Y1 X2 Y2 MS`, `key NAME`, `wait MS`,
 * `shot NAME`, `expect SCREEN`, two fingers: `pinch X Y FROM TO MS`, `pan2 X1 Y1 X2 Y2 MS`,
 * `doubletap X Y`; pixels and milliseconds; '#' starts a comment. Everything is
 * checked when the script is read, before any step runs: a script with an unknown command
 * or key name does nothing at all.
 */
#ifndef KIOSK_SCRIPT_H
#define KIOSK_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { STEP_TAP, STEP_TAP_TARGET, STEP_DRAG, STEP_KEY, STEP_WAIT, STEP_SHOT, STEP_EXPECT,
              STEP_CLOCK, STEP_PINCH, STEP_PAN2, STEP_DOUBLETAP } StepKind;

enum { SCRIPT_MAX_STEPS = 100000, SCRIPT_MAX_ARG = 128, SCRIPT_MAX_LINE = 512 };

/* The simulated clock: one frame every SCRIPT_FRAME_MS, a tap's finger down for SCRIPT_TAP_MS.
 * A script may simulate at most SCRIPT_MAX_SIMULATED_MS in all (24 hours: a whole day of
 * opening hours, idle timeouts and attract loops), so 100,000 `wait 10000000` lines (31 years,
 * hours of frames) are refused when the script is read instead of running all night. */
enum { SCRIPT_FRAME_MS = 16, SCRIPT_TAP_MS = 80 };
#define SCRIPT_MAX_SIMULATED_MS (24LL * 60 * 60 * 1000)

typedef struct Step {
    StepKind kind;
    int line;
    float x1, y1, x2, y2; /* pinch: centre x1, y1; fingers x2 px apart, then y2 */
    int ms;
    int key;                  /* STEP_KEY: a KeyKind (ui/session.h) */
    char arg[SCRIPT_MAX_ARG]; /* key name, shot name, expected screen, tap target */
    long long wall_s;         /* STEP_CLOCK: the wall clock from now on (local time given) */
} Step;

typedef struct Script {
    Step *steps; /* owned */
    size_t n;
} Script;

/* Simulated milliseconds that step `st` takes when replayed. */
long long script_step_ms(const Step *st);

/* Parses text; on error writes "LINE:COL: message" into err and returns false. */
bool script_parse(const char *text, size_t len, Script *out, char *err, size_t err_size);
void script_free(Script *s);

/* The names `key` accepts, one per KeyKind, as listed in error messages and the docs. */
extern const char *const SCRIPT_KEY_NAMES;

#endif
