/* player.c: libmpv behind player.h, loaded with dlopen on first use.
 *
 * Why libmpv and why dlopen: docs/performance.md, "Video". The functions the kiosk calls are
 * looked up once into a table (Mpv); a missing library or symbol is a reason in a buffer,
 * never a crash. Every handle is made for a bundle's files only: no configuration files,
 * scripts, youtube-dl, external subtitles or audio, no network protocols (a playlist or a
 * reference movie inside a "video" cannot reach anything but local files), and the decoder
 * refuses frames above 1920 x 1080 pixels (`max_pixels`), so a stream that declares
 * 16384 x 16384 never gets its frames allocated, whatever the file claims. Frames come from
 * the software render API (MPV_RENDER_API_TYPE_SW) straight into the caller's texture at the
 * size it is shown: one pass of scaling and conversion. */
#include "platform/player.h"

#include <dlfcn.h>
#include <mpv/client.h>
#include <mpv/render.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/bundle.h"

typedef struct Mpv {
    mpv_handle *(*create)(void);
    int (*initialize)(mpv_handle *);
    void (*terminate_destroy)(mpv_handle *);
    int (*set_option_string)(mpv_handle *, const char *, const char *);
    int (*set_property_string)(mpv_handle *, const char *, const char *);
    int (*get_property)(mpv_handle *, const char *, mpv_format, void *);
    char *(*get_property_string)(mpv_handle *, const char *);
    void (*free)(void *);
    int (*command)(mpv_handle *, const char **);
    void (*set_wakeup_callback)(mpv_handle *, void (*)(void *), void *);
    mpv_event *(*wait_event)(mpv_handle *, double);
    const char *(*error_string)(int);
    int (*render_create)(mpv_render_context **, mpv_handle *, mpv_render_param *);
    void (*render_free)(mpv_render_context *);
    uint64_t (*render_update)(mpv_render_context *);
    int (*render)(mpv_render_context *, mpv_render_param *);
} Mpv;

static Mpv mpv;
static bool mpv_ok;
static char mpv_why[200];
static pthread_once_t mpv_once = PTHREAD_ONCE_INIT;

static void load_mpv(void)
{
    static const char *const names[] = {"libmpv.so.2", "libmpv.so.1", "libmpv.so"};
    void *lib = NULL;
    for (size_t i = 0; !lib && i < sizeof names / sizeof names[0]; i++)
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(mpv_why, sizeof mpv_why, "libmpv is not installed (%s)", dlerror());
        return;
    }
    struct { void **slot; const char *name; } syms[] = {
        {(void **)&mpv.create, "mpv_create"}, {(void **)&mpv.initialize, "mpv_initialize"},
        {(void **)&mpv.terminate_destroy, "mpv_terminate_destroy"},
        {(void **)&mpv.set_option_string, "mpv_set_option_string"},
        {(void **)&mpv.set_property_string, "mpv_set_property_string"},
        {(void **)&mpv.get_property, "mpv_get_property"},
        {(void **)&mpv.get_property_string, "mpv_get_property_string"},
        {(void **)&mpv.free, "mpv_free"}, {(void **)&mpv.command, "mpv_command"},
        {(void **)&mpv.set_wakeup_callback, "mpv_set_wakeup_callback"},
        {(void **)&mpv.wait_event, "mpv_wait_event"},
        {(void **)&mpv.error_string, "mpv_error_string"},
        {(void **)&mpv.render_create, "mpv_render_context_create"},
        {(void **)&mpv.render_free, "mpv_render_context_free"},
        {(void **)&mpv.render_update, "mpv_render_context_update"},
        {(void **)&mpv.render, "mpv_render_context_render"},
    };
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
        *syms[i].slot = dlsym(lib, syms[i].name);
        if (!*syms[i].slot) {
            snprintf(mpv_why, sizeof mpv_why, "libmpv has no %s", syms[i].name);
            return;
        }
    }
    mpv_ok = true;
}

static void *preload(void *arg)
{
    (void)arg;
    pthread_once(&mpv_once, load_mpv);
    return NULL;
}

void player_preload(void)
{
    pthread_t t;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &a, preload, NULL) != 0) pthread_once(&mpv_once, load_mpv);
    pthread_attr_destroy(&a);
}

static bool have_mpv(char *err, size_t n)
{
    pthread_once(&mpv_once, load_mpv);
    if (!mpv_ok) snprintf(err, n, "%s", mpv_why);
    return mpv_ok;
}

