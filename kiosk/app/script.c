/* script.c: the replay script parser.
 *
 * Line-based and strict: an unknown command or a missing number is an error with its line and
 * column, because a replay that silently skips a step proves nothing. Names may contain only
 * letters, digits and - _ : . @ so a shot name can never leave the output folder. */
#include "app/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/schedule.h"
#include "ui/session.h"

const char *const SCRIPT_KEY_NAMES =
    "tab, shift-tab, left, right, up, down, enter, space, backspace, home, pageup, pagedown";

/* Key names, case-insensitive; the README's names (Shift+Tab, Backspace, Page Up written
 * PageUp) and the older short ones (back) are accepted too. */
static bool key_named(const char *name, int *key)
{
    static const struct {
        const char *name;
        KeyKind key;
    } keys[] = {
        {"tab", KEY_NEXT},         {"shift-tab", KEY_PREV},     {"shift+tab", KEY_PREV},
        {"left", KEY_LEFT},        {"right", KEY_RIGHT},        {"up", KEY_UP},
        {"down", KEY_DOWN},        {"enter", KEY_ACTIVATE},     {"return", KEY_ACTIVATE},
        {"space", KEY_ACTIVATE},   {"backspace", KEY_BACK},     {"back", KEY_BACK},
        {"home", KEY_HOME},        {"pageup", KEY_PAGE_UP},     {"page-up", KEY_PAGE_UP},
        {"pagedown", KEY_PAGE_DOWN}, {"page-down", KEY_PAGE_DOWN},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcasecmp(keys[i].name, name) == 0) {
            *key = (int)keys[i].key;
            return true;
        }
    return false;
}

static bool name_ok(const char *s)
{
    if (!*s || strstr(s, "..")) return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              strchr("-_:.@", *s)))
            return false;
    return true;
}

/* `key NAME`: the name is looked up now, so an unknown key stops the script before it runs. */
static bool parse_key(const char *name, const char *line, int lineno, Step *st, char *err,
                      size_t err_size)
{
    if (!key_named(name, &st->key)) {
        snprintf(err, err_size, "%d:%d: unknown key '%.40s' (the keys are: %s)", lineno,
                 (int)(name - line) + 1, name, SCRIPT_KEY_NAMES);
        return false;
    }
    snprintf(st->arg, sizeof st->arg, "%s", name);
    return true;
}

/* `clock 2027-03-13T13:58`: the wall clock (local time) from this step on. */
static bool parse_clock(char **words, int n, const char *line, int lineno, Step *st, char *err,
                        size_t err_size)
{
    int64_t wall = 0;
    st->kind = STEP_CLOCK;
    if (n != 2 || !schedule_parse_local(words[1], &wall)) {
        snprintf(err, err_size, "%d:%d: 'clock' needs a local date and time like "
                 "2027-03-13T13:58", lineno, n >= 2 ? (int)(words[1] - line) + 1 : 1);
        return false;
    }
    st->wall_s = wall;
    return true;
}

static bool parse_line(char *line, int lineno, Step *st, char *err, size_t err_size)
{
    enum { MAX_WORDS = 16 };
    char *words[MAX_WORDS];
    int n = 0;
    for (char *p = strtok(line, " \t\r"); p; p = strtok(NULL, " \t\r"))
        if (n < MAX_WORDS) words[n++] = p;
        else n++; /* counted, so "got N" is right even for absurd lines */
    if (n == 0) return true;
    const char *cmd = words[0];
    *st = (Step){.line = lineno};
    double v[5] = {0};
    int want = 0;
    /* each command, its step and how many numbers it takes (-1: one name) */
    static const struct { const char *name; StepKind kind; int want; } commands[] = {
        {"tap", STEP_TAP, 2},     {"drag", STEP_DRAG, 5},   {"wait", STEP_WAIT, 1},
        {"key", STEP_KEY, -1},    {"shot", STEP_SHOT, -1},  {"expect", STEP_EXPECT, -1},
        {"pinch", STEP_PINCH, 5}, {"pan2", STEP_PAN2, 5},   {"doubletap", STEP_DOUBLETAP, 2},
    };
    if (strcmp(cmd, "clock") == 0) return parse_clock(words, n, line, lineno, st, err, err_size);
    size_t ci = 0, nc = sizeof commands / sizeof commands[0];
    while (ci < nc && strcmp(cmd, commands[ci].name) != 0) ci++;
    if (ci == nc) {
        snprintf(err, err_size, "%d:%d: unknown command '%.40s' (use tap, drag, key, wait, shot, "
                 "expect, clock, pinch, pan2 or doubletap)", lineno, (int)(cmd - line) + 1, cmd);
        return false;
    }
    st->kind = commands[ci].kind;
    want = commands[ci].want;
    if (st->kind == STEP_TAP && n == 2 && words[1][0] == '@') {
        st->kind = STEP_TAP_TARGET;
        want = -1;
    }
    if (st->kind == STEP_KEY && n == 2) return parse_key(words[1], line, lineno, st, err, err_size);
    if (want < 0) {
        const char *name = n >= 2 ? words[1] : "";
        bool empty_target = st->kind == STEP_TAP_TARGET && strlen(name) < 2;
        if (n != 2 || strlen(name) >= SCRIPT_MAX_ARG || !name_ok(name) || empty_target) {
            int col = n >= 2 ? (int)(words[1] - line) + 1 : (int)(cmd - line) + (int)strlen(cmd) + 2;
            snprintf(err, err_size, "%d:%d: '%s' needs one name (letters, digits, - _ : . @)",
                     lineno, col, cmd);
            return false;
        }
        strcpy(st->arg, st->kind == STEP_TAP_TARGET ? words[1] + 1 : words[1]);
        return true;
    }
    if (n - 1 != want) {
        snprintf(err, err_size, "%d:1: '%s' needs %d number%s, got %d", lineno, cmd, want,
                 want == 1 ? "" : "s", n - 1);
        return false;
    }
    for (int i = 0; i < want; i++) {
        char *end;
        const char *w = words[i + 1];
        /* Plain decimal numbers only: strtod would also take "nan", "inf" and hex. */
        bool decimal = strspn(w, "0123456789.eE+-") == strlen(w) && w[0] >= '0' && w[0] <= '9' &&
                       !strchr(w, 'x');
        v[i] = strtod(w, &end);
        if (!decimal || *end || !(v[i] >= 0 && v[i] <= 1e7)) {
            snprintf(err, err_size, "%d:%d: '%.20s' is not a number from 0 to 10000000", lineno,
                     (int)(words[i + 1] - line) + 1, words[i + 1]);
            return false;
        }
    }
    switch (st->kind) {
    case STEP_TAP:
    case STEP_DOUBLETAP: st->x1 = (float)v[0]; st->y1 = (float)v[1]; break;
    case STEP_DRAG:
    case STEP_PINCH:
    case STEP_PAN2:
        st->x1 = (float)v[0]; st->y1 = (float)v[1]; st->x2 = (float)v[2]; st->y2 = (float)v[3];
        st->ms = (int)v[4];
        break;
    case STEP_WAIT: st->ms = (int)v[0]; break;
    default: break;
    }
    return true;
}

