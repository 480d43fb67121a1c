/* log.c: one line per message on stderr, with a journald priority prefix under systemd.
 *
 * The line is formatted into one buffer and written with a single fputs, so lines from the
 * reload, watcher and main threads never interleave mid-line. */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static LogLevel max_level = LOG_LEVEL_INFO;
static int journal = -1; /* -1: not looked yet */

void log_set_level(LogLevel level)
{
    max_level = level;
}

static bool to_journal(void)
{
    if (journal < 0) {
        journal = getenv("JOURNAL_STREAM") != NULL;
        const char *l = getenv("KIOSK_LOG");
        if (l && strcmp(l, "debug") == 0) max_level = LOG_LEVEL_DEBUG;
    }
    return journal;
}

static void emit(const char *who, LogLevel level, const char *fmt, va_list ap)
{
    bool j = to_journal();
    if (level > max_level) return;
    char line[4096];
    int n = j ? snprintf(line, sizeof line, "<%d>%.64s: ", (int)level, who)
              : snprintf(line, sizeof line, "%.64s: ", who);
    vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    size_t len = strlen(line);
    if (len == 0 || line[len - 1] != '\n') {
        line[len] = '\n';
        line[len + 1] = '\0';
    }
    fputs(line, stderr);
}

void log_msg(LogLevel level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit("kiosk", level, fmt, ap);
    va_end(ap);
}

void log_as(const char *who, LogLevel level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(who, level, fmt, ap);
    va_end(ap);
}

void expect_failed(const char *cond, const char *file, int line, const char *func)
{
    fprintf(stderr, "%s:%d: %s: internal error: expected %s\n", file, line, func, cond);
    fflush(stderr);
    abort();
}
