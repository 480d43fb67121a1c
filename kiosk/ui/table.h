/* table.h: the column widths of an item's table, apart from drawing it. Pure, no fonts.
 *
 * The caller measures every cell twice, at the text size it wants: its widest word (the
 * least room it can wrap into without breaking a word) and its whole text on one line (the
 * most room it can use), both with the cell's padding. The columns then get, in this order:
 * everything they ask for when the table fits whole (plus a little air, so that a short
 * table does not look crammed, never enough to stretch it across a wide screen); else their
 * least room plus a share of what is left in proportion to what they would still use (the
 * CSS automatic table layout); else, when even the widest words do not fit side by side, the
 * table is too wide: narrow columns keep their words, the widest columns share the rest (and
 * break), and the cell whose word misses its column by most is named, so the organiser knows
 * what to shorten. */
#ifndef KIOSK_TABLE_H
#define KIOSK_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle/bundle.h"

/* What a cell needs, in px, padding included. */
typedef struct TableCellSize {
    float word; /* its widest word: less and a word breaks */
    float line; /* its whole text on one line */
} TableCellSize;

typedef struct TableGeom {
    float col_w[TABLE_MAX_COLUMNS];
    float width;    /* of the whole table: the sum of col_w, at most the room given */
    bool too_wide;  /* the widest words do not fit side by side */
    size_t worst;   /* too_wide: the index (into the sizes) of the cell that misses most */
} TableGeom;

/* Column widths for n_cells = n_rows * n_cols sizes (row by row, the header row too, if
 * any) in `room` px; `air` is the most a column gets beyond its one-line width. */
void table_columns(const TableCellSize *sizes, size_t n_cells, size_t n_cols, float room,
                   float air, TableGeom *out);

/* Whether a column holds numbers (times, prices, counts): most of its cells start with a
 * digit, or a currency sign or sign and then a digit. Such a column is aligned at the
 * cells' end, so that "9:30" stands under "10:00" and "€ 2,50" under "€ 12,00". */
bool table_numeric(const char *const *cells, size_t n);

#endif
