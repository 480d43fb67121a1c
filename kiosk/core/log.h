/* log.h: the program's one way to tell the operator something, and its invariant check.
 *
 * Every message goes to stderr as one line "kiosk: text". Under systemd (JOURNAL_STREAM set,
 * stderr connected to the journal) each line starts with its syslog priority ("<3>"), which
 * journald reads as the entry's level, so `journalctl -p warning -u kiosk` shows what matters.
 * Content problems are not logged here but returned as Diags (bundle/diag.h) with their
 * file:line:col; this is for the running program's events and failures.
 *
 * expect(cond) is the always-on assertion: a programmer error prints file:line and the
 * condition and aborts, in Release too (assert() disappears there). */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

#include <stdbool.h>

/* syslog(3) priorities, so journald needs no translation. */
typedef enum {
    LOG_LEVEL_ERROR = 3,
    LOG_LEVEL_WARNING = 4,
    LOG_LEVEL_NOTICE = 5,
    LOG_LEVEL_INFO = 6,
    LOG_LEVEL_DEBUG = 7,
} LogLevel;

void log_msg(LogLevel level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same, for a module whose lines name it instead of the program ("stats: ..."). */
void log_as(const char *who, LogLevel level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Messages above this level are dropped (default LOG_LEVEL_INFO; KIOSK_LOG=debug raises it). */
void log_set_level(LogLevel level);

#define log_error(...) log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warning(...) log_msg(LOG_LEVEL_WARNING, __VA_ARGS__)
#define log_notice(...) log_msg(LOG_LEVEL_NOTICE, __VA_ARGS__)
#define log_info(...) log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)

_Noreturn void expect_failed(const char *cond, const char *file, int line, const char *func);
#define expect(cond) ((cond) ? (void)0 : expect_failed(#cond, __FILE__, __LINE__, __func__))

#endif
