/* diag.h: the list of problems found in a bundle, each with where it is.
 *
 * Content errors are values, not crashes: the loader appends every problem it finds here and
 * goes on, so one `kiosk --check` run shows them all. */
#ifndef KIOSK_DIAG_H
#define KIOSK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagSeverity;

typedef struct Diag {
    DiagSeverity severity;
    char *file;    /* owned; path as the user gave it (bundle dir + relative name) */
    int line, col; /* 1-based; 0 when the problem concerns the whole file */
    char *message; /* owned; plain language, no trailing newline */
} Diag;

typedef struct Diags {
    Diag *items; /* owned */
    size_t count, cap;
    size_t errors, warnings;
    bool dropped; /* true once DIAG_MAX was reached and later problems were not kept */
} Diags;

/* More problems than this are counted but not stored: a hostile bundle cannot fill memory. */
enum { DIAG_MAX = 1000 };

void diags_init(Diags *d);
void diags_free(Diags *d);
void diag_add(Diags *d, DiagSeverity sev, const char *file, int line, int col,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Puts the problems added since index `first` in line order within each file (files stay in
 * the order they were first reported; a problem of a whole file comes first), so an organiser
 * reads a file's problems from top to bottom. Stable: problems at one spot keep their order. */
void diags_sort_from(Diags *d, size_t first);
/* Prints "file:line:col: error: message" lines, one per problem. */
void diags_print(const Diags *d, FILE *out);
/* Writes one diagnostic as it is printed, into buf; returns buf. */
const char *diag_format(const Diag *g, char *buf, size_t size);
/* All problems as printed, one per line, cut to what fits buf; returns the length. */
size_t diags_to_text(const Diags *d, char *buf, size_t size);

#endif
