/* test_table: an item's table (issue 17, item 6): column widths, numbers aligned, wrapping
 * within a cell, right to left, and a table too wide for the screen reported at its cell.
 *
 * The layout runs with the fake measurer (0.55 px per px of text size per character), on
 * tests/good/table (a price list with caption and header; three columns without either) and
 * on a bundle written here whose four columns of long words cannot fit side by side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "ui/session.h"
#include "ui/table.h"
#include "check.h"
#include "fake_measure.h"

static const Bundle *bundle;

static const TextMeasure MEASURE = {.ctx = NULL, .width = fake_width};

/* Everything fits on one line: each column its longest line, plus air up to `air`. */
static void test_columns_when_all_fits(void)
{
    const TableCellSize cells[] = {{100, 300}, {80, 120}, {60, 200}, {70, 90}};
    TableGeom g;
    table_columns(cells, 4, 2, 1000, 50, &g);
    CHECK(!g.too_wide);
    CHECK_NEAR(g.col_w[0], 300 + 50, 0.01);
    CHECK_NEAR(g.col_w[1], 120 + 50, 0.01);
    CHECK_NEAR(g.width, 520, 0.01); /* not stretched over the whole 1000 */
    table_columns(cells, 4, 2, 440, 50, &g);
    CHECK_NEAR(g.col_w[0], 300 + 10, 0.01); /* what is left, shared equally */
    CHECK_NEAR(g.width, 440, 0.01);
}

/* Wrapping: each column its widest word plus a share in proportion to what it would use. */
static void test_columns_when_cells_wrap(void)
{
    const TableCellSize cells[] = {{100, 400}, {80, 80}};
    TableGeom g;
    table_columns(cells, 2, 2, 330, 50, &g);
    CHECK(!g.too_wide);
    CHECK_NEAR(g.col_w[0], 250, 0.01); /* 100 + 300 * 150 / 300 */
    CHECK_NEAR(g.col_w[1], 80, 0.01);  /* a column of one short word keeps just that */
    CHECK_NEAR(g.width, 330, 0.01);
}

/* Too wide: the widest words together are wider than the room; the cell that misses its
 * column by most is named. */
static void test_columns_too_wide(void)
{
    const TableCellSize cells[] = {{200, 200}, {100, 150}, {500, 500}, {90, 90}};
    TableGeom g;
    table_columns(cells, 4, 2, 400, 50, &g);
    CHECK(g.too_wide);
    CHECK_INT(g.worst, 2);
    CHECK_NEAR(g.col_w[1], 100, 0.01); /* the narrow column keeps its widest word whole */
    CHECK_NEAR(g.col_w[0], 300, 0.01);
    CHECK_NEAR(g.width, 400, 0.01);
    const TableCellSize three[] = {{400, 400}, {300, 300}, {100, 100}};
    table_columns(three, 3, 3, 500, 50, &g); /* the two wide ones share 400 */
    CHECK(g.too_wide);
    CHECK_NEAR(g.col_w[0], 200, 0.01);
    CHECK_NEAR(g.col_w[1], 200, 0.01);
    CHECK_NEAR(g.col_w[2], 100, 0.01);
    CHECK_INT(g.worst, 0);
}

static void test_numeric_columns(void)
{
    const char *times[] = {"10:00–15:00", "9:30–12:00", "gesloten"};
    const char *prices[] = {"€ 1,50", "1,50 €", "$2", "gratis"};
    const char *words[] = {"hoofdingang", "", "zij-ingang 2"};
    CHECK(table_numeric(times, 3));
    CHECK(table_numeric(prices, 4));
    CHECK(!table_numeric(words, 3));
    CHECK(!table_numeric(words + 1, 1)); /* only empty cells */
}

static const DlCmd *find_text(const DisplayList *d, const char *s)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_TEXT && d->cmds[i].len == strlen(s) &&
            memcmp(d->cmds[i].text, s, d->cmds[i].len) == 0)
            return &d->cmds[i];
    return NULL;
}

static const DisplayList *open_item(Session *s, const char *lang, float w, float h, const char *id)
{
    if (!session_init(s, bundle, MEASURE, w, h, 0)) return NULL;
    s->ui.lang = (size_t)bundle_language_index(bundle, lang);
    if (!session_open(s, id, 0)) return NULL;
    s->dirty = true;
    return session_frame(s);
}

/* The price list at two sizes: prices end-aligned in their column, the first column bold,
 * every text of the table inside the screen and inside its box. */
