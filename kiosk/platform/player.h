/* player.h: video clips through libmpv (probing for --check, playing for the window).
 *
 * libmpv is loaded with dlopen the first time a clip is probed or played: it pulls in some
 * 230 shared libraries, which would cost every start of the kiosk ~0.8 s and ~45 MB even
 * without a video (docs/performance.md, "Video"). Without libmpv on the machine, probing and
 * playing fail with a reason and the screens show the posters. No SDL here: the window
 * backend (videoout.c) turns the frames into a texture. */
#ifndef KIOSK_PLAYER_H
#define KIOSK_PLAYER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What --check reports of a clip. */
typedef struct VideoProbe {
    char container[32]; /* "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm" */
    char codec[32];     /* "h264", "vp9" */
    double seconds;
    int width, height;
} VideoProbe;

/* Opens the clip far enough to read its container, codec, duration and size (no frame is
 * shown). False with a plain reason ("is not a video file that can be played: ...") in err. */
bool player_probe(const char *path, VideoProbe *out, char *err, size_t n);

/* The limits of content/README.md against a probe: NULL when it is fine, else why not. */
const char *player_limits(const VideoProbe *p, char *buf, size_t n);

/* Loads libmpv on a thread of its own, so the first clip does not wait for it (a few hundred
 * milliseconds of dlopen); the first probe or player waits for it to finish if need be. */
void player_preload(void);

typedef struct Player Player;

/* A player that renders in software into the caller's pixels. `wake` (may be NULL) is called
 * from another thread when libmpv has news (the clip opened, failed, ended): call
 * player_poll then. NULL with a reason in err (no libmpv, out of memory). */
Player *player_create(void (*wake)(void *ctx), void *ctx, char *err, size_t n);
void player_destroy(Player *p);
/* Starts `path` from the beginning (paused until player_pause(p, false)). */
void player_load(Player *p, const char *path, bool loop);
void player_stop(Player *p);
void player_pause(Player *p, bool paused);
void player_mute(Player *p, bool muted);
/* Handles libmpv's events; true once the clip has failed (it is then stopped and the reason,
 * for the log, is in err). */
bool player_poll(Player *p, char *err, size_t n);
/* The clip's frame size once known (0 before). */
void player_size(const Player *p, int *w, int *h);
/* Whether a new frame is due (then render it). */
bool player_frame_due(Player *p);
/* Renders the newest frame as bytes R, G, B, 0 (w x h, stride bytes a row). */
bool player_render(Player *p, int w, int h, void *pixels, size_t stride);
/* Where playback is (ms), for the captions; -1 before the clip plays. */
int64_t player_time_ms(Player *p);
/* A clip that does not loop has reached its end (its last frame stays). */
bool player_ended(Player *p);
/* Frames dropped so far (late for the display, or skipped by the decoder to keep up). */
long player_dropped(Player *p);

#endif
