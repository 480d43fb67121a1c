/* layout_check.h: the part of `--check` that looks at the screens, not at the YAML. */
#ifndef KIOSK_LAYOUT_CHECK_H
#define KIOSK_LAYOUT_CHECK_H

#include <stdio.h>

#include "bundle/bundle.h"

/* Lays out every screen of `b` in every language at LAYOUT_CHECK_SIZES with the real font
 * metrics (nothing is drawn) and prints a warning at the text's own file:line:col for each
 * text that still needs an ellipsis or breaks inside a word without a hyphen, naming the
 * screen and the sizes; also a warning per language without a hyphenation dictionary.
 * Returns the number of warnings printed to `err`. */
size_t layout_check(const Bundle *b, FILE *err);

#endif
