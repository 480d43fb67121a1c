/* polyfill.c: a map region or plan shape (DL_POLY) drawn with SDL's geometry (polyfill.h). */
#include "platform/polyfill.h"

#include <math.h>

#include "core/poly.h"

/* One region: its triangles (made once by the loader) in one SDL_RenderGeometry call, then
 * its border as one batch of quads. Both were per frame and per edge before: a 2,000-point
 * shape cost 1.1 s a frame. */
void polygon_fill(SDL_Renderer *r, const DlCmd *c)
{
    enum { MAXP = GEOM_MAX_POLY_POINTS };
    static unsigned short own_tris[3 * MAXP];
    static SDL_Vertex v[MAXP], q[4 * MAXP];
    static int idx[6 * MAXP];
    if (c->n_points < 3 || c->n_points > MAXP) return;
    const unsigned short *tris = c->tris;
    size_t nt = c->n_tris;
    if (!tris || nt > c->n_points) {
        nt = poly_triangulate(c->xy, c->n_points, own_tris, MAXP);
        tris = own_tris;
    }
    SDL_Color col = {(Uint8)(c->color >> 16), (Uint8)(c->color >> 8), (Uint8)c->color, c->alpha};
    for (size_t i = 0; i < c->n_points; i++)
        v[i] = (SDL_Vertex){{c->ox + c->xy[2 * i] * c->sx, c->oy + c->xy[2 * i + 1] * c->sy}, col,
                            {0, 0}};
    for (size_t i = 0; i < 3 * nt; i++) idx[i] = tris[i];
    /* Untextured geometry takes the renderer's draw blend mode, which the last rectangle set:
     * a translucent shape (a pressed region's shade) must blend, not replace the pixels. */
    SDL_SetRenderDrawBlendMode(r, col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(r, NULL, v, (int)c->n_points, idx, (int)(3 * nt));
    /* A light border between neighbouring regions, as quads along each edge. */
    float w = fmaxf(1.5f, c->sx * 3);
    SDL_Color edge = {255, 255, 255, 255};
    int nq = 0, k = 0;
    for (size_t i = 0; i < c->n_points; i++) {
        size_t j = (i + 1) % c->n_points;
        float x0 = v[i].position.x, y0 = v[i].position.y, x1 = v[j].position.x, y1 = v[j].position.y;
        float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
        if (len < 0.01f) continue;
        float nx = -dy / len * w / 2, ny = dx / len * w / 2;
        int b = 4 * nq++;
        q[b] = (SDL_Vertex){{x0 + nx, y0 + ny}, edge, {0, 0}};
        q[b + 1] = (SDL_Vertex){{x1 + nx, y1 + ny}, edge, {0, 0}};
        q[b + 2] = (SDL_Vertex){{x1 - nx, y1 - ny}, edge, {0, 0}};
        q[b + 3] = (SDL_Vertex){{x0 - nx, y0 - ny}, edge, {0, 0}};
        const int qi[6] = {b, b + 1, b + 2, b, b + 2, b + 3};
        for (int m = 0; m < 6; m++) idx[k++] = qi[m];
    }
    if (nq) SDL_RenderGeometry(r, NULL, q, 4 * nq, idx, k);
}
