/* supervisor.h: the running kiosk's policy, without SDL.
 *
 * The supervisor owns what a kiosk left alone for months needs: the bundle on screen and the
 * one waiting to replace it, the reloader (hot swap) and the USB watch, opening hours,
 * statistics, the admin screen's requests (reload, preview, exit), the watchdog's timing and
 * what signals mean. It is fed the backend's events and the time, and answers with Requests
 * (what to draw, whether the screen is dark, when to call again, whether to ping the watchdog
 * or quit). It never draws and never reads a clock: `now` (monotonic ms) and `wall` (Unix
 * seconds) are parameters, so the soak and monkey tests drive this same code on a simulated
 * clock. The Session changes only through its own functions. */
#ifndef KIOSK_SUPERVISOR_H
#define KIOSK_SUPERVISOR_H

#include <stdbool.h>
#include <stdint.h>

#include "app/reload.h"
#include "ops/config.h"
#include "ui/session.h"

typedef struct Supervisor Supervisor;

typedef struct SupervisorSetup {
    const KioskConfig *cfg;     /* borrowed; must outlive the supervisor */
    const char *bundle_path;    /* the bundle configured for this kiosk (followed for changes) */
    const char *base_path;      /* the bundle of days that no dated bundle (settings:
                                   bundles_by_date) covers; NULL: dated bundles do not apply
                                   (the command line named the bundle) */
    Bundle *bundle;             /* the first bundle to show; owned by the supervisor from now */
    unsigned long long fingerprint; /* watch_fingerprint of bundle_path before `bundle` was
                                       read (0: unknown); see reloader_start */
    const char *startup_report; /* non-empty: `bundle` is the notice shown because the real
                                   one has these errors; it is retried at every change */
    TextMeasure measure;
    float w, h;                 /* logical screen size */
    bool windowed;              /* a window on a desktop: closing it or Escape leaves */
    bool watch;                 /* follow the bundle folder and USB sticks (false in tests) */
    const char *usb_dir;        /* where sticks are mounted; NULL: no USB bundles */
    int64_t watchdog_ms;        /* ping the watchdog this often; 0: none */
    const char *preview_program; /* run for the admin preview as PROGRAM --render-all DIR
                                    --size WxH BUNDLE; NULL: no preview */
    const char *preview_dir;    /* where the preview goes */
    bool (*verify)(const char *pin, const char *hash); /* NULL: pin_verify (tests: a fake) */
    void (*wake)(void *ctx);    /* thread-safe: makes the loop call supervisor_step soon */
    void *wake_ctx;
    const char *lang, *open;    /* the first language and screen (--lang, --open); NULL: the
                                   bundle's default language, home */
} SupervisorSetup;

typedef struct Requests {
    bool redraw;              /* draw supervisor_frame() now (or black when dark) */
    bool dark;                /* the screen is closed: draw it black */
    bool display_off;         /* dark, and the display is to be switched off by `power` (once
                                 it shows black); false: on. A touch while off wakes the
                                 kiosk and presses nothing. */
    DisplayPower power;       /* how to switch it off: the setting display_power */
    const Theme *theme;       /* non-NULL: the bundle changed, give the drawer this theme */
    bool ready;               /* the first frame is drawn: tell the service manager */
    bool ping_watchdog;       /* tell the service manager we are alive */
    bool quit;
    int exit_code;
    int64_t wake_ms;          /* call supervisor_step again at this time (INT64_MAX: only on events) */
} Requests;

/* NULL when out of memory (the setup's bundle is freed then). */
Supervisor *supervisor_create(const SupervisorSetup *setup, int64_t now_ms, int64_t wall_s);
/* Ends the visit in progress and stops the watchers and the preview: after it no thread calls
 * wake(). The bundles stay until supervisor_destroy, so a drawer still decoding their
 * pictures can be stopped first. */
void supervisor_shutdown(Supervisor *k, int64_t now_ms, int64_t wall_s);
/* Shuts down (if not done yet) and frees everything, both bundles included. */
void supervisor_destroy(Supervisor *k, int64_t now_ms, int64_t wall_s);

/* Input, already in logical coordinates. */
void supervisor_pointer(Supervisor *k, PointerPhase phase, float x, float y, int64_t now_ms);
/* The same for finger 0 or 1 of a touchscreen (session_touch). */
void supervisor_touch(Supervisor *k, int finger, PointerPhase phase, float x, float y,
                      int64_t now_ms);
void supervisor_key(Supervisor *k, KeyKind key, int64_t now_ms);
/* Mouse wheel: notches, positive away from the user. */
void supervisor_wheel(Supervisor *k, float notches, int64_t now_ms);
/* Ctrl and the wheel at (x, y): zooms a picture or plan there (session_zoom). */
void supervisor_zoom(Supervisor *k, float notches, float x, float y, int64_t now_ms);
void supervisor_resize(Supervisor *k, float w, float h);
void supervisor_redraw(Supervisor *k);
/* Where the clip on screen is (ms; -1: none plays), as the window backend reports it after
 * drawing a frame. Returns when the session wants its next frame, reckoned from the frame
 * just drawn (supervisor_step reckoned before it was built). */
int64_t supervisor_video_time(Supervisor *k, int64_t ms);
/* A request to close the window, or an exit shortcut (escape: plain Escape). Ignored (and
 * logged) by a locked kiosk: fullscreen with an admin PIN. In a window, or without a PIN, a
 * close request and Escape leave. */
void supervisor_close(Supervisor *k, bool escape, const char *what);
/* SIGTERM, SIGINT, SIGUSR2: quit cleanly; SIGHUP: reload the bundle; SIGUSR1: log status. */
void supervisor_signal(Supervisor *k, int sig, int64_t now_ms);
/* A finished load, as the reloader hands it over (tests may call it directly): a valid
 * bundle (owned from now) replaces the one on screen at the next quiet moment. */
void supervisor_offer(Supervisor *k, ReloadOutcome outcome, Bundle *b, const char *report);

/* Advances everything to now and says what to do. Call after events and at wake_ms. */
Requests supervisor_step(Supervisor *k, int64_t now_ms, int64_t wall_s);

const Session *supervisor_session(const Supervisor *k);
/* The display list for now (rebuilt if something changed), e.g. to find what to tap. */
const DisplayList *supervisor_frame(Supervisor *k);
/* The screen a finger resting on the glass is about to open (session_ahead), or NULL; and
 * that it is ready. */
const DisplayList *supervisor_ahead(Supervisor *k);
void supervisor_ahead_done(Supervisor *k);
/* Every SESSION_WANT_* the admin screen has ever asked for (for tests). */
unsigned supervisor_requested(const Supervisor *k);
const Bundle *supervisor_bundle(const Supervisor *k);
/* The bundle folder followed now: this kiosk's own (for today's date), or a USB stick's. */
const char *supervisor_source(const Supervisor *k);
/* True while an admin preview runs. */
bool supervisor_previewing(const Supervisor *k);

#endif
