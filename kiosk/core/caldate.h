/* caldate.h: calendar dates as day numbers, and local time, for timetables and dated bundles.
 *
 * A date is the number of days since 1970-01-01 (int32_t), so comparing and counting days is
 * arithmetic. Converting goes through the C library (timegm, localtime_r, mktime with the TZ
 * rules), never by hand, so leap years and summer time come out right. Pure: nothing here
 * reads a clock; Unix times come in as parameters. */
#ifndef KIOSK_CALDATE_H
#define KIOSK_CALDATE_H

#include <stdbool.h>
#include <stdint.h>

enum { CALDATE_TEXT = 11 }; /* "2027-03-13" and its NUL */

/* "2027-03-13" (exactly that form, a real date from 2000 to 2099) -> day number. */
bool caldate_parse(const char *s, int32_t *day);
/* day number -> "2027-03-13" */
void caldate_format(int32_t day, char out[CALDATE_TEXT]);
/* The weekday of a day number, 0 = Sunday. */
int caldate_wday(int32_t day);
/* The local date of Unix time wall_s (TZ rules), and the minutes since local midnight. */
int32_t caldate_local_day(int64_t wall_s, int *minute);
/* Unix time of local time `minute` after midnight on the local day of wall_s (1440: the next
 * midnight; a time skipped by summer time comes out as the moment after it). */
int64_t caldate_wall_at(int64_t wall_s, int minute);

#endif
