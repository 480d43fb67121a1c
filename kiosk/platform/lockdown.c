/* lockdown.c: the shortcuts a fullscreen kiosk ignores (and logs), in one testable place. */
#include "platform/lockdown.h"

#include <SDL_keyboard.h>

bool lockdown_is_exit_shortcut(int sym, unsigned mod)
{
    bool ctrl = mod & KMOD_CTRL, alt = mod & KMOD_ALT, gui = mod & KMOD_GUI;
    return sym == SDLK_ESCAPE || (alt && sym == SDLK_F4) || (ctrl && sym == SDLK_q) ||
           (ctrl && sym == SDLK_w) || (gui && sym == SDLK_q) ||
           (ctrl && alt && sym == SDLK_BACKSPACE);
}