/* A handle that reads local files only (see the top of the file). */
static mpv_handle *new_handle(bool probe, char *err, size_t n)
{
    mpv_handle *h = mpv.create();
    if (!h) {
        snprintf(err, n, "libmpv could not start");
        return NULL;
    }
    static const char *const opts[][2] = {
        {"config", "no"}, {"load-scripts", "no"}, {"ytdl", "no"}, {"terminal", "no"},
        {"input-default-bindings", "no"}, {"sub-auto", "no"}, {"audio-file-auto", "no"},
        {"cover-art-auto", "no"}, {"access-references", "no"}, {"idle", "yes"},
        {"demuxer-lavf-o", "protocol_whitelist=file"}, {"cache", "no"},
        {"demuxer-max-bytes", "16MiB"}, {"hwdec", "no"}, {"keep-open", "yes"},
        {"vd-lavc-o", "max_pixels=2073600"}, {"audio-display", "no"},
        /* libmpv's built-in Lua scripts (stats, console, auto profiles): two threads each */
        {"load-stats-overlay", "no"}, {"load-osd-console", "no"}, {"load-auto-profiles", "no"},
    };
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        mpv.set_option_string(h, opts[i][0], opts[i][1]);
    mpv.set_option_string(h, "vo", probe ? "null" : "libmpv");
    if (probe) {
        mpv.set_option_string(h, "ao", "null");
        mpv.set_option_string(h, "pause", "yes");
    }
    int rc = mpv.initialize(h);
    if (rc < 0) {
        snprintf(err, n, "libmpv could not start: %s", mpv.error_string(rc));
        mpv.terminate_destroy(h);
        return NULL;
    }
    return h;
}

static void load_file(mpv_handle *h, const char *path)
{
    const char *cmd[] = {"loadfile", path, "replace", NULL};
    mpv.command(h, cmd);
}

static void copy_property(mpv_handle *h, const char *name, char *out, size_t n)
{
    char *s = mpv.get_property_string(h, name);
    snprintf(out, n, "%s", s ? s : "");
    if (s) mpv.free(s);
}

/* Waits (at most 10 s) for the file to open; false with the reason. */
static bool wait_loaded(mpv_handle *h, char *err, size_t n)
{
    for (int i = 0; i < 100; i++) {
        mpv_event *e = mpv.wait_event(h, 0.1);
        if (e->event_id == MPV_EVENT_FILE_LOADED) return true;
        if (e->event_id == MPV_EVENT_END_FILE) {
            const mpv_event_end_file *end = e->data;
            snprintf(err, n, "is not a video file that can be played (%s)",
                     end->error < 0 ? mpv.error_string(end->error) : "no media found");
            return false;
        }
    }
    snprintf(err, n, "could not be opened within 10 seconds");
    return false;
}

bool player_probe(const char *path, VideoProbe *out, char *err, size_t n)
{
    *out = (VideoProbe){0};
    if (!have_mpv(err, n)) return false;
    mpv_handle *h = new_handle(true, err, n);
    if (!h) return false;
    load_file(h, path);
    bool ok = wait_loaded(h, err, n);
    if (ok) {
        copy_property(h, "file-format", out->container, sizeof out->container);
        copy_property(h, "video-format", out->codec, sizeof out->codec);
        int64_t w = 0, ht = 0;
        mpv.get_property(h, "duration", MPV_FORMAT_DOUBLE, &out->seconds);
        mpv.get_property(h, "width", MPV_FORMAT_INT64, &w);
        mpv.get_property(h, "height", MPV_FORMAT_INT64, &ht);
        out->width = w > 0 && w < 1000000 ? (int)w : 0;
        out->height = ht > 0 && ht < 1000000 ? (int)ht : 0;
        if (!out->codec[0]) {
            snprintf(err, n, "has no video stream");
            ok = false;
        }
    }
    mpv.terminate_destroy(h);
    return ok;
}

const char *player_limits(const VideoProbe *p, char *buf, size_t n)
{
    static const char *const codecs[] = {"h264", "vp9", "vp8", "av1", "hevc"};
    bool known = false;
    for (size_t i = 0; i < sizeof codecs / sizeof codecs[0]; i++)
        known = known || strcmp(p->codec, codecs[i]) == 0;
    int lo = p->width < p->height ? p->width : p->height;
    int hi = p->width < p->height ? p->height : p->width;
    if (!known)
        snprintf(buf, n, "is coded as '%s'; use H.264 (MP4) or VP9 (WebM)", p->codec);
    else if (hi > VIDEO_MAX_LONG_SIDE || lo > VIDEO_MAX_SHORT_SIDE)
        snprintf(buf, n, "is %d x %d pixels; the limit is %d x %d (or %d x %d upright), so "
                 "scale it down", p->width, p->height, VIDEO_MAX_LONG_SIDE,
                 VIDEO_MAX_SHORT_SIDE, VIDEO_MAX_SHORT_SIDE, VIDEO_MAX_LONG_SIDE);
    else if (p->width <= 0 || p->height <= 0)
        snprintf(buf, n, "has no picture size");
    else if (p->seconds > VIDEO_MAX_SECONDS)
        snprintf(buf, n, "lasts %.0f minutes; the limit is %d minutes", p->seconds / 60,
                 VIDEO_MAX_SECONDS / 60);
    else
        return NULL;
    return buf;
}

