/* videoout.c: the player of the window, and its frames as an SDL streaming texture.
 *
 * libmpv renders each new frame in software at the size it is shown (player.c), straight into
 * the locked texture, so a 1080p clip in a 620-pixel panel costs a 620-pixel frame. The
 * player is created for the first clip that is shown (never for a bundle without one) and
 * kept: a visit usually sees several clips. A clip that fails (corrupt, too large for the
 * decoder's pixel limit, no libmpv) is logged once and shows its poster from then on. */
#include "platform/videoout.h"

#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "platform/player.h"

struct VideoOut {
    SDL_Renderer *r;
    void (*wake)(void *ctx); /* libmpv has news: draw again (from libmpv's thread) */
    void *wake_ctx;
    Player *player;
    bool no_player;        /* creating it failed (logged once) */
    const Video *current;  /* loaded in the player */
    int64_t stamp;         /* the screen it belongs to */
    bool playing;
    bool ended;            /* played to its end (no loop): nothing more to show */
    int muted;             /* as last set: 0, 1, or -1 when not set since loading */
    const Video *failed[16]; /* clips that failed, logged once, never retried */
    size_t n_failed;
    SDL_Texture *tex;
    int tw, th;            /* texture size: the frame as shown */
    bool has_frame;        /* the texture holds a frame of `current` */
    Rect where;            /* last logged place of the clip (for tests and the journal) */
};

VideoOut *videoout_create(SDL_Renderer *r, void (*wake)(void *ctx), void *ctx)
{
    VideoOut *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->r = r;
    v->wake = wake;
    v->wake_ctx = ctx;
    return v;
}

void videoout_destroy(VideoOut *v)
{
    if (!v) return;
    player_destroy(v->player);
    if (v->tex) SDL_DestroyTexture(v->tex);
    free(v);
}

static bool has_failed(const VideoOut *v, const Video *clip)
{
    for (size_t i = 0; i < v->n_failed; i++)
        if (v->failed[i] == clip) return true;
    return false;
}

static void mark_failed(VideoOut *v, const Video *clip, const char *why)
{
    log_warning("the video %s cannot be played (%s); showing its poster", clip->rel, why);
    if (v->n_failed < sizeof v->failed / sizeof v->failed[0]) v->failed[v->n_failed++] = clip;
}

static void stop(VideoOut *v)
{
    if (v->current)
        log_info("stopped the video %s (%ld frames dropped)", v->current->rel,
                 v->player ? player_dropped(v->player) : 0);
    if (v->player && v->current) player_stop(v->player);
    v->current = NULL;
    v->playing = false;
    v->has_frame = false;
}

static void start(VideoOut *v, const DlCmd *c)
{
    char err[256];
    if (!v->player && !v->no_player) {
        v->player = player_create(v->wake, v->wake_ctx, err, sizeof err);
        if (!v->player) {
            log_warning("videos show their posters: %s", err);
            v->no_player = true;
        }
    }
    if (!v->player) return;
    player_load(v->player, c->video->path, c->video->loop);
    log_info("playing the video %s", c->video->rel);
    v->current = c->video;
    v->stamp = c->stamp;
    v->has_frame = false;
    v->ended = false;
    v->muted = -1;
}

/* The list's clips: the one shown (alpha > 0) and whether the loaded one is kept below. */
static const DlCmd *scan(const DisplayList *list, const VideoOut *v, bool *kept)
{
    const DlCmd *shown = NULL;
    *kept = false;
    for (size_t i = 0; list && i < list->n_cmds; i++) {
        const DlCmd *c = &list->cmds[i];
        if (c->kind != DL_VIDEO) continue;
        if (c->alpha && !shown) shown = c;
        else if (!c->alpha && c->video == v->current && c->stamp == v->stamp) *kept = true;
    }
    return shown;
}

static void take_frame(VideoOut *v, const DlCmd *c);

