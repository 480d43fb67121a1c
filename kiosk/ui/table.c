/* table.c: column widths of a table (see table.h for the rules). */
#include "ui/table.h"

#include <string.h>

void table_columns(const TableCellSize *sizes, size_t n_cells, size_t n_cols, float room,
                   float air, TableGeom *out)
{
    *out = (TableGeom){0};
    if (n_cols == 0 || n_cols > TABLE_MAX_COLUMNS) return;
    float word[TABLE_MAX_COLUMNS] = {0}, line[TABLE_MAX_COLUMNS] = {0};
    for (size_t i = 0; i < n_cells; i++) {
        size_t col = i % n_cols;
        if (sizes[i].word > word[col]) word[col] = sizes[i].word;
        if (sizes[i].line > line[col]) line[col] = sizes[i].line;
    }
    float least = 0, most = 0;
    for (size_t k = 0; k < n_cols; k++) {
        if (line[k] < word[k]) line[k] = word[k];
        least += word[k];
        most += line[k];
    }
    if (most <= room) {
        float each = (room - most) / (float)n_cols;
        if (each > air) each = air;
        for (size_t k = 0; k < n_cols; k++) out->col_w[k] = line[k] + each;
    } else if (least <= room) {
        float share = most > least ? (room - least) / (most - least) : 0;
        for (size_t k = 0; k < n_cols; k++) out->col_w[k] = word[k] + (line[k] - word[k]) * share;
    } else {
        out->too_wide = true;
        /* Narrow columns keep their words whole; the widest share what is left, equally,
         * so that a short price is never broken to make room for a long name. */
        float cap = room / (float)n_cols;
        for (size_t round = 0; round < n_cols; round++) {
            float fixed = 0;
            size_t wide = 0;
            for (size_t k = 0; k < n_cols; k++) {
                if (word[k] <= cap) fixed += word[k];
                else wide++;
            }
            if (wide == 0) break;
            cap = (room - fixed) / (float)wide;
        }
        float miss = -1;
        for (size_t k = 0; k < n_cols; k++) out->col_w[k] = word[k] < cap ? word[k] : cap;
        for (size_t i = 0; i < n_cells; i++)
            if (sizes[i].word - out->col_w[i % n_cols] > miss) {
                miss = sizes[i].word - out->col_w[i % n_cols];
                out->worst = i;
            }
    }
    for (size_t k = 0; k < n_cols; k++) out->width += out->col_w[k];
}

/* The length of a currency sign or a sign at s (0: none). */
static size_t sign_len(const char *s)
{
    static const char *const signs[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "+", "-",
                                        "\xE2\x88\x92", "\xE2\x82\xBA", "\xE2\x82\xB4"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (strncmp(s, signs[i], strlen(signs[i])) == 0) return strlen(signs[i]);
    return 0;
}

static bool starts_numeric(const char *s)
{
    s += sign_len(s);
    while (*s == ' ' || strncmp(s, "\xC2\xA0", 2) == 0) s += *s == ' ' ? 1 : 2;
    return *s >= '0' && *s <= '9';
}

bool table_numeric(const char *const *cells, size_t n)
{
    size_t numbers = 0, given = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cells[i] || !*cells[i]) continue;
        given++;
        numbers += starts_numeric(cells[i]);
    }
    return given > 0 && 2 * numbers > given;
}
