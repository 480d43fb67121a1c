/* video.c: an item's `video`: the clip, its poster, captions per language, loop and muted.
 *
 * The loader is pure and never opens a clip with the media library (that costs a library
 * load and tens of milliseconds a file, and the reload thread must stay quick): it checks what
 * a path and a size can tell (inside the bundle, a regular file, .mp4/.m4v/.webm, at most
 * VIDEO_MAX_MB) and remembers where `file:` was written, so `--check` can probe the stream
 * itself and point at that spot (app/check.c). Captions are read and parsed here (they are
 * small text), so a broken line in a .vtt is reported at its own line and column. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bundle/loader.h"
#include "bundle/paths.h"
#include "core/fileio.h"

static bool video_extension(const char *rel)
{
    const char *dot = strrchr(rel, '.');
    static const char *const ok[] = {".mp4", ".m4v", ".webm", ".mkv"};
    for (size_t i = 0; dot && i < sizeof ok / sizeof ok[0]; i++)
        if (strcasecmp(dot, ok[i]) == 0) return true;
    return false;
}

/* The clip's path and size; false (reported) when it cannot be one. */
static bool read_file(Loader *l, const YFile *f, const YNode *n, Video *v)
{
    char real[PATH_MAX];
    if (!read_path(l, f, n, "the video", &v->rel, real, sizeof real)) return false;
    if (!video_extension(v->rel)) {
        load_error(l, f, n, "the video '%s' is not an .mp4, .m4v, .webm or .mkv file", v->rel);
        return false;
    }
    struct stat sb;
    if (stat(real, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        load_error(l, f, n, "the video '%s' cannot be read", v->rel);
        return false;
    }
    if (sb.st_size > (off_t)VIDEO_MAX_MB * 1024 * 1024) {
        load_error(l, f, n, "the video '%s' is %lld MB; the limit is %d MB, so shorten or "
                   "compress it", v->rel, (long long)(sb.st_size / (1024 * 1024)), VIDEO_MAX_MB);
        return false;
    }
    v->bytes = (long long)sb.st_size;
    v->path = arena_strdup(l->arena, real);
    v->file = arena_strdup(l->arena, f->name); /* the file's own copy goes with the scratch */
    v->line = n->line;
    v->col = n->col;
    return v->path && v->file;
}

/* Reads a .vtt whole (it is at most VTT_MAX_BYTES) into the scratch arena. */
static char *slurp(Loader *l, const char *real, size_t *len, const char **why)
{
    FILE *fp = NULL;
    struct stat sb;
    if (fileio_open(real, &fp, &sb) != FILEIO_OK) {
        *why = "cannot be read";
        return NULL;
    }
    char *buf = NULL;
    if (sb.st_size > VTT_MAX_BYTES) *why = "is larger than 1 MB";
    else if (!(buf = arena_alloc(l->scratch, (size_t)sb.st_size + 1))) *why = "is too large";
    else *len = fread(buf, 1, (size_t)sb.st_size, fp);
    fclose(fp);
    return buf;
}

static void read_track(Loader *l, const YFile *f, const YNode *n, VttTrack *out)
{
    const char *rel = NULL;
    char real[PATH_MAX];
    if (!read_path(l, f, n, "the captions", &rel, real, sizeof real)) return;
    size_t len = 0;
    const char *why = NULL;
    char *text = slurp(l, real, &len, &why);
    if (!text) {
        load_error(l, f, n, "the captions '%s' %s", rel, why);
        return;
    }
    VttError e = {0};
    if (!vtt_parse(text, len, l->arena, out, &e)) {
        const char *shown = arena_printf(l->arena, "%s/%s", l->b->dir, rel);
        diag_add(l->diags, DIAG_ERROR, shown ? shown : rel, e.line, e.col, "%s", e.what);
    }
}

/* captions: {nl: clips/a.nl.vtt, en: clips/a.en.vtt} */
static void read_captions(Loader *l, const YFile *f, const YNode *n, Video *v)
{
    if (!n) return;
    if (n->kind != YNODE_MAP) {
        load_error(l, f, n, "'captions' lists a WebVTT file per language, like "
                   "{nl: clips/lasser.nl.vtt, en: clips/lasser.en.vtt}");
        return;
    }
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const YNode *k = n->kids[i];
        int lang = k->kind == YNODE_SCALAR ? bundle_language_index(l->b, k->str) : -1;
        if (lang < 0) unknown_language(l, f, k);
        else read_track(l, f, n->kids[i + 1], &v->captions[lang]);
    }
}

void read_video(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    if (!n || !read_mapping(l, f, n, &SCHEMA_VIDEO)) return;
    Video *v = arena_calloc(l->arena, 1, sizeof *v);
    if (!v) return;
    v->muted = true;
    const YNode *file = ynode_get(n, "file");
    bool ok = file && read_file(l, f, file, v);
    ok = read_image(l, f, ynode_get(n, "poster"), &v->poster) && ok;
    ok = read_flag(l, f, ynode_get(n, "loop"), &v->loop) && ok;
    ok = read_flag(l, f, ynode_get(n, "muted"), &v->muted) && ok;
    read_captions(l, f, ynode_get(n, "captions"), v);
    if (!v->poster && !it->image)
        load_warning(l, f, n, "the video has no 'poster' and the item no 'image': the screen "
                     "shows an empty panel until the first frame, and wherever the clip "
                     "cannot play");
    if (ok) it->video = v;
}