long long script_step_ms(const Step *st)
{
    switch (st->kind) {
    case STEP_TAP:
    case STEP_TAP_TARGET: return SCRIPT_TAP_MS + SCRIPT_FRAME_MS;
    case STEP_DOUBLETAP: return 2 * (SCRIPT_TAP_MS + SCRIPT_FRAME_MS);
    case STEP_DRAG: /* one move per frame (at least one), then the release's frame */
        return ((st->ms / SCRIPT_FRAME_MS > 1 ? st->ms / SCRIPT_FRAME_MS : 1) + 1) * SCRIPT_FRAME_MS;
    case STEP_PINCH: /* the same, after a frame for the second finger to come down */
    case STEP_PAN2:
        return ((st->ms / SCRIPT_FRAME_MS > 1 ? st->ms / SCRIPT_FRAME_MS : 1) + 2) * SCRIPT_FRAME_MS;
    case STEP_KEY:
    case STEP_CLOCK: return SCRIPT_FRAME_MS;
    case STEP_WAIT: return st->ms;
    default: return 0;
    }
}

bool script_parse(const char *text, size_t len, Script *out, char *err, size_t err_size)
{
    *out = (Script){0};
    long long simulated = 0;
    size_t cap = 0;
    int lineno = 0;
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && text[i] != '\n') i++;
        size_t n = i - start;
        i++;
        lineno++;
        if (n > SCRIPT_MAX_LINE) {
            snprintf(err, err_size, "%d:1: the line is longer than %d characters", lineno,
                     SCRIPT_MAX_LINE);
            goto fail;
        }
        char line[SCRIPT_MAX_LINE + 1];
        memcpy(line, text + start, n);
        line[n] = '\0';
        if (memchr(line, '\0', n)) {
            snprintf(err, err_size, "%d:1: the line contains a NUL byte", lineno);
            goto fail;
        }
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        bool blank = strspn(line, " \t\r") == strlen(line);
        if (!blank && out->n >= SCRIPT_MAX_STEPS) {
            snprintf(err, err_size, "%d:1: more than %d steps", lineno, SCRIPT_MAX_STEPS);
            goto fail;
        }
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            Step *s = realloc(out->steps, cap * sizeof *s);
            if (!s) {
                snprintf(err, err_size, "%d:1: out of memory", lineno);
                goto fail;
            }
            out->steps = s;
        }
        Step st;
        st.kind = STEP_WAIT;
        if (!parse_line(line, lineno, &st, err, err_size)) goto fail;
        if (blank) continue;
        simulated += script_step_ms(&st);
        if (simulated > SCRIPT_MAX_SIMULATED_MS) {
            snprintf(err, err_size, "%d:1: the script runs past 24 hours of simulated time here; "
                     "a replay may simulate at most 24 hours (%lld ms)", lineno,
                     SCRIPT_MAX_SIMULATED_MS);
            goto fail;
        }
        out->steps[out->n++] = st;
    }
    return true;
fail:
    script_free(out);
    return false;
}

void script_free(Script *s)
{
    free(s->steps);
    *s = (Script){0};
}
