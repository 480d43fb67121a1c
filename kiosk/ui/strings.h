/* strings.h: the kiosk's own words on screen.
 *
 * The words themselves live in lang/uitext (built in) and in the bundle (its `strings:`); the
 * loader resolves both into bundle->ui_text, so a screen asks bundle_ui_text() and never
 * falls back on its own. This file only fills in the numbers of counted phrases. */
#ifndef KIOSK_STRINGS_H
#define KIOSK_STRINGS_H

#include <stddef.h>

#include "bundle/bundle.h"
#include "lang/uitext.h"

/* Copies `pattern` into buf with "{n}" and "{total}" replaced by the numbers (the bundle's
 * text is data, never a printf format). Always NUL-terminates; returns buf. */
char *ui_fill_count(char *buf, size_t size, const char *pattern, size_t n, size_t total);

/* Copies `pattern` into buf with every `blank` ("{why}") replaced by `value`. Always
 * NUL-terminates (a value that does not fit is cut between characters); returns buf. */
char *ui_fill(char *buf, size_t size, const char *pattern, const char *blank, const char *value);

#endif
