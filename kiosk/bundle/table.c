/* table.c: an item's `table`: a caption, an optional header row, and rows of cells.
 *
 * A kiosk table is read from two metres on a screen that may stand on its side, so it is
 * small on purpose: at most TABLE_MAX_COLUMNS columns and TABLE_MAX_ROWS rows, every cell a
 * text like any other (one string for every language, or one per language). The number of
 * columns comes from `columns` (the header row) when it is given, else from the first row;
 * every other row must have exactly that many cells, and a row that does not is reported at
 * the row, naming where the count came from, because a missing cell shifts every cell after
 * it into the wrong column. Whether the table fits a screen is the layout's question
 * (ui/table.c), answered by `--check` at four sizes. */
#include "bundle/loader.h"

static const char ROW_EXAMPLE[] = "- [Zaterdag, \"10:00-15:00\"]";

/* One cell (or heading) into *out; false (reported) when it is not a text. */
static bool read_cell(Loader *l, const YFile *f, const YNode *n, Text *out)
{
    if (n->kind == YNODE_SEQ) {
        load_error(l, f, n, "a table cell must be a text (a string, or one per language like "
                   "{nl: Zaterdag, en: Saturday}), but found a list; a row is one list of "
                   "cells: %s", ROW_EXAMPLE);
        return false;
    }
    return read_text(l, f, n, out);
}

/* The cells of list `seq` into out[0..n_columns); true when all were texts. */
static bool read_cells(Loader *l, const YFile *f, const YNode *seq, Text *out)
{
    bool ok = true;
    for (size_t i = 0; i < seq->n; i++) ok = read_cell(l, f, seq->kids[i], &out[i]) && ok;
    return ok;
}

/* A list of cells (a row, or the headings) with at most TABLE_MAX_COLUMNS of them; NULL
 * (reported) otherwise. */
static const YNode *cell_list(Loader *l, const YFile *f, const YNode *n, const char *what)
{
    if (n->kind != YNODE_SEQ) {
        load_error(l, f, n, "%s must be a list of cells in [ ], like %s, but found %s", what,
                   ROW_EXAMPLE, n->kind == YNODE_MAP ? "a mapping" : "a single value");
        return NULL;
    }
    if (n->n > TABLE_MAX_COLUMNS) {
        load_error(l, f, n->kids[TABLE_MAX_COLUMNS], "this table has %zu columns; a kiosk "
                   "table has at most %d, so that it can be read from a distance (leave one "
                   "out, or say it in the body text)", n->n, TABLE_MAX_COLUMNS);
        return NULL;
    }
    return n;
}

/* The rows list, checked for its length; NULL (reported) when it is not one. */
static const YNode *rows_list(Loader *l, const YFile *f, const YNode *n)
{
    if (!n) return NULL; /* reported by the schema: a table needs 'rows' */
    if (n->kind != YNODE_SEQ) {
        load_error(l, f, n, "'rows' must be a list of rows, each on a line of its own like %s",
                   ROW_EXAMPLE);
        return NULL;
    }
    if (n->n == 0) {
        load_error(l, f, n, "this table has no rows; give at least one, like %s", ROW_EXAMPLE);
        return NULL;
    }
    if (n->n > TABLE_MAX_ROWS) {
        load_error(l, f, n->kids[TABLE_MAX_ROWS], "this table has %zu rows; a kiosk table "
                   "shows at most %d (split it over two items, or leave out what visitors need "
                   "least)", n->n, TABLE_MAX_ROWS);
        return NULL;
    }
    return n;
}

void read_table(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    if (!n) return;
    if (!schema_check(&SCHEMA_TABLE, n, f->name, l->diags)) {
        load_error(l, f, n, "'table' must be a mapping with 'rows' (a list of rows) and, if you "
                   "like, 'caption' and 'columns'; the rows go under 'rows:'");
        return;
    }
    Table *t = arena_calloc(l->arena, 1, sizeof *t);
    if (!t) return;
    bool ok = read_text(l, f, ynode_get(n, "caption"), &t->caption);
    const YNode *heads = ynode_get(n, "columns");
    const YNode *rows = rows_list(l, f, ynode_get(n, "rows"));
    if (heads) {
        heads = cell_list(l, f, heads, "'columns'");
        if (heads && heads->n == 0) {
            load_error(l, f, heads, "'columns' has no headings; give one per column, or leave "
                       "'columns' out for a table without a header row");
            heads = NULL;
        }
        if (!heads) return;
    }
    if (!rows) return;
    const YNode *first = cell_list(l, f, rows->kids[0], "a row of a table");
    if (!first) return;
    t->n_columns = heads ? heads->n : first->n;
    t->n_rows = rows->n;
    if (t->n_columns == 0) {
        load_error(l, f, first, "this row has no cells; give one cell per column, like %s",
                   ROW_EXAMPLE);
        return;
    }
    Text *header = heads ? arena_calloc(l->arena, t->n_columns, sizeof *header) : NULL;
    Text *cells = arena_calloc(l->arena, t->n_rows * t->n_columns, sizeof *cells);
    if (!cells || (heads && !header)) return;
    if (heads) ok = read_cells(l, f, heads, header) && ok;
    for (size_t r = 0; r < rows->n; r++) {
        const YNode *row = r == 0 ? first : cell_list(l, f, rows->kids[r], "a row of a table");
        if (!row) {
            ok = false;
            continue;
        }
        if (row->n != t->n_columns) {
            const YNode *from = heads ? heads : first;
            load_error(l, f, row, "this row has %zu cell%s, but the table has %zu column%s (as "
                       "%s on line %d); give every row one cell per column, \"\" for an empty "
                       "one", row->n, row->n == 1 ? "" : "s", t->n_columns,
                       t->n_columns == 1 ? "" : "s", heads ? "its 'columns'" : "its first row",
                       from->line);
            ok = false;
            continue;
        }
        ok = read_cells(l, f, row, &cells[r * t->n_columns]) && ok;
    }
    if (!ok) return;
    t->header = header;
    t->cells = cells;
    it->table = t;
}
