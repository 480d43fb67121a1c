/* display_power.h: switching the display a window is on off and on again (not drawing it
 * black: the panel's backlight goes out, a monitor goes to standby).
 *
 * Which way depends on SDL's video driver: on X11 the X server's DPMS extension
 * (DPMSForceLevel), on KMS/DRM the DPMS property of the connectors SDL lights. Other drivers
 * (Wayland: the compositor decides; SDL's dummy and offscreen drivers) have none, and the
 * caller keeps the screen drawn black. HDMI-CEC is not here: it talks to the TV, not to the
 * display driver (app/cec.c). */
#ifndef KIOSK_DISPLAY_POWER_H
#define KIOSK_DISPLAY_POWER_H

#include <stdbool.h>
#include <stddef.h>

struct SDL_Window;

/* Switches the display of `win` off (on = false) or on. True when done; false with a
 * plain-language reason in why (n bytes), e.g. "the X server has no DPMS extension" or "SDL's
 * wayland video driver has no display power control". Never an X error that ends the
 * program. */
bool display_power_set(struct SDL_Window *win, bool on, char *why, size_t n);

#endif
