/* test_figures.c: key figures: numbers written per language, the bar chart's geometry, and the
 * count-up of a figures screen on a fake clock.
 *
 * numfmt and chart are pure functions; the count-up runs a Session over the default bundle
 * with the fake text measurer, so no fonts and no SDL are involved. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "lang/numfmt.h"
#include "ui/chart.h"
#include "ui/session.h"
#include "check.h"
#include "fake_measure.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

static const char *fmt(int64_t v, int dec, NumUnit unit, bool more, const char *lang)
{
    static char buf[NUMFMT_BYTES];
    return numfmt_format(buf, sizeof buf, v, dec, unit, more, lang);
}

static void test_thousands_per_language(void)
{
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "nl"), "1.861.000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "en"), "1,861,000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "de"), "1.861.000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "fr"), "1" NNBSP "861" NNBSP "000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "uk"), "1" NBSP "861" NBSP "000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "tr"), "1.861.000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "ar"), "1,861,000");
    /* Spanish and Polish do not group a four-digit number */
    CHECK_STR(fmt(7000, 0, NUM_PLAIN, false, "es"), "7000");
    CHECK_STR(fmt(29200, 0, NUM_PLAIN, false, "es"), "29.200");
    CHECK_STR(fmt(7000, 0, NUM_PLAIN, false, "nl"), "7.000");
    CHECK_STR(fmt(999, 0, NUM_PLAIN, false, "nl"), "999");
    CHECK_STR(fmt(0, 0, NUM_PLAIN, false, "en"), "0");
    CHECK_STR(fmt(-9000, 0, NUM_PLAIN, false, "en"), "\xE2\x88\x92" "9,000");
}

static void test_decimals_percent_and_more(void)
{
    CHECK_STR(fmt(125, 1, NUM_PLAIN, false, "nl"), "12,5");
    CHECK_STR(fmt(125, 1, NUM_PLAIN, false, "en"), "12.5");
    CHECK_STR(fmt(123456705, 2, NUM_PLAIN, false, "de"), "1.234.567,05");
    CHECK_STR(fmt(14, 0, NUM_PERCENT, false, "nl"), "14%");
    CHECK_STR(fmt(14, 0, NUM_PERCENT, false, "en"), "14%");
    CHECK_STR(fmt(14, 0, NUM_PERCENT, false, "de"), "14" NBSP "%");
    CHECK_STR(fmt(14, 0, NUM_PERCENT, false, "fr"), "14" NNBSP "%");
    CHECK_STR(fmt(14, 0, NUM_PERCENT, false, "tr"), "%14");
    CHECK_STR(fmt(70000, 0, NUM_PLAIN, true, "nl"), "70.000+");
    CHECK_STR(fmt(70000, 0, NUM_PLAIN, true, "en"), "70,000+");
}

static void test_language_codes_and_small_buffers(void)
{
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "pt-BR"), "1.861.000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "fr_BE"), "1" NNBSP "861" NNBSP "000");
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "xx"), "1,861,000"); /* as in English */
    CHECK_STR(fmt(1861000, 0, NUM_PLAIN, false, "n"), "1,861,000");  /* no prefix match */
    char small[5];
    numfmt_format(small, sizeof small, 1861000, 0, NUM_PLAIN, false, "nl");
    CHECK_STR(small, "1.86");
    CHECK_INT(numfmt_scale(0), 1);
    CHECK_INT(numfmt_scale(2), 100);
}

