/* view_table.c: an item's table on its page: caption, header row, zebra rows.
 *
 * Opening hours and price lists are read in passing from two metres, so the table is set in
 * body-size text, the first column bold (the day, the thing that costs), every other body
 * row on a light band instead of grid lines, the header small and muted over a rule in the
 * accent colour. A column of numbers or times is aligned at the cells' end, where the digits
 * line up. Column widths come from ui/table.c; a table whose widest words do not fit side by
 * side first steps its text down (to TABLE_FIT_FLOOR of its size, as a title does), and if
 * it still does not fit it is drawn with words broken and reported once (DL_ISSUE_TOO_WIDE,
 * at the cell that misses its column most), which `--check` turns into a warning at that
 * cell's file:line:col. Right to left needs nothing here: the whole list is mirrored, so the
 * first column stands at the right and numbers line up at the cells' left end. */
#include <math.h>
#include <string.h>

#include "ui/table.h"
#include "ui/widgets.h"

#define TABLE_FIT_FLOOR 0.8f

/* Sizes in units (widgets.h). */
enum {
    TBL_PAD_X = 20,
    TBL_PAD_Y = 14,
    TBL_AIR = 120,        /* the most a column gets beyond its text: air, not a stretched table */
    TBL_RULE = 3,         /* under the header row */
    TBL_CAPTION_GAP = 16,
    TBL_RADIUS = 12,      /* of the bands */
    TBL_MAX_CELLS = (TABLE_MAX_ROWS + 1) * TABLE_MAX_COLUMNS,
};

typedef struct Plan {
    const char *text[TBL_MAX_CELLS]; /* the header row first, if there is one */
    size_t n_cells, n_cols, head_rows;
    int px, head_px;
    bool end[TABLE_MAX_COLUMNS]; /* a column of numbers: aligned at the end */
    TableGeom g;
} Plan;

static bool is_head(const Plan *p, size_t cell) { return cell < p->head_rows * p->n_cols; }

static TextStyle cell_style(const Ctx *c, const Plan *p, size_t cell)
{
    if (is_head(p, cell)) return (TextStyle){FONT_BOLD, p->head_px, c->t->muted, 0, false, NULL};
    FontId font = cell % p->n_cols == 0 ? FONT_BOLD : FONT_REGULAR;
    return (TextStyle){font, p->px, c->t->text, 0, false, NULL};
}

/* The widest word of s (words: split at spaces), or its widest line (lines: at '\n');
 * *at and *len give that word. */
static float widest(const Ctx *c, const char *s, TextStyle st, bool words, const char **at,
                    size_t *len)
{
    float best = 0;
    const char *sep = words ? " \n" : "\n";
    for (size_t i = 0, n = strlen(s); i <= n;) {
        size_t k = strcspn(s + i, sep);
        float w = (float)c->m->width(c->m->ctx, st.font, st.px, s + i, k);
        if (!*at || w > best) {
            best = w;
            *at = s + i;
            *len = k;
        }
        i += k + 1;
    }
    return best;
}

static void measure(Ctx *c, Plan *p, float room)
{
    static TableCellSize sizes[TBL_MAX_CELLS];
    float pad = 2 * U(c, TBL_PAD_X) + 1; /* + 1: a word exactly as wide as its column fits */
    for (size_t i = 0; i < p->n_cells; i++) {
        TextStyle st = cell_style(c, p, i);
        const char *at = NULL;
        size_t len = 0;
        sizes[i].word = widest(c, p->text[i], st, true, &at, &len) + pad;
        at = NULL;
        sizes[i].line = widest(c, p->text[i], st, false, &at, &len) + pad;
    }
    table_columns(sizes, p->n_cells, p->n_cols, room, U(c, TBL_AIR), &p->g);
}

