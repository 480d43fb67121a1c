/* body.h: body text (a small Markdown subset) into paragraphs and bullets of styled spans. */
#ifndef KIOSK_BODY_H
#define KIOSK_BODY_H

#include "bundle/bundle.h"
#include "bundle/ytree.h"
#include "core/arena.h"

/* Parses `node`'s text with libcmark into `out` (memory in `arena`). Anything outside the
 * subset (headings, links, images, code, HTML, numbered or nested lists, quotes, rules) is
 * reported at its own line in `file`; returns false if anything was reported. */
bool body_parse(Arena *arena, const YFile *file, const YNode *node, Body *out, Diags *diags);

#endif
