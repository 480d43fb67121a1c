/* caldate.c: see caldate.h. */
#include "core/caldate.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

bool caldate_parse(const char *s, int32_t *day)
{
    int y, mo, d;
    char tail;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        sscanf(s, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3)
        return false;
    if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = 12};
    time_t t = timegm(&tm);
    struct tm back;
    /* timegm moves 2027-02-30 to March: such a date is refused, not moved */
    if (t == (time_t)-1 || !gmtime_r(&t, &back) || back.tm_mday != d || back.tm_mon != mo - 1)
        return false;
    *day = (int32_t)(t / 86400);
    return true;
}

void caldate_format(int32_t day, char out[CALDATE_TEXT])
{
    time_t t = (time_t)day * 86400 + 43200;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    unsigned y = (unsigned)(tm.tm_year + 1900) % 10000u, m = (unsigned)(tm.tm_mon + 1) % 13u,
             d = (unsigned)tm.tm_mday % 32u;
    char buf[32];
    snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
    memcpy(out, buf, CALDATE_TEXT - 1);
    out[CALDATE_TEXT - 1] = '\0';
}

int caldate_wday(int32_t day)
{
    return (int)((day % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

int32_t caldate_local_day(int64_t wall_s, int *minute)
{
    time_t t = (time_t)wall_s;
    struct tm tm;
    if (!localtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    struct tm noon = {.tm_year = tm.tm_year, .tm_mon = tm.tm_mon, .tm_mday = tm.tm_mday,
                      .tm_hour = 12};
    if (minute) *minute = tm.tm_hour * 60 + tm.tm_min;
    return (int32_t)(timegm(&noon) / 86400);
}

int64_t caldate_wall_at(int64_t wall_s, int minute)
{
    time_t t = (time_t)wall_s;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return wall_s + 60;
    tm.tm_hour = minute / 60;
    tm.tm_min = minute % 60;
    tm.tm_sec = 0;
    tm.tm_isdst = -1; /* let mktime find summer or winter time for that hour */
    time_t at = mktime(&tm);
    return at == (time_t)-1 ? wall_s + 60 : (int64_t)at;
}