/* The texts in the screen's language, the numeric columns, and the text size that fits. */
static void plan(Ctx *c, const Table *t, float room, Plan *p)
{
    p->n_cols = t->n_columns;
    p->head_rows = t->header ? 1 : 0;
    p->n_cells = (t->n_rows + p->head_rows) * t->n_columns;
    for (size_t k = 0; t->header && k < t->n_columns; k++) p->text[k] = T(c, &t->header[k]);
    for (size_t i = 0; i < t->n_rows * t->n_columns; i++)
        p->text[p->head_rows * p->n_cols + i] = T(c, &t->cells[i]);
    for (size_t k = 0; k < t->n_columns; k++) {
        const char *col[TABLE_MAX_ROWS];
        for (size_t r = 0; r < t->n_rows; r++) col[r] = T(c, &t->cells[r * t->n_columns + k]);
        p->end[k] = k > 0 && table_numeric(col, t->n_rows);
    }
    int size = PX(c, PX_BODY), floor = (int)((float)size * TABLE_FIT_FLOOR + 0.5f);
    int step = size / 20 > 1 ? size / 20 : 1;
    for (p->px = size;; p->px = p->px - step < floor ? floor : p->px - step) {
        p->head_px = (int)fmaxf((float)p->px * PX_SMALL / PX_BODY, (float)PX(c, 22));
        measure(c, p, room);
        if (!p->g.too_wide || p->px == floor) break;
    }
}

/* Says once that the table does not fit, at the cell that misses its column most. */
static void report_too_wide(Ctx *c, const Plan *p)
{
    DisplayList *d = c->d;
    if (!p->g.too_wide || d->n_issues == DLIST_MAX_ISSUES) return;
    const char *cell = p->text[p->g.worst], *word = NULL;
    size_t len = 0;
    widest(c, cell, cell_style(c, p, p->g.worst), true, &word, &len);
    d->issues[d->n_issues++] = (DlIssue){DL_ISSUE_TOO_WIDE, "table cell", cell,
                                         dlist_printf(d, "%.*s", (int)len, word)};
}

static float cell_height(Ctx *c, const Plan *p, size_t cell, float inner)
{
    const char *s = p->text[cell];
    return *s ? w_text_height(c, inner, s, cell_style(c, p, cell)) : 0;
}

/* One row from cell `first`; returns its height. */
static float row(Ctx *c, const Plan *p, float x, float y, size_t first, bool band)
{
    float pad_x = U(c, TBL_PAD_X), pad_y = U(c, TBL_PAD_Y), h = 0;
    for (size_t k = 0; k < p->n_cols; k++)
        h = fmaxf(h, cell_height(c, p, first + k, p->g.col_w[k] - 2 * pad_x));
    h = fmaxf(h, w_line_height(p->px)) + 2 * pad_y;
    Rect r = {x, y, p->g.width, h};
    if (band) dlist_rect(c->d, r, c->t->surface, U(c, TBL_RADIUS));
    Rect saved = c->bound;
    c->bound = r;
    float cx = x;
    for (size_t k = 0; k < p->n_cols; k++) {
        size_t i = first + k;
        TextStyle st = cell_style(c, p, i);
        float inner = p->g.col_w[k] - 2 * pad_x;
        Rect box = {cx + pad_x, y + pad_y, inner, 0};
        if (p->end[k]) {
            const char *at = NULL;
            size_t len = 0;
            float lw = ceilf(widest(c, p->text[i], st, false, &at, &len)) + 1;
            if (lw <= inner && !strchr(p->text[i], '\n')) box = (Rect){box.x + inner - lw, box.y, lw, 0};
        }
        w_text(c, box, p->text[i], st);
        cx += p->g.col_w[k];
    }
    c->bound = saved;
    return h;
}

float w_table(Ctx *c, float x, float y, float room, const Table *t)
{
    if (!t || t->n_columns == 0) return 0;
    static Plan p; /* the views run on one thread, never recursively */
    p = (Plan){0};
    plan(c, t, room, &p);
    report_too_wide(c, &p);
    float y0 = y;
    if (text_present(&t->caption))
        y += w_text(c, (Rect){x, y, room, 0}, T(c, &t->caption),
                    (TextStyle){FONT_BOLD, PX(c, PX_CARD_TITLE), c->t->text, 2, false,
                                "table caption"}) + U(c, TBL_CAPTION_GAP);
    if (p.head_rows) {
        y += row(c, &p, x, y, 0, false);
        dlist_rect(c->d, (Rect){x, y, p.g.width, U(c, TBL_RULE)}, c->t->accent, 0);
        y += U(c, TBL_RULE) + U(c, 4);
    }
    for (size_t r = 0; r < t->n_rows; r++)
        y += row(c, &p, x, y, (p.head_rows + r) * p.n_cols, r % 2 == 0);
    return y - y0;
}
