/* schedule.h: which of a collection's sessions run now, which come next, on which day.
 *
 * Pure: the caller passes the local date and time (schedule_local() converts a Unix time with
 * the TZ rules, as ops/hours.c does), nothing here reads a clock. A `schedule` collection shows
 * one day: today when anything takes place today, else the next day that has sessions (a fair
 * next Saturday), else the last day that had them (a kiosk left on after the fair). */
#ifndef KIOSK_SCHEDULE_H
#define KIOSK_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

#include "bundle/bundle.h"

enum {
    SCHEDULE_MAX_ENTRIES = 96, /* sessions on one day's screen; later ones are left out */
    SCHEDULE_LOOKAHEAD_DAYS = 400,
    SCHEDULE_DAY_MINUTES = 24 * 60,
};

typedef enum {
    SLOT_PAST,  /* over: dimmed */
    SLOT_NOW,   /* running now */
    SLOT_NEXT,  /* the next to start (all that start at that same time) */
    SLOT_LATER,
} SlotState;

typedef struct ScheduleEntry {
    const Item *item; /* borrowed from the bundle */
    int16_t from, to; /* minutes after midnight */
    SlotState state;
} ScheduleEntry;

/* The local calendar day and time of a moment. */
typedef struct LocalTime {
    int32_t day; /* days since 1970-01-01 of the local date */
    int wday;    /* 0 = Sunday */
    int minute;  /* minutes after local midnight */
} LocalTime;

typedef struct ScheduleDay {
    int32_t day; /* the day shown (days since 1970-01-01) */
    int offset;  /* that day minus today: 0 today, > 0 ahead, < 0 over */
    int wday;
    ScheduleEntry e[SCHEDULE_MAX_ENTRIES]; /* by start time, then end, then bundle order */
    int n;
    bool cut;    /* more sessions than SCHEDULE_MAX_ENTRIES on that day */
    /* Minutes after today's local midnight at which something shown changes (a session
     * starts or ends, or the day ends): when the screen must be built again. */
    int change_minute;
} ScheduleDay;

/* The day a schedule collection shows at local time `now`, with every session's state. */
void schedule_build(const Collection *c, const LocalTime *now, ScheduleDay *out);

/* The first session of `it` today that has not ended at `now` (its start and end, and whether
 * it runs already), for the attract loop; false when there is none. */
bool schedule_item_next(const Item *it, const LocalTime *now, int16_t *from, int16_t *to,
                        bool *running);

/* "2027-03-13T13:58" or "2027-03-13 13:58" (local time) -> Unix seconds; false when it is
 * not a real date and time. For `--clock` and a replay's `clock`. */
bool schedule_parse_local(const char *s, int64_t *wall_s);

/* Unix seconds -> local date and time (TZ rules, summer time included). */
void schedule_local(int64_t wall_s, LocalTime *out);

/* Unix seconds of local time `minute` after midnight on the day of `wall_s` (1440: the next
 * midnight); a time skipped by the change to summer time comes out as the moment after it. */
int64_t schedule_wall_at(int64_t wall_s, int minute);

#endif
