/* test_webvtt.c: the WebVTT captions parser: what a visitor reads, and where a broken file
 * is broken. */
#include <stdint.h>

#include "bundle/webvtt.h"
#include "check.h"

static bool parse(const char *text, VttTrack *t, VttError *e, Arena *a)
{
    return vtt_parse(text, strlen(text), a, t, e);
}

static void test_cues_and_times(void)
{
    Arena *a = arena_create();
    VttTrack t;
    VttError e = {0};
    CHECK(parse("WEBVTT\n\n00:01.000 --> 00:04.500\nHallo\n\n"
                "intro\n01:02:03.004 --> 01:02:05.000 align:start line:0\nTwee\nregels\n",
                &t, &e, a));
    CHECK_INT(t.n, 2);
    CHECK_INT(t.cues[0].start_ms, 1000);
    CHECK_INT(t.cues[0].end_ms, 4500);
    CHECK_STR(t.cues[0].text, "Hallo");
    CHECK_INT(t.cues[1].start_ms, ((1 * 60 + 2) * 60 + 3) * 1000 + 4);
    CHECK_STR(t.cues[1].text, "Twee\nregels");
    CHECK(vtt_text_at(&t, 999) == NULL);
    CHECK_STR(vtt_text_at(&t, 1000), "Hallo");
    CHECK(vtt_text_at(&t, 4500) == NULL);
    arena_destroy(a);
}

static void test_tags_entities_notes_crlf(void)
{
    Arena *a = arena_create();
    VttTrack t;
    VttError e = {0};
    CHECK(parse("\xEF\xBB\xBFWEBVTT - met kop\r\nKind: captions\r\n\r\nNOTE wie dit leest\r\n"
                "nog een regel\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n"
                "00:00.000 --> 00:02.000\r\n<v Anna><b>Lassen</b> &amp; <i>snijden</i> "
                "&lt;3<00:01.000></v>\r\n",
                &t, &e, a));
    CHECK_INT(t.n, 1);
    CHECK_STR(t.cues[0].text, "Lassen & snijden <3");
    arena_destroy(a);
}

static void test_errors_have_a_place(void)
{
    Arena *a = arena_create();
    VttTrack t;
    VttError e = {0};
    CHECK(!parse("1\n00:00:01.000 --> 00:00:02.000\nx\n", &t, &e, a));
    CHECK_INT(e.line, 1);
    CHECK(!parse("WEBVTT\n\n00:01.000 -> 00:02.000\nx\n", &t, &e, a));
    CHECK_INT(e.line, 3);
    CHECK_INT(e.col, 11);
    CHECK(!parse("WEBVTT\n\n00:01.000 --> 00:02,000\nx\n", &t, &e, a));
    CHECK_INT(e.line, 3);
    CHECK_INT(e.col, 15);
    CHECK(!parse("WEBVTT\n\n00:61.000 --> 01:02.000\nx\n", &t, &e, a));
    CHECK_INT(e.col, 1);
    CHECK(!parse("WEBVTT\n\n00:05.000 --> 00:02.000\nx\n", &t, &e, a));
    CHECK(strstr(e.what, "ends before") != NULL);
    CHECK(!parse("WEBVTT\n\nid\nnot a timing line\n", &t, &e, a));
    CHECK_INT(e.line, 4);
    /* a second cue with a broken arrow is that cue's error, not "too many cues" */
    CHECK(!parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:03.000 -> 00:04.000\nb\n", &t, &e, a));
    CHECK_INT(e.line, 6);
    CHECK_INT(e.col, 11);
    arena_destroy(a);
}

static void test_hostile_input_stays_bounded(void)
{
    Arena *a = arena_create();
    VttTrack t;
    VttError e = {0};
    /* a cue of 5000 characters keeps its first VTT_MAX_CUE_BYTES - 1 */
    static char big[8000];
    strcpy(big, "WEBVTT\n\n00:00.000 --> 00:01.000\n");
    size_t n = strlen(big);
    memset(big + n, 'x', 5000);
    big[n + 5000] = '\0';
    CHECK(parse(big, &t, &e, a));
    CHECK_INT(strlen(t.cues[0].text), VTT_MAX_CUE_BYTES - 1);
    /* an unclosed tag ends the line; an empty file has no header */
    CHECK(parse("WEBVTT\n\n00:00.000 --> 00:01.000\nab<c.x\n", &t, &e, a));
    CHECK_STR(t.cues[0].text, "ab");
    CHECK(!parse("", &t, &e, a));
    CHECK(parse("WEBVTT", &t, &e, a));
    CHECK_INT(t.n, 0);
    arena_destroy(a);
}

int main(void)
{
    RUN(test_cues_and_times);
    RUN(test_tags_entities_notes_crlf);
    RUN(test_errors_have_a_place);
    RUN(test_hostile_input_stays_bounded);
    return check_summary();
}