struct Player {
    mpv_handle *h;
    mpv_render_context *rc;
    bool loaded, failed;
};

Player *player_create(void (*wake)(void *ctx), void *ctx, char *err, size_t n)
{
    if (!have_mpv(err, n)) return NULL;
    Player *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    p->h = new_handle(false, err, n);
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_API_TYPE, (void *)MPV_RENDER_API_TYPE_SW}, {MPV_RENDER_PARAM_INVALID, NULL}};
    int rc = p->h ? mpv.render_create(&p->rc, p->h, params) : -1;
    if (rc < 0) {
        if (p->h) snprintf(err, n, "libmpv cannot render in software: %s", mpv.error_string(rc));
        player_destroy(p);
        return NULL;
    }
    if (wake) mpv.set_wakeup_callback(p->h, wake, ctx);
    return p;
}

void player_destroy(Player *p)
{
    if (!p) return;
    if (p->rc) mpv.render_free(p->rc); /* before the handle, as libmpv asks */
    if (p->h) mpv.terminate_destroy(p->h);
    free(p);
}

void player_load(Player *p, const char *path, bool loop)
{
    mpv.set_property_string(p->h, "pause", "yes");
    mpv.set_property_string(p->h, "loop-file", loop ? "inf" : "no");
    load_file(p->h, path);
    p->loaded = true;
    p->failed = false;
}

void player_stop(Player *p)
{
    const char *cmd[] = {"stop", NULL};
    if (p->loaded) mpv.command(p->h, cmd);
    p->loaded = false;
}

void player_pause(Player *p, bool paused)
{
    mpv.set_property_string(p->h, "pause", paused ? "yes" : "no");
}

void player_mute(Player *p, bool muted)
{
    mpv.set_property_string(p->h, "mute", muted ? "yes" : "no");
}

bool player_poll(Player *p, char *err, size_t n)
{
    for (;;) {
        mpv_event *e = mpv.wait_event(p->h, 0);
        if (e->event_id == MPV_EVENT_NONE) break;
        if (e->event_id != MPV_EVENT_END_FILE) continue;
        const mpv_event_end_file *end = e->data;
        if (end->reason == MPV_END_FILE_REASON_ERROR && p->loaded && !p->failed) {
            snprintf(err, n, "%s", mpv.error_string(end->error));
            p->failed = true;
            return true;
        }
    }
    return false;
}

void player_size(const Player *p, int *w, int *h)
{
    int64_t x = 0, y = 0;
    if (p->loaded && !p->failed) {
        mpv.get_property(p->h, "width", MPV_FORMAT_INT64, &x);
        mpv.get_property(p->h, "height", MPV_FORMAT_INT64, &y);
    }
    bool sane = x > 0 && y > 0 && x <= 8192 && y <= 8192;
    *w = sane ? (int)x : 0;
    *h = sane ? (int)y : 0;
}

bool player_frame_due(Player *p)
{
    return p->loaded && !p->failed && (mpv.render_update(p->rc) & MPV_RENDER_UPDATE_FRAME);
}

bool player_render(Player *p, int w, int h, void *pixels, size_t stride)
{
    if (!p->loaded || p->failed) return false;
    int size[2] = {w, h};
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_SW_SIZE, size}, {MPV_RENDER_PARAM_SW_FORMAT, "rgb0"},
        {MPV_RENDER_PARAM_SW_STRIDE, &stride}, {MPV_RENDER_PARAM_SW_POINTER, pixels},
        {MPV_RENDER_PARAM_INVALID, NULL}};
    return mpv.render(p->rc, params) >= 0;
}

int64_t player_time_ms(Player *p)
{
    double t = -1;
    if (!p->loaded || p->failed || mpv.get_property(p->h, "time-pos", MPV_FORMAT_DOUBLE, &t) < 0)
        return -1;
    return t < 0 ? -1 : (int64_t)(t * 1000.0);
}

bool player_ended(Player *p)
{
    int eof = 0;
    return p->loaded && !p->failed &&
           mpv.get_property(p->h, "eof-reached", MPV_FORMAT_FLAG, &eof) >= 0 && eof;
}

long player_dropped(Player *p)
{
    int64_t vo = 0, dec = 0;
    if (!p->loaded) return 0;
    mpv.get_property(p->h, "frame-drop-count", MPV_FORMAT_INT64, &vo);
    mpv.get_property(p->h, "decoder-frame-drop-count", MPV_FORMAT_INT64, &dec);
    return (long)(vo + dec);
}
