/* ysyntax.h: libyaml's syntax errors, explained to an organiser (internal to bundle/). */
#ifndef KIOSK_YSYNTAX_H
#define KIOSK_YSYNTAX_H

#include <stddef.h>
#include <yaml.h>

#include "bundle/diag.h"

/* Reports the error parser `p` stopped at, in `file` whose whole text is text[0..len). */
void ysyntax_report(Diags *diags, const char *file, const yaml_parser_t *p, const char *text,
                    size_t len);

#endif