static void test_chart_bars_from_zero(void)
{
    const double v[] = {1582000, 1573000, 1861000};
    ChartGeom g;
    Rect area = {10, 20, 300, 200};
    CHECK(chart_layout(v, 3, area, 20, 30, 0.5f, &g));
    CHECK_INT(g.n, 3);
    /* plot between the value labels' band and the years' band */
    CHECK_NEAR(g.plot.y, 40, 1e-3);
    CHECK_NEAR(g.plot.h, 150, 1e-3);
    CHECK_NEAR(g.baseline.y, 190, 1e-3);
    /* the tallest bar fills the plot; the others in proportion, from zero */
    CHECK_NEAR(g.bars[2].bar.h, 150, 1e-3);
    CHECK_NEAR(g.bars[2].bar.y, 40, 1e-3);
    CHECK_NEAR(g.bars[0].bar.h / g.bars[2].bar.h, 1582000.0 / 1861000.0, 1e-4);
    CHECK_NEAR(g.bars[1].bar.h / g.bars[2].bar.h, 1573000.0 / 1861000.0, 1e-4);
    for (size_t i = 0; i < 3; i++) {
        const ChartBar *b = &g.bars[i];
        float slot_x = 10 + 100 * (float)i;
        CHECK_NEAR(b->bar.w, 50, 1e-3);                        /* half its slot */
        CHECK_NEAR(b->bar.x + b->bar.w / 2, slot_x + 50, 1e-3); /* centred in it */
        CHECK_NEAR(b->bar.y + b->bar.h, 190, 1e-3);             /* on the baseline */
        CHECK_NEAR(b->value.y + b->value.h, b->bar.y, 1e-3);    /* its value right above */
        CHECK_NEAR(b->value.x, slot_x, 1e-3);
        CHECK_NEAR(b->value.w, 100, 1e-3);
        CHECK(b->year.y >= g.baseline.y + g.baseline.h - 1e-3); /* the year under the line */
        CHECK(rect_inside(b->bar, area, 1e-3));
        CHECK(rect_inside(b->value, area, 1e-3));
        CHECK(rect_inside(b->year, area, 1e-3));
    }
}

static void test_chart_edge_cases(void)
{
    ChartGeom g;
    const double zeros[] = {0, 0};
    CHECK(chart_layout(zeros, 2, (Rect){0, 0, 200, 100}, 20, 20, 0.6f, &g));
    CHECK_NEAR(g.bars[0].bar.h, 0, 1e-6);
    CHECK_NEAR(g.bars[1].bar.y, 80, 1e-6);
    const double one[] = {5};
    CHECK(!chart_layout(one, 0, (Rect){0, 0, 200, 100}, 20, 20, 0.6f, &g));
    CHECK_INT(g.n, 0);
    CHECK(!chart_layout(one, 1, (Rect){0, 0, 200, 30}, 20, 20, 0.6f, &g)); /* no room */
    double many[SERIES_MAX_POINTS + 1] = {0};
    CHECK(!chart_layout(many, SERIES_MAX_POINTS + 1, (Rect){0, 0, 200, 100}, 20, 20, 0.6f, &g));
    /* values with decimals count as what they say: 12.5 is half of 25 */
    SeriesPoint pts[2] = {{.value = 125, .decimals = 1}, {.value = 25, .decimals = 0}};
    double v[2];
    CHECK_INT(chart_values(pts, 2, v), 2);
    CHECK_NEAR(v[0], 12.5, 1e-9);
    CHECK(chart_layout(v, 2, (Rect){0, 0, 200, 140}, 20, 20, 0.6f, &g));
    CHECK_NEAR(g.bars[0].bar.h * 2, g.bars[1].bar.h, 1e-3);
}

/* ---- the count-up on a figures screen -------------------------------------------------- */

static Bundle *bundle;

/* The first numeral on screen at hero size (>= 3 x the body size: 90 px at 1080p). While it
 * counts it is drawn glyph by glyph: the glyphs of one box, left to right, are joined. */
