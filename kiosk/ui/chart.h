/* chart.h: the geometry of a bar chart, apart from drawing it. Pure, no SDL, no fonts.
 *
 * Bars stand on one baseline and start at zero, so their heights compare honestly (a chart
 * that starts at 1,500,000 makes 1,573,000 look like half of 1,861,000). Each bar has a slot
 * of equal width; its value is written just above it and its year under the baseline. */
#ifndef KIOSK_CHART_H
#define KIOSK_CHART_H

#include <stddef.h>

#include "bundle/bundle.h"
#include "ui/geom.h"

typedef struct ChartBar {
    Rect bar;   /* the filled bar (h may be 0 for a value of 0) */
    Rect value; /* the value's label box, right above the bar, as wide as the slot */
    Rect year;  /* the year's label box, under the baseline, as wide as the slot */
} ChartBar;

typedef struct ChartGeom {
    Rect plot;      /* where bars may stand: the tallest reaches plot.y */
    Rect baseline;  /* a thin line under the bars, across the plot */
    ChartBar bars[SERIES_MAX_POINTS];
    size_t n;
} ChartGeom;

/* Lays out n values (all >= 0, n <= SERIES_MAX_POINTS) in `area`: value_h above the bars for
 * their labels, year_h under the baseline for the years, bars `bar_frac` of their slot wide.
 * Returns false (and n = 0) when there is nothing to draw or no room. */
bool chart_layout(const double *values, size_t n, Rect area, float value_h, float year_h,
                  float bar_frac, ChartGeom *out);

/* The values of a series as plain numbers (value / 10^decimals); returns how many. */
size_t chart_values(const SeriesPoint *pts, size_t n, double *out);

#endif
