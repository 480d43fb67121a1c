/* video_panel.c: an item's clip in the picture's place: poster, the playing clip, its
 * captions and the sound button.
 *
 * The view only says where the clip goes (DL_VIDEO over its poster); the window backend owns
 * the player and draws the frames there, and a PNG shows the poster, so screenshots and
 * goldens stay the same from run to run. While the window reports that the clip plays, the
 * view asks for a frame every VIDEO_FRAME_MS (the captions follow the clock it reports); a
 * clip that has ended or failed, or none on screen, asks for nothing, so a kiosk at rest
 * stays at rest. Captions are in the visitor's
 * language, else in the bundle's default language, drawn by the view as text on a dark band
 * at the foot of the clip; the sound button sits at the top right, clear of them. An attract
 * slide of an item with a clip plays it too, muted, over its drifting poster. */
#include <string.h>

#include "ui/widgets.h"

enum { VIDEO_FRAME_MS = 33, SOUND_BUTTON = 120 /* units: larger than SZ_TARGET */ };

static const VttTrack *captions(const Ctx *c, const Video *v)
{
    if (v->captions[c->lang].n) return &v->captions[c->lang];
    return &v->captions[c->b->default_language];
}

static void caption_band(Ctx *c, Rect r, const Video *v)
{
    const char *text = vtt_text_at(captions(c, v), c->s->video_ms);
    if (!text || !*text) return;
    char *line = (char *)dlist_strdup(c->d, text);
    for (char *p = line; *p; p++)
        if (*p == '\n') *p = ' '; /* the band wraps the cue to its own width */
    float pad = U(c, 16), w = r.w - 2 * pad;
    TextStyle st = {FONT_BOLD, PX(c, PX_SMALL), 0xFFFFFF, 3, true, NULL};
    float h = w_text_height(c, w, line, st) + 2 * pad;
    DlCmd *band = dlist_push(c->d, DL_RECT, (Rect){r.x, r.y + r.h - h, r.w, h});
    band->color = 0x000000;
    band->alpha = 190;
    w_text(c, (Rect){r.x + pad, r.y + r.h - h + pad, w, 0}, line, st);
}

static void sound_button(Ctx *c, Rect r, bool muted)
{
    float side = U(c, SOUND_BUTTON), m = U(c, 16);
    Rect b = {r.x + r.w - side - m, r.y + m, side, side};
    w_surface(c, b, c->t->accent, side / 2);
    float icon = side * 0.5f;
    DlCmd *ic = dlist_push(c->d, DL_ICON, (Rect){b.x + (side - icon) / 2, b.y + (side - icon) / 2,
                                                 icon, icon});
    ic->icon = muted ? "sound-off" : "sound-on";
    ic->color = c->t->on_accent;
    dlist_hit(c->d, b, (Action){.kind = ACT_VIDEO_SOUND}, side / 2);
}

void w_video(Ctx *c, Rect r, const Item *it, int64_t opened_ms)
{
    const Video *v = it->video;
    dlist_rect(c->d, r, 0x000000, U(c, SZ_RADIUS));
    const Image *poster = v->poster ? v->poster : it->image;
    if (poster) dlist_push(c->d, DL_IMAGE, r)->image = poster;
    bool muted = v->muted != c->s->sound_toggled;
    DlCmd *cmd = dlist_push(c->d, DL_VIDEO, r);
    cmd->video = v;
    cmd->stamp = opened_ms;
    cmd->muted = muted;
    cmd->alpha = 255;
    caption_band(c, r, v);
    sound_button(c, r, muted);
    /* Frames while the window says the clip plays (video_ms >= 0): not before the first
     * report, after its end, when it fails, or ever off screen (PNGs, replays). */
    if (c->s->video_ms >= 0) view_animate(c->info, VIDEO_FRAME_MS);
}

void w_attract_video(Ctx *c, Rect r, const Item *it, int64_t stamp)
{
    /* no captions and no sound button: nobody is watching closely yet, and the first touch
     * only wakes the kiosk; always muted */
    DlCmd *cmd = dlist_push(c->d, DL_VIDEO, r);
    cmd->video = it->video;
    cmd->stamp = stamp;
    cmd->muted = true;
    cmd->alpha = 255;
    if (c->s->video_ms >= 0) view_animate(c->info, VIDEO_FRAME_MS);
}

void w_kept_videos(DisplayList *d, const UiState *s)
{
    for (size_t i = 0; i + 1 < s->depth; i++) {
        const Screen *sc = &s->stack[i];
        if (sc->kind != SCREEN_ITEM || !sc->item->video) continue;
        DlCmd *cmd = dlist_push(d, DL_VIDEO, (Rect){0, 0, 0, 0});
        cmd->video = sc->item->video;
        cmd->stamp = sc->opened_ms;
        cmd->alpha = 0;
    }
}
