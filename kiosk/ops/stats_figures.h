/* stats_figures.h: the report's figures, computed once (stats_report.c) and printed both as the
 * text report (stats_report.c) and as CSV files (stats_csv.c), so the two cannot disagree.
 * Private to those two files and stats_read.c (reading read-only, the export): other modules use
 * ops/stats.h. */
#ifndef KIOSK_STATS_FIGURES_H
#define KIOSK_STATS_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ops/stats.h"

enum {
    /* A row key: an item id, a language, a day, or "bundle version". */
    KEY_MAX = 2 * STATS_ID_MAX + 2,
    /* Numbers per row of a figure. */
    ROW_VALUES = 3,
    /* Longest path of a CSV file written. */
    CSV_PATH_MAX = 4096,
    /* Longest statistics file name read or exported. */
    STATS_PATH_MAX = 4096,
    /* Longest "file:" URI made from a path (every byte may become %XX). */
    URI_MAX = 3 * STATS_PATH_MAX + 32,
    HOURS_PER_DAY = 24,
    DURATION_MAX = 48,
};

typedef struct {
    char key[KEY_MAX];
    long long v[ROW_VALUES];
} Row;

typedef struct {
    Row *rows; /* owned */
    size_t n, cap;
} Rows;

typedef struct {
    size_t files;
    long long visits, views, quizzes, quiz_visits;
    long long median_x2; /* twice the median visit length in s: exact for an even count */
    char first_day[KEY_MAX], last_day[KEY_MAX];
    Rows bundles; /* "id version", visits */
    Rows days;    /* "YYYY-MM-DD", visits */
    Rows hours;   /* "HH", visits (hours without visits are absent) */
    Rows top;     /* item, visits, views, dwell ms */
    Rows langs;   /* lang, visits, views */
    Rows quiz;    /* item, times best match, times in the top STATS_QUIZ_RANKS */
} Figures;

/* A read-only "file:" URI for path (stats_read.c): "mode=ro", plus "immutable=1" where SQLite
 * could not read the WAL file otherwise (see there why that is safe). Bytes other than the
 * unreserved ones are percent-encoded, so '?', '#' and '%' in a path stay part of the name; an
 * absolute path gets an empty authority ("file:///..."), so "//server/x.db" is not read as a
 * host name. False when path or uri is too long. */
bool stats_read_uri(const char *path, char *uri, size_t size);

/* Reads every file and computes the figures; false with a message on err. */
bool figures_compute(const char *const *paths, size_t n, Figures *f, FILE *err);
void figures_free(Figures *f);

/* Milliseconds to whole seconds, rounded. */
static inline long long ms_to_s(long long ms)
{
    return (ms + 500) / 1000;
}

#endif
