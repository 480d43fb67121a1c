/* bands.h: empty bands and placement, measured on a display list (no pixels).
 *
 * Shared by the screen tests: any view can ask how tall the largest strip of nothing is, or
 * whether a command lies in the part of the screen a visitor sees without scrolling. */
#ifndef KIOSK_TEST_BANDS_H
#define KIOSK_TEST_BANDS_H

#include "ui/dlist.h"

/* The tallest horizontal strip of [top, bottom) in which the list draws nothing but the
 * screen's background: a strip crossed by no command at all. The background is any filled
 * rectangle covering the whole screen; commands narrower than min_w (a scroll bar) do not
 * count; a command inside a clip counts only where it is visible. Returns the strip's
 * height and, when at is not NULL, its top. */
float band_largest_empty(const DisplayList *d, float top, float bottom, float min_w, float *at);

/* The part of command i that is visible: its rectangle cut by the clip it was drawn in
 * (w or h is 0 when nothing of it shows). */
Rect band_visible(const DisplayList *d, size_t i);

#endif
