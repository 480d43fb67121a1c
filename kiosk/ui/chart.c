/* chart.c: bar chart geometry (see chart.h). The drawing is in view_figures.c. */
#include "ui/chart.h"

#include <math.h>

size_t chart_values(const SeriesPoint *pts, size_t n, double *out)
{
    if (n > SERIES_MAX_POINTS) n = SERIES_MAX_POINTS;
    for (size_t i = 0; i < n; i++)
        out[i] = (double)pts[i].value / (double)numfmt_scale(pts[i].decimals);
    return n;
}

bool chart_layout(const double *values, size_t n, Rect area, float value_h, float year_h,
                  float bar_frac, ChartGeom *out)
{
    out->n = 0;
    float plot_h = area.h - value_h - year_h;
    if (n == 0 || n > SERIES_MAX_POINTS || area.w <= 0 || plot_h <= 0) return false;
    double max = 0;
    for (size_t i = 0; i < n; i++)
        if (values[i] > max) max = values[i];
    out->plot = (Rect){area.x, area.y + value_h, area.w, plot_h};
    float base = out->plot.y + plot_h;
    float line = fmaxf(1.0f, plot_h / 100.0f);
    out->baseline = (Rect){area.x, base, area.w, line};
    float slot = area.w / (float)n, bw = slot * fminf(fmaxf(bar_frac, 0.05f), 1.0f);
    for (size_t i = 0; i < n; i++) {
        double v = values[i] > 0 ? values[i] : 0;
        float h = max > 0 ? (float)(v / max) * plot_h : 0;
        float sx = area.x + slot * (float)i;
        ChartBar *b = &out->bars[i];
        b->bar = (Rect){sx + (slot - bw) / 2, base - h, bw, h};
        b->value = (Rect){sx, base - h - value_h, slot, value_h};
        b->year = (Rect){sx, base + line, slot, year_h - line};
    }
    out->n = n;
    return true;
}