void videoout_update(VideoOut *v, const DisplayList *list)
{
    bool kept;
    const DlCmd *shown = scan(list, v, &kept);
    if (shown && has_failed(v, shown->video)) shown = NULL;
    bool same = shown && shown->video == v->current && shown->stamp == v->stamp;
    if (v->current && !same) {
        if (kept && !shown) { /* its screen is under the top one: wait there */
            if (v->playing) log_info("paused the video %s", v->current->rel);
            if (v->playing) player_pause(v->player, true);
            v->playing = false;
        } else {
            stop(v); /* one player: a new clip, or nobody comes back to this one */
        }
    }
    if (shown && !same) start(v, shown);
    if (!v->current || !shown) return;
    char err[256];
    if (player_poll(v->player, err, sizeof err)) {
        mark_failed(v, v->current, err);
        stop(v);
        return;
    }
    if (v->muted != shown->muted) player_mute(v->player, shown->muted);
    v->muted = shown->muted;
    Rect r = shown->r;
    if (memcmp(&r, &v->where, sizeof r) != 0)
        log_info("video %s in %.0fx%.0f at %.0f,%.0f", shown->video->rel, r.w, r.h, r.x, r.y);
    v->where = r;
    if (!v->playing) player_pause(v->player, false);
    v->playing = true;
    take_frame(v, shown);
    if (!v->ended && player_ended(v->player)) {
        v->ended = true;
        log_info("the video %s played to its end (%ld frames dropped)", v->current->rel,
                 player_dropped(v->player));
    }
}

/* Where the frame goes in r: the clip's shape, as large as fits, centred. */
static SDL_Rect contain(Rect r, int fw, int fh)
{
    float s = fminf(r.w / (float)fw, r.h / (float)fh);
    int w = (int)lroundf((float)fw * s), h = (int)lroundf((float)fh * s);
    return (SDL_Rect){(int)lroundf(r.x + (r.w - (float)w) / 2), (int)lroundf(r.y + (r.h - (float)h) / 2),
                      w, h};
}

static void take_frame(VideoOut *v, const DlCmd *c)
{
    int fw, fh;
    player_size(v->player, &fw, &fh);
    if (fw <= 0 || fh <= 0 || c->r.w < 2 || c->r.h < 2) return;
    SDL_Rect dst = contain(c->r, fw, fh);
    if (dst.w < 2 || dst.h < 2) return;
    if (!v->tex || v->tw != dst.w || v->th != dst.h) {
        if (v->tex) SDL_DestroyTexture(v->tex);
        v->tex = SDL_CreateTexture(v->r, SDL_PIXELFORMAT_XBGR8888, SDL_TEXTUREACCESS_STREAMING,
                                   dst.w, dst.h);
        v->tw = dst.w;
        v->th = dst.h;
        v->has_frame = false;
        if (!v->tex) return;
    }
    if (!player_frame_due(v->player)) return; /* a locked texture's old pixels are not kept */
    void *px;
    int pitch;
    if (SDL_LockTexture(v->tex, NULL, &px, &pitch) != 0) return;
    /* mpv renders "rgb0": bytes R, G, B, 0, which SDL calls XBGR8888 on little-endian */
    bool got = player_render(v->player, dst.w, dst.h, px, (size_t)pitch);
    SDL_UnlockTexture(v->tex);
    if (got) v->has_frame = true;
}

void videoout_draw(void *ctx, const DlCmd *c)
{
    VideoOut *v = ctx;
    if (!v->has_frame || c->video != v->current || c->stamp != v->stamp) return;
    SDL_Rect dst = contain(c->r, v->tw, v->th);
    SDL_RenderCopy(v->r, v->tex, NULL, &dst);
}

int64_t videoout_time_ms(VideoOut *v)
{
    if (!v->current || !v->playing || v->ended) return -1;
    int64_t t = player_time_ms(v->player);
    return t < 0 ? 0 : t; /* starting: frames are wanted already */
}
