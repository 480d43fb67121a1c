/* window.h: the SDL window backend of the running kiosk. No policy lives here.
 *
 * The contract (as raylib keeps its platform layer apart): the backend opens the display,
 * turns SDL's events into the core's events (pointer in logical coordinates, keys, wheel,
 * resize, redraw, wake, close) and presents display lists, rotated when the display is. It
 * decides nothing about what is shown or when the kiosk may be left: exit shortcuts and close
 * requests are reported as events and the supervisor (app/supervisor.h) decides. Other
 * threads reach the loop through window_wake(). */
#ifndef KIOSK_WINDOW_H
#define KIOSK_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/bundle.h"
#include "ui/dlist.h"
#include "ui/session.h"

typedef struct Window Window;

typedef struct WindowSettings {
    int width, height;    /* size of a window; fullscreen takes the display's size */
    bool windowed;        /* a resizable window with a cursor, else borderless fullscreen */
    int rotate;           /* degrees clockwise the picture is turned: 0, 90, 180, 270 */
    const char *renderer; /* SDL render driver; NULL: the software renderer */
    const Theme *theme;   /* borrowed until window_set_theme */
    /* When set, asked for the theme (instead of `theme`) once the window is open: the caller
     * may read its bundle on another thread meanwhile. NULL from it: window_create fails. */
    const Theme *(*wait_theme)(void *ctx);
    /* When set, called once the window is open, before the theme is asked for: the kept
     * first frame (window_show_kept) needs no bundle. */
    void (*opened)(void *ctx, Window *w);
    void *wait_ctx; /* for both */
    const char *assets;   /* folder holding icons/ (borrowed) */
    size_t cache_bytes;   /* texture cache budget */
} WindowSettings;

typedef enum {
    WINDOW_TIMEOUT,   /* nothing happened within the time asked for */
    WINDOW_POINTER,   /* finger, phase, x, y (logical pixels) */
    WINDOW_KEY,       /* key */
    WINDOW_WHEEL,     /* wheel: notches, positive away from the user (scroll up); zoom: Ctrl
                         was held, x, y: where the mouse is */
    WINDOW_RESIZE,    /* w, h (logical pixels) */
    WINDOW_REDRAW,    /* exposed, restored, or a picture finished decoding */
    WINDOW_WAKE,      /* window_wake() was called */
    WINDOW_CLOSE,     /* the window manager or the system asks to close */
    WINDOW_EXIT_KEY,  /* an exit shortcut (Escape, Alt+F4, ...): `escape`, `key_name` */
} WindowEventKind;

typedef struct WindowEvent {
    WindowEventKind kind;
    PointerPhase phase;
    int finger;           /* WINDOW_POINTER: 0, or 1 for a second finger (a pinch) */
    float x, y;
    bool zoom;            /* WINDOW_WHEEL: Ctrl was held */
    KeyKind key;
    float wheel;
    float w, h;
    bool escape;          /* WINDOW_EXIT_KEY: plain Escape */
    const char *key_name; /* WINDOW_EXIT_KEY: SDL's name of the key (static) */
} WindowEvent;

/* Call before any thread starts when another thread will run during window_create: with no
 * D-Bus session bus to be found, SDL_Init would fork (libdbus starting dbus-launch), and that
 * child runs malloc before exec; forked while another thread held an allocator lock, it waits
 * forever and window_create with it. This tells libdbus there is no session bus. */
void window_no_bus_autolaunch(void);
/* Opens the window (SDL, SDL_ttf, SDL_image started here). NULL with a logged reason. */
Window *window_create(const WindowSettings *ws);
void window_destroy(Window *w);
/* The logical size the screens are laid out at (rotated displays swap width and height). */
void window_size(const Window *w, float *lw, float *lh);
TextMeasure window_measure(Window *w);
void window_set_theme(Window *w, const Theme *theme);
/* Monotonic milliseconds. */
int64_t window_now(void);
/* Waits for the next event until `deadline_ms` (window_now() time; INT64_MAX: no limit). */
void window_next_event(Window *w, int64_t deadline_ms, WindowEvent *ev);
/* Thread-safe: makes window_next_event return WINDOW_WAKE soon. */
void window_wake(Window *w);
/* Draws the list (NULL: a black screen) into the back buffer; window_show shows it. */
void window_draw(Window *w, const DisplayList *list);
void window_show(Window *w);
/* What window_show presented of the last frame: -1 all of it, -2 all of it, drawn over the
 * frame drawn ahead (window_stage), else how many damaged rectangles (0: nothing had
 * changed). For the frame log. */
int window_presented(const Window *w);
/* Readies a list that will be drawn soon (draw.h drawer_prepare), for about budget_ms; true
 * when it is all ready. */
bool window_prepare(Window *w, const DisplayList *list, int budget_ms);
/* Draws a list made ready by window_prepare without showing it: the frame expected next, so
 * that it then only draws what differs (software renderer, upright displays; else nothing). */
void window_stage(Window *w, const DisplayList *list);
/* True when an event waits (then the loop should take it rather than work ahead). */
bool window_has_event(Window *w);
/* Where the clip on screen is (ms), or -1 when none plays: for its captions. */
int64_t window_video_ms(Window *w);
/* Switches the display off (on = false) or on by its own power saving (platform/
 * display_power.h: DPMS on X11 and KMS/DRM). Draw it black and show that before switching it
 * off, and draw nothing while it is off. False with a reason in why (n bytes) when this
 * display cannot be switched (Wayland, no DPMS): it then simply stays as drawn. */
bool window_display_power(Window *w, bool on, char *why, size_t n);
/* Saves what was drawn as PNG (the first frame, for tests), before window_show. */
bool window_save_png(Window *w, const char *path);
/* False while the last frame drawn misses pictures or texts still being made (draw.h
 * drawer_pending): a frame follows when they are there. */
bool window_complete(const Window *w);
/* Work for the time after a frame is shown (draw.h drawer_idle); a few ms at most. */
void window_idle(Window *w);
/* The first frame kept by the last start (ops/keptframe.h), presented as soon as the window
 * is open while this start draws its own: true when one for `key` was there and shown. Only
 * where frames are drawn straight into the window surface (software renderer, upright). */
bool window_show_kept(Window *w, const char *path, uint64_t key);
/* After the first frame was shown: keeps it for the next start, unless it equals the frame
 * window_show_kept showed (then the file already holds it). */
void window_keep_first(Window *w, const char *path, uint64_t key);
/* A hash of the pixels read back from the renderer (with the software renderer also right
 * after window_show: they stay in the window surface); false when they cannot be read. For
 * the frame log (KIOSK_FRAME_LOG), never on the normal path. */
bool window_pixel_hash(Window *w, unsigned long long *hash);

#endif
