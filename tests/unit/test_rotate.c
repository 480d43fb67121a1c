/* test_rotate.c: a turned display: touches map back to what was drawn there, at all four
 * angles (ui/geom.h rotate_*). */
#include "check.h"
#include "ui/geom.h"

static void test_logical_size(void)
{
    int w, h;
    rotate_logical_size(0, 1920, 1080, &w, &h);
    CHECK_INT(w, 1920);
    CHECK_INT(h, 1080);
    rotate_logical_size(90, 1920, 1080, &w, &h);
    CHECK_INT(w, 1080);
    CHECK_INT(h, 1920);
    rotate_logical_size(180, 1920, 1080, &w, &h);
    CHECK_INT(w, 1920);
    rotate_logical_size(270, 1920, 1080, &w, &h);
    CHECK_INT(h, 1920);
}

/* Where the logical top-left corner ends up on the physical panel, per angle (clockwise). */
static void test_corners(void)
{
    float px, py;
    rotate_to_physical(0, 1920, 1080, 0, 0, &px, &py);
    CHECK_NEAR(px, 0, 0.01);
    CHECK_NEAR(py, 0, 0.01);
    rotate_to_physical(90, 1920, 1080, 0, 0, &px, &py); /* turned right: top-left goes right */
    CHECK_NEAR(px, 1920, 0.01);
    CHECK_NEAR(py, 0, 0.01);
    rotate_to_physical(180, 1920, 1080, 0, 0, &px, &py);
    CHECK_NEAR(px, 1920, 0.01);
    CHECK_NEAR(py, 1080, 0.01);
    rotate_to_physical(270, 1920, 1080, 0, 0, &px, &py);
    CHECK_NEAR(px, 0, 0.01);
    CHECK_NEAR(py, 1080, 0.01);
}

/* A touch on the physical panel lands where the logical point was drawn, for every angle and
 * a grid of points. */
static void test_round_trip(void)
{
    static const int angles[] = {0, 90, 180, 270};
    for (int a = 0; a < 4; a++) {
        int lw, lh;
        rotate_logical_size(angles[a], 1920, 1080, &lw, &lh);
        for (int i = 0; i <= 10; i++)
            for (int j = 0; j <= 10; j++) {
                float lx = (float)lw * (float)i / 10, ly = (float)lh * (float)j / 10, px, py, bx, by;
                rotate_to_physical(angles[a], 1920, 1080, lx, ly, &px, &py);
                CHECK(px >= -0.01f && px <= 1920.01f && py >= -0.01f && py <= 1080.01f);
                rotate_to_logical(angles[a], 1920, 1080, px, py, &bx, &by);
                CHECK_NEAR(bx, lx, 0.01);
                CHECK_NEAR(by, ly, 0.01);
            }
    }
}

int main(void)
{
    RUN(test_logical_size);
    RUN(test_corners);
    RUN(test_round_trip);
    return check_summary();
}
