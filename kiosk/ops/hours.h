/* hours.h: opening hours of the kiosk, as a week of wall-clock periods.
 *
 * Pure: nothing here reads the clock. The caller passes the local time (for "open now?") or a
 * Unix time (for "when does that change?"); the local time zone is whatever TZ says, and the
 * conversions go through localtime_r/mktime so summer and winter time come out right. */
#ifndef KIOSK_HOURS_H
#define KIOSK_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum {
    HOURS_DAYS = 7,             /* indexed like struct tm's tm_wday: 0 = Sunday .. 6 = Saturday */
    HOURS_MAX_INTERVALS = 4,    /* periods per day, e.g. morning and afternoon around a lunch */
    HOURS_MINUTES_PER_DAY = 24 * 60,
    HOURS_ERR_SIZE = 256,       /* enough for every message this module writes */
};

/* One period in minutes since midnight of its own day. `close` is greater than `open` and at
 * most open + 24 h: a close beyond HOURS_MINUTES_PER_DAY runs into the next day, so
 * "22:00-02:00" is {1320, 1560}. */
typedef struct HoursInterval {
    int16_t open, close;
} HoursInterval;

typedef struct HoursDay {
    HoursInterval iv[HOURS_MAX_INTERVALS]; /* sorted by `open`, never overlapping */
    int n;                                 /* 0 = closed all day (apart from the day before's
                                              period running past midnight) */
} HoursDay;

typedef struct Hours {
    HoursDay day[HOURS_DAYS];
    /* Which rule set each day, so a single day overrides "weekdays"/"weekend", which override
     * "daily", whatever order they are written in: 0 none, 1 daily, 2 group, 3 the day. */
    unsigned char rule[HOURS_DAYS];
} Hours;

/* Open around the clock on every day: what the kiosk does when no hours are configured. */
void hours_always_open(Hours *h);

/* Closed on every day, no rules yet: the start for hours_add(). */
void hours_clear(Hours *h);

/* Adds one rule. `days` is "monday".."sunday", "weekdays" (monday..friday), "weekend" or
 * "daily"; `spec` is "closed" or up to HOURS_MAX_INTERVALS periods separated by commas, each
 * "HH:MM-HH:MM" ("07:30-12:00, 13:00-17:30"). A close earlier than the open crosses midnight
 * ("22:00-02:00"); "24:00" may close a day. On failure writes a plain-language message (without
 * a location: the caller knows where `spec` came from) into err and leaves `h` unchanged. */
bool hours_add(Hours *h, const char *days, const char *spec, char *err, size_t n);

/* Parses a whole week written one rule per line, "<days> <spec>", for example
 * "weekdays 07:30-17:30\nwednesday 07:30-12:30\nweekend closed". Days that no line names are
 * closed. On failure the message in err starts with "line N: " when the text has several
 * lines, and `out` is left unchanged. */
bool hours_parse(const char *text, Hours *out, char *err, size_t n);

/* True when the kiosk should be on at local time `local` (uses tm_wday, tm_hour, tm_min). */
bool hours_is_open(const Hours *h, const struct tm *local);

/* The first moment after `now_s` (Unix seconds) at which hours_is_open() changes, in Unix
 * seconds, or INT64_MAX when it never changes (always open or always closed). When `open_then`
 * is not NULL it receives the state from that moment on. A period starting in the hour that
 * is skipped in spring starts when the clocks jump; in the hour repeated in autumn the wall
 * clock decides, so "until 02:30" closes at the first 02:30 and opens again at the jump back
 * until the second one. */
int64_t hours_next_change(const Hours *h, int64_t now_s, bool *open_then);

/* Day names as accepted by hours_add(), for schemas and messages. */
extern const char *const HOURS_DAY_NAMES[];
extern const size_t HOURS_DAY_NAMES_COUNT;

#endif
