/* lockdown.h: which keys a fullscreen kiosk refuses to act on. */
#ifndef KIOSK_LOCKDOWN_H
#define KIOSK_LOCKDOWN_H

#include <stdbool.h>

/* True for the shortcuts that close or leave programs elsewhere (Escape, Alt+F4, Ctrl+Q,
 * Ctrl+W, Super+Q, Ctrl+Alt+Backspace): `sym` is an SDL_Keycode, `mod` SDL_Keymod bits. */
bool lockdown_is_exit_shortcut(int sym, unsigned mod);

#endif
