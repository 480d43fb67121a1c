/* display_power.c: DPMS on X11 and on KMS/DRM, behind display_power.h.
 *
 * SDL_GetWindowWMInfo says which video driver runs and hands over what it holds: the X
 * Display, or the DRM device's file descriptor. Both libraries are optional at build time
 * (KIOSK_HAVE_XDPMS: libXext; KIOSK_HAVE_DRM: libdrm); a build without one answers "not
 * built in" for that driver, and the kiosk draws black instead.
 *
 * X11: DPMSForceLevel fails with BadMatch while DPMS is disabled (`xset -dpms`, which guides
 * for kiosks recommend), and SDL's X error handler ends the program on an X error. So DPMS is
 * enabled for the moment it is forced off, disabled again once it is forced back on if it
 * was disabled before, and every request runs under our own error handler with XSync.
 *
 * KMS/DRM: the legacy "DPMS" property of every connector that drives a CRTC now (the ones SDL
 * lit; the kernel turns the property into an atomic commit on atomic drivers). Setting it
 * needs DRM master, which SDL holds on its own descriptor: hence SDL's descriptor, never one
 * of our own. While the display is off the caller must not present frames (a page flip on a
 * CRTC that is off fails). */
#include "platform/display_power.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <errno.h>
#include <string.h>

#include "core/util.h"

#if defined(KIOSK_HAVE_XDPMS) && defined(SDL_VIDEO_DRIVER_X11)
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

static int x_error_code; /* set by on_x_error; the loop's thread is the only X user */

static int on_x_error(Display *d, XErrorEvent *e)
{
    (void)d;
    x_error_code = e->error_code;
    return 0;
}

static bool x11_dpms(Display *dpy, bool on, char *why, size_t n)
{
    static bool was_disabled; /* DPMS was off before we forced the display off */
    int ev, er;
    if (!DPMSQueryExtension(dpy, &ev, &er)) {
        err_set(why, n, "the X server has no DPMS extension");
        return false;
    }
    if (!DPMSCapable(dpy)) {
        err_set(why, n, "the X server's screen cannot do DPMS");
        return false;
    }
    CARD16 level;
    BOOL enabled;
    DPMSInfo(dpy, &level, &enabled);
    /* Disabled meanwhile (xset -dpms): the X server has switched the display on with it. */
    if (on && !enabled) return true;
    int (*old)(Display *, XErrorEvent *) = XSetErrorHandler(on_x_error);
    x_error_code = 0;
    if (!on) {
        was_disabled = !enabled;
        if (!enabled) DPMSEnable(dpy);
    }
    DPMSForceLevel(dpy, on ? DPMSModeOn : DPMSModeOff);
    if (on && was_disabled) DPMSDisable(dpy);
    XSync(dpy, False);
    XSetErrorHandler(old);
    if (x_error_code) {
        char text[128];
        XGetErrorText(dpy, x_error_code, text, sizeof text);
        err_set(why, n, "the X server refused DPMS: %s", text);
        return false;
    }
    return true;
}
#endif

#if defined(KIOSK_HAVE_DRM) && defined(SDL_VIDEO_DRIVER_KMSDRM)
#include <xf86drm.h>
#include <xf86drmMode.h>

/* The id of the connector's "DPMS" property, or 0. */
static uint32_t dpms_property(int fd, uint32_t connector)
{
    drmModeObjectProperties *props = drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
    uint32_t id = 0;
    for (uint32_t i = 0; props && !id && i < props->count_props; i++) {
        drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);
        if (p && strcmp(p->name, "DPMS") == 0) id = p->prop_id;
        drmModeFreeProperty(p);
    }
    drmModeFreeObjectProperties(props);
    return id;
}

static bool drm_dpms(int fd, bool on, char *why, size_t n)
{
    drmModeRes *res = drmModeGetResources(fd);
    if (!res) {
        err_set(why, n, "cannot read the DRM device's connectors: %s", strerror(errno));
        return false;
    }
    int done = 0, failed = 0, err = 0;
    for (int i = 0; i < res->count_connectors; i++) {
        drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
        /* In use: connected and driven by an encoder (a CRTC). While DPMS is off the kernel
         * keeps the encoder, so the same connectors are found to switch back on. */
        bool used = c && c->connection == DRM_MODE_CONNECTED && c->encoder_id;
        uint32_t prop = used ? dpms_property(fd, c->connector_id) : 0;
        if (prop) {
            int rc = drmModeConnectorSetProperty(fd, c->connector_id, prop,
                                                 on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF);
            if (rc == 0) done++;
            else failed++, err = -rc;
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    if (failed) {
        err_set(why, n, "the DRM driver refused the DPMS property: %s%s", strerror(err),
                err == EACCES ? " (the kiosk is not DRM master: another program holds the display)" : "");
        return false;
    }
    if (!done) err_set(why, n, "no connector in use has a DPMS property");
    return done > 0;
}
#endif

static const char *driver_name(SDL_SYSWM_TYPE t)
{
    switch (t) {
    case SDL_SYSWM_X11: return "x11";
    case SDL_SYSWM_WAYLAND: return "wayland";
    case SDL_SYSWM_KMSDRM: return "kmsdrm";
    default: return SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "unknown";
    }
}

bool display_power_set(SDL_Window *win, bool on, char *why, size_t n)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info)) {
        err_set(why, n, "SDL cannot say which display it uses (%s)", SDL_GetError());
        return false;
    }
    if (info.subsystem == SDL_SYSWM_X11) {
#if defined(KIOSK_HAVE_XDPMS) && defined(SDL_VIDEO_DRIVER_X11)
        return x11_dpms(info.info.x11.display, on, why, n);
#else
        err_set(why, n, "this kiosk was built without libXext (X DPMS)");
        return false;
#endif
    }
    if (info.subsystem == SDL_SYSWM_KMSDRM) {
#if defined(KIOSK_HAVE_DRM) && defined(SDL_VIDEO_DRIVER_KMSDRM)
        return drm_dpms(info.info.kmsdrm.drm_fd, on, why, n);
#else
        err_set(why, n, "this kiosk was built without libdrm (KMS/DRM DPMS)");
        return false;
#endif
    }
    err_set(why, n, "SDL's %s video driver has no display power control", driver_name(info.subsystem));
    return false;
}
