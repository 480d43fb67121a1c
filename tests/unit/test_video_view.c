/* test_video_view.c: an item's clip in the bundle, the display list and the session, without
 * a media library: the loader only looks at a clip's path and size, so an empty file named
 * .mp4 stands in for one (what --check and the window do with real clips: tests/video).
 *
 * Checked: the `video` keys as read; the page puts DL_VIDEO over the poster with a sound
 * button; frames are asked for only while the window reports the clip playing; captions in
 * the visitor's language, else the default one's; a related item's page keeps the clip
 * (alpha 0, same screen stamp), Home and the idle reset drop it; the sound button toggles. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "ui/session.h"
#include "check.h"
#include "temp_bundle.h"
#include "fake_measure.h"

static Bundle *make_bundle(void)
{
    if (!temp_bundle_start("/tmp/kiosk-video-XXXXXX")) return NULL;
    temp_bundle_write("a.mp4", "");
    temp_bundle_write("a.nl.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nEerste zin\n\n"
               "00:02.000 --> 00:04.000\nTweede zin\n");
    temp_bundle_write("poster.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\">"
               "<rect width=\"4\" height=\"3\" fill=\"#123456\"/></svg>");
    temp_bundle_write("bundle.yaml",
               "format: 1\nmeta: {id: v, title: V, version: \"1\", languages: [nl, en], "
               "default_language: nl}\nkiosk: {attract_items: [clip]}\n"
               "home: {tiles: [{target: c}]}\ncollections:\n"
               "  - id: c\n    title: C\n    items:\n"
               "      - id: clip\n        title: Clip\n        related: [other]\n"
               "        video: {file: a.mp4, poster: poster.svg, captions: {nl: a.nl.vtt}, "
               "loop: true}\n"
               "      - id: other\n        title: Ander\n");
    return bundle_load_reporting(temp_bundle_dir, stderr);
}

static const DlCmd *find_video(const Session *s, bool shown)
{
    for (size_t i = 0; i < s->list->n_cmds; i++) {
        const DlCmd *c = &s->list->cmds[i];
        if (c->kind == DL_VIDEO && (c->alpha > 0) == shown) return c;
    }
    return NULL;
}

static bool shows_text(const Session *s, const char *text)
{
    for (size_t i = 0; i < s->list->n_cmds; i++) {
        const DlCmd *c = &s->list->cmds[i];
        if (c->kind == DL_TEXT && c->len == strlen(text) && memcmp(c->text, text, c->len) == 0)
            return true;
    }
    return false;
}

static void test_keys_as_read(Bundle *b)
{
    const Item *it = bundle_find_item(b, "clip");
    CHECK(it && it->video);
    if (!it || !it->video) return;
    CHECK_STR(it->video->rel, "a.mp4");
    CHECK(it->video->loop);
    CHECK(it->video->muted); /* the default */
    CHECK(it->video->poster != NULL);
    CHECK_INT(it->video->captions[0].n, 2);
    CHECK_INT(it->video->captions[1].n, 0);
    CHECK_INT(it->video->line, 12); /* where `file:` is, for --check */
}

static void test_page_and_frames(Bundle *b)
{
    Session s;
    CHECK(session_init(&s, b, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    CHECK(session_open(&s, "clip", 0));
    session_tick(&s, 1000);
    session_frame(&s);
    const DlCmd *v = find_video(&s, true);
    CHECK(v != NULL);
    CHECK(v && v->muted);
    CHECK(v && v->stamp == s.ui.stack[s.ui.depth - 1].opened_ms);
    CHECK(session_find_target(&s, "sound") != NULL);
    CHECK_INT(s.info.frame_ms, 0); /* not playing (no window): no frames, as in a PNG */
    CHECK(!shows_text(&s, "Eerste zin"));
    /* the window reports the clip playing: frames at once, then every 33 ms, captions */
    CHECK_INT(session_video_time(&s, 2500), s.now_ms);
    session_tick(&s, 1010);
    session_frame(&s);
    CHECK_INT(s.info.frame_ms, 33);
    CHECK(shows_text(&s, "Tweede zin"));
    CHECK_INT(session_video_time(&s, 2600), 1010 + 33);
    /* English has no captions of its own: the default language's show */
    session_apply(&s, (Action){.kind = ACT_LANGUAGE}, 1020);
    session_tick(&s, 1020);
    session_frame(&s);
    CHECK(shows_text(&s, "Tweede zin"));
    /* the sound button: on for this visit */
    session_apply(&s, (Action){.kind = ACT_VIDEO_SOUND}, 1030);
    session_tick(&s, 1030);
    session_frame(&s);
    v = find_video(&s, true);
    CHECK(v && !v->muted);
    /* ended: no more frames */
    session_video_time(&s, -1);
    session_tick(&s, 1040);
    session_frame(&s);
    CHECK_INT(s.info.frame_ms, 0);
    session_free(&s);
}

static void test_kept_below_and_dropped(Bundle *b)
{
    Session s;
    CHECK(session_init(&s, b, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    CHECK(session_open(&s, "clip", 0));
    session_tick(&s, 1000);
    session_frame(&s);
    int64_t stamp = find_video(&s, true) ? find_video(&s, true)->stamp : -1;
    session_apply(&s, (Action){.kind = ACT_ITEM, .item = bundle_find_item(b, "other")}, 2000);
    session_tick(&s, 3000);
    session_frame(&s);
    CHECK(find_video(&s, true) == NULL);
    const DlCmd *kept = find_video(&s, false);
    CHECK(kept && kept->stamp == stamp);
    session_apply(&s, (Action){.kind = ACT_BACK}, 4000);
    session_tick(&s, 5000);
    session_frame(&s);
    CHECK(find_video(&s, true) && find_video(&s, true)->stamp == stamp); /* resumes */
    session_apply(&s, (Action){.kind = ACT_HOME}, 6000);
    session_tick(&s, 7000);
    session_frame(&s);
    CHECK(find_video(&s, true) == NULL && find_video(&s, false) == NULL); /* stopped */
    session_free(&s);
}

static void test_attract_slide_plays_muted(Bundle *b)
{
    Session s;
    CHECK(session_init(&s, b, (TextMeasure){.width = fake_width}, 1920, 1080, 0));
    CHECK(session_open(&s, "attract", 0));
    session_tick(&s, 500);
    session_frame(&s);
    const DlCmd *v = find_video(&s, true);
    CHECK(v != NULL);
    CHECK(v && v->muted);
    CHECK(session_find_target(&s, "sound") == NULL);
    session_free(&s);
}

int main(void)
{
    Bundle *b = make_bundle();
    CHECK(b != NULL);
    if (b) {
        test_keys_as_read(b);
        fprintf(stderr, "ok   loaded\n");
        test_page_and_frames(b);
        fprintf(stderr, "ok   page and frames\n");
        test_kept_below_and_dropped(b);
        test_attract_slide_plays_muted(b);
        bundle_free(b);
    }
    temp_bundle_remove();
    return check_summary();
}