static const char *hero(Session *s, char *buf, size_t size)
{
    const DisplayList *d = session_frame(s);
    const DlCmd *first = NULL;
    size_t used = 0;
    float x = -1;
    buf[0] = '\0';
    for (size_t i = 0; i < d->n_cmds; i++) {
        const DlCmd *k = &d->cmds[i];
        if (k->kind != DL_TEXT || k->px < 90) continue;
        if (!first) first = k;
        if (k->box.x != first->box.x || k->box.y != first->box.y) break;
        CHECK(k->r.x > x); /* in order */
        x = k->r.x;
        used += (size_t)snprintf(buf + used, size - used, "%.*s", (int)k->len, k->text);
        if (used >= size) break;
    }
    return buf;
}

static void test_count_up_on_first_view(void)
{
    Session s;
    CHECK(session_init(&s, bundle, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    const Collection *numbers = bundle_find_collection(bundle, "numbers");
    CHECK(numbers && numbers->layout == LAYOUT_FIGURES);
    if (!numbers) return;
    char buf[64];
    session_apply(&s, (Action){.kind = ACT_COLLECTION, .collection = numbers}, 1000);
    session_tick(&s, 1000);
    CHECK_STR(hero(&s, buf, sizeof buf), "0");
    session_tick(&s, 1300);
    const char *mid = hero(&s, buf, sizeof buf);
    CHECK(strcmp(mid, "1.861.000") != 0 && strcmp(mid, "0") != 0);
    CHECK(strlen(mid) == strlen("1.861.000")); /* t = 0.5: 87.5 %, digits grouped */
    CHECK(s.info.frame_ms > 0 && s.info.frame_ms <= 34); /* 30 frames a second at least */
    CHECK(session_next_wake(&s) <= 1300 + 34);
    session_tick(&s, 1000 + VIEW_SETTLE_MS);
    CHECK_STR(hero(&s, buf, sizeof buf), "1.861.000"); /* the last frame: exactly the value */
    CHECK_INT(s.info.frame_ms, 0);
    CHECK(!session_tick(&s, 1000 + VIEW_SETTLE_MS + 500)); /* then the screen is still */
    /* the card opens the item, whose page shows the numeral as hero too (and counts) */
    session_apply(&s, (Action){.kind = ACT_ITEM, .item = &numbers->items[0]}, 3000);
    session_tick(&s, 3000 + VIEW_SETTLE_MS);
    CHECK_STR(hero(&s, buf, sizeof buf), "1.861.000");
    /* back on the grid: no second count-up */
    session_apply(&s, (Action){.kind = ACT_BACK}, 5000);
    session_tick(&s, 5016);
    CHECK_STR(hero(&s, buf, sizeof buf), "1.861.000");
    /* in English, written the English way */
    session_apply(&s, (Action){.kind = ACT_LANGUAGE}, 6000);
    session_tick(&s, 6016);
    CHECK_STR(hero(&s, buf, sizeof buf), "1,861,000");
    session_free(&s);
}

static void test_opened_directly_is_settled(void)
{
    Session s;
    CHECK(session_init(&s, bundle, (TextMeasure){.width = fake_width}, 1080, 1920, 0));
    CHECK(session_open(&s, "numbers", 0));
    char buf[64];
    CHECK_STR(hero(&s, buf, sizeof buf), "1.861.000");
    CHECK_INT(s.info.frame_ms, 0); /* asks for no frames */
    CHECK(session_open(&s, "item:number-vrouwen", 0));
    CHECK_STR(hero(&s, buf, sizeof buf), "14%");
    session_free(&s);
}

int main(void)
{
    RUN(test_thousands_per_language);
    RUN(test_decimals_percent_and_more);
    RUN(test_language_codes_and_small_buffers);
    RUN(test_chart_bars_from_zero);
    RUN(test_chart_edge_cases);
    Diags d;
    diags_init(&d);
    bundle = bundle_load("content/techniekpact", &d);
    if (!bundle) diags_print(&d, stderr);
    diags_free(&d);
    CHECK(bundle != NULL);
    if (bundle) {
        RUN(test_count_up_on_first_view);
        RUN(test_opened_directly_is_settled);
        bundle_free(bundle);
    }
    return check_summary();
}
