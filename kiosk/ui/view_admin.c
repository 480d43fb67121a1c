/* view_admin.c: the PIN pad and the admin screen.
 *
 * Only reached by the hidden corner gesture and the right PIN. Plain and functional: big keys
 * (a caretaker on a ladder uses it too), no bottom bar (nothing here for students), and the
 * typed PIN shown only as dots. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    KEY = 150,           /* a key of the PIN pad */
    KEY_GAP = 24,
    PAD_TOP = 56,
    PROMPT_PX = 48,
    PROMPT_OVERHANG = 200, /* the prompt may be this much wider than the pad on each side */
    PROMPT_LINE = 90,
    PIN_DOT = 28,
    PIN_DOT_GAP = 20,
    BELOW_DOTS = 24,
    MESSAGE_LINE = 60,
    ABOVE_CANCEL = 40,
    CANCEL_W = 400,
    CANCEL_H = 110,
    ADMIN_MARGIN = 64,
    BELOW_TITLE = 24,
    ADMIN_BUTTON_W = 520,
    ADMIN_BUTTON_H = 120,
    ADMIN_GAP = 24,
};


void view_pin(Ctx *c)
{
    const Theme *t = c->t;
    const UiState *s = c->s;
    float key = U(c, KEY), g = U(c, KEY_GAP);
    float pad_w = 3 * key + 2 * g;
    float x0 = (c->w - pad_w) / 2;
    float y = U(c, PAD_TOP);
    w_text(c, (Rect){x0 - U(c, PROMPT_OVERHANG), y, pad_w + 2 * U(c, PROMPT_OVERHANG), 0}, S(c, STR_PIN_PROMPT),
           (TextStyle){FONT_BOLD, PX(c, PROMPT_PX), t->text, 1, true, NULL});
    y += U(c, PROMPT_LINE);
    /* Dots for the digits typed so far. */
    float dot = U(c, PIN_DOT), dg = U(c, PIN_DOT_GAP);
    float dw = (float)s->pin_len * dot + (float)(s->pin_len ? s->pin_len - 1 : 0) * dg;
    for (size_t i = 0; i < s->pin_len; i++)
        dlist_rect(c->d, (Rect){(c->w - dw) / 2 + (float)i * (dot + dg), y, dot, dot}, t->text, dot / 2);
    y += dot + U(c, BELOW_DOTS);
    static const StringId messages[] = {0, STR_PIN_WRONG, STR_PIN_LOCKED, STR_PIN_NONE};
    if (s->pin_message != PIN_MSG_NONE)
        w_text(c, (Rect){x0 - U(c, PROMPT_OVERHANG), y, pad_w + 2 * U(c, PROMPT_OVERHANG), 0}, S(c, messages[s->pin_message]),
               (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->accent, 1, true, NULL});
    y += U(c, MESSAGE_LINE);
    /* 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK */
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xE2\x8C\xAB", "0", NULL};
    for (int i = 0; i < 12; i++) {
        Rect r = {x0 + (float)(i % 3) * (key + g), y + (float)(i / 3) * (key + g), key, key};
        if (i == 11) {
            w_button(c, r, S(c, STR_OK), NULL, BTN_ACCENT, (Action){.kind = ACT_PIN_OK});
        } else if (i == 9) {
            w_button(c, r, labels[i], NULL, BTN_SURFACE, (Action){.kind = ACT_PIN_ERASE});
        } else {
            int digit = i == 10 ? 0 : i + 1;
            w_button(c, r, labels[i], NULL, BTN_SURFACE, (Action){.kind = ACT_PIN_DIGIT, .arg = digit});
        }
    }
    y += 4 * key + 3 * g + U(c, ABOVE_CANCEL);
    w_button(c, (Rect){(c->w - U(c, CANCEL_W)) / 2, y, U(c, CANCEL_W), U(c, CANCEL_H)}, S(c, STR_CANCEL), "back",
             BTN_SURFACE, (Action){.kind = ACT_BACK});
}

void view_admin(Ctx *c)
{
    const Theme *t = c->t;
    float m = U(c, ADMIN_MARGIN), x = m, w = c->w - 2 * m, y = m;
    y += w_text(c, (Rect){x, y, w, 0}, S(c, STR_ADMIN),
                (TextStyle){FONT_BOLD, PX(c, PX_TITLE), t->text, 1, false, NULL}) + U(c, BELOW_TITLE);
    float bw = c->portrait ? w : U(c, ADMIN_BUTTON_W), bh = U(c, ADMIN_BUTTON_H), g = U(c, ADMIN_GAP);
    float text_w = c->portrait ? w : w - bw - U(c, ADMIN_MARGIN);
    float bx = c->portrait ? x : x + w - bw;
    float by = c->portrait ? c->h - m - 4 * bh - 3 * g : y;
    float text_h = (c->portrait ? by - g : c->h - m) - y;
    TextStyle st = {FONT_REGULAR, PX(c, PX_SMALL), t->text, (int)(text_h / (PX(c, PX_SMALL) * 1.3f)), false, NULL};
    if (st.max_lines < 1) st.max_lines = 1;
    w_text(c, (Rect){x, y, text_w, 0}, c->s->admin_status ? c->s->admin_status : "", st);
    w_button(c, (Rect){bx, by, bw, bh}, S(c, STR_CLOSE), "back", BTN_ACCENT, (Action){.kind = ACT_HOME});
    w_button(c, (Rect){bx, by + (bh + g), bw, bh}, S(c, STR_RELOAD), "again", BTN_SURFACE,
             (Action){.kind = ACT_ADMIN_RELOAD});
    w_button(c, (Rect){bx, by + 2 * (bh + g), bw, bh}, S(c, STR_PREVIEW), NULL, BTN_SURFACE,
             (Action){.kind = ACT_ADMIN_PREVIEW});
    w_button(c, (Rect){bx, by + 3 * (bh + g), bw, bh}, S(c, STR_EXIT), NULL, BTN_SURFACE,
             (Action){.kind = ACT_ADMIN_EXIT});
}
