/* stats_csv.c: kiosk --stats --csv DIR: the report's figures as CSV files, one per table.
 *
 * The figures are the very struct the text report prints (stats_figures.h). Text cells are
 * written as RFC 4180 asks, and a cell a spreadsheet would run as a formula is neutralised. */
#include "ops/stats_figures.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- CSV ----------------------------------------------------------------------------------- */

/* A field as RFC 4180 wants it: quoted only when it holds a comma, quote or line break. A
 * field a spreadsheet would take for a formula gets a leading ' and quotes (OWASP). */
static void csv_field(FILE *f, const char *s)
{
    bool formula = s[0] && strchr("=+-@\t\r", s[0]);
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula) fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

typedef enum {
    CSV_SUMMARY,
    CSV_DAYS,
    CSV_HOURS,
    CSV_TOP,
    CSV_LANGS,
    CSV_QUIZ,
    CSV_COUNT
} CsvFile;

static const char *const CSV_NAMES[CSV_COUNT] = {
    [CSV_SUMMARY] = "summary.csv",   [CSV_DAYS] = "visits_per_day.csv",
    [CSV_HOURS] = "visits_per_hour.csv", [CSV_TOP] = "top_items.csv",
    [CSV_LANGS] = "languages.csv",  [CSV_QUIZ] = "quiz.csv",
};

static void write_csv(const Figures *fg, CsvFile which, FILE *f)
{
    switch (which) {
    case CSV_SUMMARY:
        fprintf(f, "files,visits,first_day,last_day,median_visit_s,screens,quizzes_finished\n");
        fprintf(f, "%zu,%lld,%s,%s,", fg->files, fg->visits, fg->first_day, fg->last_day);
        if (fg->visits) fprintf(f, "%lld%s", fg->median_x2 / 2, fg->median_x2 % 2 ? ".5" : "");
        fprintf(f, ",%lld,%lld\n", fg->views, fg->quizzes);
        break;
    case CSV_DAYS:
        fprintf(f, "day,visits\n");
        for (size_t i = 0; i < fg->days.n; i++)
            fprintf(f, "%s,%lld\n", fg->days.rows[i].key, fg->days.rows[i].v[0]);
        break;
    case CSV_HOURS: {
        /* All 24 hours, so a spreadsheet chart has its whole axis. */
        long long per_hour[HOURS_PER_DAY] = {0};
        for (size_t i = 0; i < fg->hours.n; i++) {
            int h = atoi(fg->hours.rows[i].key);
            if (h >= 0 && h < HOURS_PER_DAY) per_hour[h] = fg->hours.rows[i].v[0];
        }
        fprintf(f, "hour,visits\n");
        for (int h = 0; h < HOURS_PER_DAY; h++) fprintf(f, "%d,%lld\n", h, per_hour[h]);
        break;
    }
    case CSV_TOP:
        fprintf(f, "rank,item,visits,times_opened,seconds_on_screen\n");
        for (size_t i = 0; i < fg->top.n; i++) {
            fprintf(f, "%zu,", i + 1);
            csv_field(f, fg->top.rows[i].key);
            fprintf(f, ",%lld,%lld,%lld\n", fg->top.rows[i].v[0], fg->top.rows[i].v[1],
                    ms_to_s(fg->top.rows[i].v[2]));
        }
        break;
    case CSV_LANGS:
        fprintf(f, "lang,visits,screens\n");
        for (size_t i = 0; i < fg->langs.n; i++) {
            csv_field(f, fg->langs.rows[i].key);
            fprintf(f, ",%lld,%lld\n", fg->langs.rows[i].v[0], fg->langs.rows[i].v[1]);
        }
        break;
    case CSV_QUIZ:
        fprintf(f, "item,best_match,in_top_3\n");
        for (size_t i = 0; i < fg->quiz.n; i++) {
            csv_field(f, fg->quiz.rows[i].key);
            fprintf(f, ",%lld,%lld\n", fg->quiz.rows[i].v[0], fg->quiz.rows[i].v[1]);
        }
        break;
    case CSV_COUNT:
        break;
    }
}

int stats_export_csv(const char *const *paths, size_t n, const char *dir, FILE *err)
{
    if (!dir || !*dir) {
        fprintf(err, "stats: give a folder for the CSV files\n");
        return 1;
    }
    struct stat st;
    if (mkdir(dir, 0777) != 0 && (errno != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(err, "stats: cannot make the folder %s: %s\n", dir,
                errno == EEXIST ? "a file has that name" : strerror(errno));
        return 1;
    }
    Figures fg;
    if (!figures_compute(paths, n, &fg, err)) return 1;
    int status = 0;
    for (int i = 0; i < CSV_COUNT && status == 0; i++) {
        char path[CSV_PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, CSV_NAMES[i]) >= (int)sizeof path) {
            fprintf(err, "stats: the folder name %s is too long\n", dir);
            status = 1;
            break;
        }
        FILE *f = fopen(path, "w");
        if (!f) {
            fprintf(err, "stats: cannot write %s: %s\n", path, strerror(errno));
            status = 1;
            break;
        }
        write_csv(&fg, (CsvFile)i, f);
        bool bad = ferror(f) != 0;
        if (fclose(f) != 0 || bad) {
            fprintf(err, "stats: cannot write %s: %s\n", path, strerror(errno));
            status = 1;
        }
    }
    figures_free(&fg);
    return status;
}