static void test_price_list_on_screen(void)
{
    static const float sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}};
    for (size_t z = 0; z < 4; z++) {
        Session s;
        const DisplayList *d = open_item(&s, "nl", sizes[z][0], sizes[z][1], "prices");
        CHECK(d != NULL);
        if (!d) continue;
        const DlCmd *soup = find_text(d, "Kop soep"), *p1 = find_text(d, "€ 1,50");
        const DlCmd *p2 = find_text(d, "€ 2,00"), *free_ = find_text(d, "gratis");
        const DlCmd *head = find_text(d, "Prijs"), *cap = find_text(d, "Prijzen in de kantine");
        CHECK(soup && p1 && p2 && free_ && head && cap);
        if (!soup || !p1 || !p2 || !free_ || !head || !cap) {
            session_free(&s);
            continue;
        }
        CHECK_INT(soup->font, FONT_BOLD);
        CHECK_INT(p1->font, FONT_REGULAR);
        CHECK(soup->r.x < p1->r.x);
        CHECK(soup->r.y < p2->r.y && p1->r.y < p2->r.y);
        /* end-aligned: the right edges line up, the header's too */
        CHECK_NEAR(p1->r.x + p1->r.w, p2->r.x + p2->r.w, 1.5);
        CHECK_NEAR(p1->r.x + p1->r.w, free_->r.x + free_->r.w, 1.5);
        CHECK_NEAR(p1->r.x + p1->r.w, head->r.x + head->r.w, 1.5);
        CHECK(p1->px >= (int)(30 * view_unit(sizes[z][0], sizes[z][1]) * 0.8f));
        for (size_t i = 0; i < d->n_cmds; i++) {
            const DlCmd *c = &d->cmds[i];
            if (c->kind != DL_TEXT) continue;
            CHECK(c->r.x >= 0 && c->r.x + c->r.w <= sizes[z][0] + 0.5f);
            CHECK(c->r.x >= c->box.x - 0.5f && c->r.x + c->r.w <= c->box.x + c->box.w + 0.5f);
        }
        CHECK_INT(d->n_issues, 0);
        session_free(&s);
    }
}

/* Right to left: the same table mirrored, the first column on the right. */
static void test_right_to_left(void)
{
    Session s;
    const DisplayList *d = open_item(&s, "ar", 1920, 1080, "prices");
    const DlCmd *soup = d ? find_text(d, "كوب حساء") : NULL, *price = d ? find_text(d, "€ 1,50") : NULL;
    CHECK(soup && price);
    if (soup && price) CHECK(soup->r.x > price->r.x);
    session_free(&s);
}

/* A long cell wraps inside its column; the row grows and the next row starts below it. */
static void test_wrapping_in_a_cell(void)
{
    Session s;
    const DisplayList *d = open_item(&s, "nl", 1080, 1920, "hours");
    CHECK(d != NULL);
    if (d) {
        const DlCmd *a = find_text(d, "zij-ingang bij de"), *b = find_text(d, "fietsenstalling");
        const DlCmd *wed = find_text(d, "Woensdagmiddag"), *sat = find_text(d, "Zaterdag");
        const DlCmd *sun = find_text(d, "Zondag");
        CHECK(a && b && wed && sat && sun);
        if (a && b && wed) {
            CHECK(b->r.y > a->r.y);
            CHECK_NEAR(a->r.x, b->r.x, 0.5);
            CHECK(a->r.x > wed->r.x + wed->r.w);
        }
        if (sat && sun) CHECK(sun->r.y > sat->r.y);
        CHECK_INT(d->n_issues, 0);
    }
    session_free(&s);
}

/* Four columns of long words on a portrait screen: too wide; reported once, at the cell
 * that misses its column most, which --check turns into file:line:col. */
static void test_too_wide_reported(void)
{
    char dir[] = "/tmp/kiosk-table-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("format: 1\nmeta: {id: w, title: W, version: \"1\", languages: [de], "
          "default_language: de}\nhome: {tiles: [{target: c}]}\ncollections:\n"
          "  - id: c\n    title: C\n    items:\n      - id: wide\n        title: Breit\n"
          "        table:\n          rows:\n"
          "            - [Kraftfahrzeughaftpflichtversicherung, Rechtsschutzversicherungen, "
          "Donaudampfschifffahrtsgesellschaftskapitän, Grundstücksverkehrsgenehmigung]\n", f);
    fclose(f);
    Diags dg;
    diags_init(&dg);
    Bundle *b = bundle_load(dir, &dg);
    CHECK(b != NULL);
    if (b) {
        Session s;
        CHECK(session_init(&s, b, MEASURE, 1080, 1920, 0));
        CHECK(session_open(&s, "wide", 0));
        const DisplayList *d = session_frame(&s);
        size_t found = 0;
        for (size_t i = 0; i < d->n_issues; i++) {
            if (d->issues[i].kind != DL_ISSUE_TOO_WIDE) continue;
            found++;
            CHECK_STR(d->issues[i].text, "Donaudampfschifffahrtsgesellschaftskapitän");
            CHECK_STR(d->issues[i].shown, "Donaudampfschifffahrtsgesellschaftskapitän");
            const TextOrigin *o = bundle_text_origin(b, d->issues[i].text);
            CHECK(o != NULL);
            if (o) CHECK_INT(o->line, 12);
        }
        CHECK_INT(found, 1);
        for (size_t i = 0; i < d->n_cmds; i++) /* drawn anyway, broken, on the screen */
            if (d->cmds[i].kind == DL_TEXT) CHECK(d->cmds[i].r.x + d->cmds[i].r.w <= 1080.5f);
        session_free(&s);
        bundle_free(b);
    }
    diags_free(&dg);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    Diags d;
    diags_init(&d);
    bundle = bundle_load("tests/good/table", &d);
    if (!bundle) {
        diags_print(&d, stderr);
        return 1;
    }
    diags_free(&d);
    RUN(test_columns_when_all_fits);
    RUN(test_columns_when_cells_wrap);
    RUN(test_columns_too_wide);
    RUN(test_numeric_columns);
    RUN(test_price_list_on_screen);
    RUN(test_right_to_left);
    RUN(test_wrapping_in_a_cell);
    RUN(test_too_wide_reported);
    bundle_free((Bundle *)bundle);
    return check_summary();
}
