/* test_bad_bundles.c: every broken bundle is refused with the exact file:line:col and message.
 *
 * Static cases live in tests/bad/NAME/ with the expected errors in expect.txt (one per line,
 * file names relative to the case folder; '#' lines are comments, and "# warnings too" makes
 * the warnings part of what is expected, in order, so a case may also be a bundle that loads
 * with exactly these warnings). Cases that cannot sit in git sensibly (50 MB file,
 * binary garbage, symlinks, 10,000 items...) are generated into a temporary folder here. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "check.h"

static const char *BASE =
    "format: 1\n"
    "meta:\n"
    "  id: t\n"
    "  title: Test\n"
    "  version: \"1\"\n"
    "  languages: [nl, en]\n"
    "  default_language: nl\n"
    "home:\n"
    "  tiles:\n"
    "    - target: things\n"
    "collections:\n"
    "  - id: things\n"
    "    title: Dingen\n"
    "    items:\n"
    "      - id: one\n"
    "        title: Een\n";

/* Loads dir and compares its errors (file names made relative to dir) with want[]; with
 * `warnings`, its warnings too (and then a bundle with warnings only must load). */
static void expect_diags(const char *dir, const char *const *want, size_t n_want, bool warnings)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    bool want_error = !warnings;
    for (size_t i = 0; i < n_want; i++)
        if (strstr(want[i], ": error: ")) want_error = true;
    CHECK(want_error ? b == NULL : b != NULL);
    bundle_free(b);
    size_t n_err = 0, prefix = strlen(dir) + 1;
    for (size_t i = 0; i < d.count; i++) {
        if (d.items[i].severity != DIAG_ERROR && !warnings) continue;
        char line[2048];
        diag_format(&d.items[i], line, sizeof line);
        const char *rel = strncmp(line, dir, prefix - 1) == 0 ? line + prefix : line;
        if (n_err < n_want) {
            if (strcmp(rel, want[n_err]) != 0) fprintf(stderr, "in %s:\n", dir);
            CHECK_STR(rel, want[n_err]);
        }
        n_err++;
    }
    if (n_err != n_want) {
        fprintf(stderr, "in %s:\n", dir);
        diags_print(&d, stderr);
    }
    CHECK_INT(n_err, n_want);
    diags_free(&d);
}

static void expect_errors(const char *dir, const char *const *want, size_t n_want)
{
    expect_diags(dir, want, n_want, false);
}

static void run_static_case(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/expect.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    /* One expected line each; '#' starts a comment, and the comment "# warnings too" makes
     * the warnings part of what is expected. */
    char *lines[16];
    size_t n = 0;
    bool warnings = false;
    char buf[2048];
    while (n < 16 && fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (strcmp(buf, "# warnings too") == 0) warnings = true;
        if (buf[0] && buf[0] != '#') lines[n++] = strdup(buf);
    }
    fclose(f);
    CHECK(n > 0);
    expect_diags(dir, (const char *const *)lines, n, warnings);
    for (size_t i = 0; i < n; i++) free(lines[i]);
}

static int count_static;

static void test_static_corpus(void)
{
    DIR *d = opendir("tests/bad");
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char dir[512];
        snprintf(dir, sizeof dir, "tests/bad/%s", e->d_name);
        run_static_case(dir);
        count_static++;
    }
    closedir(d);
    CHECK(count_static >= 25);
}

/* ---- generated cases ---------------------------------------------------------------------- */

static char tmp_root[256];
static int count_generated;

static const char *new_case(const char *name)
{
    static char dir[512];
    count_generated++;
    snprintf(dir, sizeof dir, "%s/%s", tmp_root, name);
    mkdir(dir, 0755);
    return dir;
}

static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(data, 1, len, f);
    fclose(f);
}

static void write_text(const char *dir, const char *name, const char *s)
{
    write_file(dir, name, s, strlen(s));
}

static void test_binary_garbage(void)
{
    const char *dir = new_case("binary-garbage");
    unsigned char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)((x = x * 1103515245 + 12345) >> 16);
    junk[0] = 0x00;
    write_file(dir, "bundle.yaml", junk, sizeof junk);
    const char *want[] = {"bundle.yaml:1:1: error: the file contains binary data or control "
                          "characters; is it really a YAML text file? (YAML says: control "
                          "characters are not allowed)"};
    expect_errors(dir, want, 1);
}

static void test_invalid_utf8(void)
{
    const char *dir = new_case("invalid-utf8");
    char text[1024];
    snprintf(text, sizeof text, "%.*sEen \xC3\x28 twee\n", (int)(strlen(BASE) - 4), BASE);
    write_text(dir, "bundle.yaml", text);
    const char *want[] = {"bundle.yaml:16:21: error: the file is not valid UTF-8 text; save it "
                          "as UTF-8 (YAML says: invalid trailing UTF-8 octet)"};
    expect_errors(dir, want, 1);
}

static void test_huge_file(void)
{
    const char *dir = new_case("huge-file");
    char path[1024];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK_INT(ftruncate(fileno(f), 50L * 1024 * 1024), 0);
    fclose(f);
    const char *want[] = {"bundle.yaml: error: the file is 50.0 MB; a YAML file may be at most 4 "
                          "MB (put pictures in separate image files)"};
    expect_errors(dir, want, 1);
}

static void test_deep_nesting(void)
{
    const char *dir = new_case("deep-nesting");
    size_t depth = 10000;
    char *text = malloc(depth * 2 + 64);
    size_t n = (size_t)sprintf(text, "format: 1\nmeta: ");
    for (size_t i = 0; i < depth; i++) text[n++] = '[';
    for (size_t i = 0; i < depth; i++) text[n++] = ']';
    text[n++] = '\n';
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:2:70: error: nested more than 64 levels deep; a bundle "
                          "never needs this much nesting"};
    expect_errors(dir, want, 1);
}

static void test_symlink_out(void)
{
    const char *dir = new_case("symlink-out");
    char text[2048], path[1024];
    snprintf(text, sizeof text, "%s        image: images/escape.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    snprintf(path, sizeof path, "%s/images", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/images/escape.png", dir);
    CHECK_INT(symlink("/etc/hostname", path), 0);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'images/escape.png' points "
                          "outside the bundle folder through a symbolic link; copy the file into "
                          "the bundle instead"};
    expect_errors(dir, want, 1);
}

static void test_symlinked_folder_out(void)
{
    /* The whole pics/ folder is a link to a folder outside the bundle, holding a real PNG. */
    const char *dir = new_case("symlink-folder-out");
    char text[2048], outside[600], link[600];
    snprintf(outside, sizeof outside, "%s/elsewhere", tmp_root);
    mkdir(outside, 0755);
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    write_file(outside, "secret.png", png, sizeof png);
    snprintf(link, sizeof link, "%s/pics", dir);
    CHECK_INT(symlink(outside, link), 0);
    snprintf(text, sizeof text, "%s        image: pics/secret.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'pics/secret.png' points "
                          "outside the bundle folder through a symbolic link; copy the file into "
                          "the bundle instead"};
    expect_errors(dir, want, 1);
}

static void test_too_many_items(void)
{
    const char *dir = new_case("too-many-items");
    size_t cap = 10001 * 48 + 1024, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n, "%s", BASE);
    for (int i = 0; i < 10000; i++)
        n += (size_t)sprintf(text + n, "      - id: x%d\n        title: X\n", i);
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:20015:9: error: the bundle has more than 10000 items; "
                          "split it into more bundles"};
    expect_errors(dir, want, 1);
}

static void test_huge_png(void)
{
    const char *dir = new_case("huge-png");
    char text[2048], path[1024];
    snprintf(text, sizeof text, "%s        image: bomb.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    /* Only the header matters: the checker must refuse before any decoder runs. */
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30,
                                        8, 6, 0, 0, 0, 0x66, 0x27, 0xF8, 0xBA};
    snprintf(path, sizeof path, "bomb.png");
    write_file(dir, path, png, sizeof png);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'bomb.png' is 30000 x 30000 "
                          "pixels; the limit is 8192 x 8192, so scale it down"};
    expect_errors(dir, want, 1);
}

static void test_megabyte_string(void)
{
    const char *dir = new_case("megabyte-string");
    size_t big = 1024 * 1024, n = 0;
    char *text = malloc(big + 4096);
    n += (size_t)sprintf(text + n, "%s        subtitle: ", BASE);
    memset(text + n, 'a', big);
    n += big;
    text[n++] = '\n';
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:17:19: error: this text is 1048576 bytes long; the limit "
                          "is 16384 (about 10 screens)"};
    expect_errors(dir, want, 1);
}

static void test_include_chain(void)
{
    /* bundle.yaml includes f1.yaml, which includes f2.yaml ... up to f70.yaml. */
    const char *dir = new_case("include-chain");
    char text[2048], name[32];
    snprintf(text, sizeof text, "%sinclude: [f1.yaml]\n", BASE);
    write_text(dir, "bundle.yaml", text);
    for (int i = 1; i <= 70; i++) {
        snprintf(name, sizeof name, "f%d.yaml", i);
        snprintf(text, sizeof text, "include: [f%d.yaml]\n", i + 1);
        write_text(dir, name, i == 70 ? "{}\n" : text);
    }
    const char *want[] = {"f63.yaml:1:11: error: too many included files; a bundle may have at "
                          "most 64"};
    expect_errors(dir, want, 1);
}

/* ---- hostile cases that used to pass --check or hang it ------------------------------------ */

/* CPU seconds of this process: on a shared machine wall time measures the neighbours. */
static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A hostile case answers within 1 s; AddressSanitizer makes everything about 3x slower, so the
 * sanitizer build allows 3 s (the 1 s figure is measured on a Release build, see docs/reliability.md). */
#if defined(__SANITIZE_ADDRESS__)
static const double BUDGET_S = 3.0;
#else
static const double BUDGET_S = 1.0;
#endif

/* expect_errors, and the answer comes within the budget. */
static void expect_errors_fast(const char *dir, const char *const *want, size_t n_want)
{
    double t0 = now_s();
    expect_errors(dir, want, n_want);
    double took = now_s() - t0;
    fprintf(stderr, "  %s: refused in %.3f s CPU\n", strrchr(dir, '/') + 1, took);
    CHECK(took < BUDGET_S);
}

static size_t jpeg_segment(unsigned char *out, unsigned marker, const unsigned char *payload,
                           size_t len)
{
    out[0] = 0xFF;
    out[1] = (unsigned char)marker;
    out[2] = (unsigned char)((len + 2) >> 8);
    out[3] = (unsigned char)((len + 2) & 0xFF);
    memcpy(out + 4, payload, len);
    return len + 4;
}

static size_t jpeg_sof(unsigned char *out, unsigned w, unsigned h)
{
    const unsigned char sof[] = {8, (unsigned char)(h >> 8), (unsigned char)h,
                                 (unsigned char)(w >> 8), (unsigned char)w, 1, 1, 0x11, 0};
    return jpeg_segment(out, 0xC0, sof, sizeof sof);
}

/* One 0xFF fill byte before the frame header (legal: libjpeg skips it) made a marker walk
 * read FF FF C0 00 as a marker with a 49,152-byte segment and land on a decoy 16 x 16 frame,
 * while libjpeg would decode the real 20,000 x 20,000 one. */
static void test_jpeg_fill_byte(void)
{
    const char *dir = new_case("jpeg-fill-byte");
    char text[2048];
    snprintf(text, sizeof text, "%s        image: photo.jpg\n", BASE);
    write_text(dir, "bundle.yaml", text);
    size_t cap = 70000, n = 0;
    unsigned char *j = calloc(1, cap);
    j[n++] = 0xFF;
    j[n++] = 0xD8;
    static const unsigned char jfif[] = {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    n += jpeg_segment(j + n, 0xE0, jfif, sizeof jfif);
    size_t walk = n + 4 + 0xC000 - 2; /* where the walk went on after reading FF FF C0 00 */
    j[n++] = 0xFF;                     /* the fill byte */
    n += jpeg_sof(j + n, 20000, 20000);
    /* The decoy sits inside a comment, which libjpeg skips. */
    size_t field = walk + 13 - (n + 2); /* the length field counts itself and the payload */
    j[n] = 0xFF;
    j[n + 1] = 0xFE;
    j[n + 2] = (unsigned char)(field >> 8);
    j[n + 3] = (unsigned char)(field & 0xFF);
    n += 2 + field;
    jpeg_sof(j + walk, 16, 16);
    j[n++] = 0xFF;
    j[n++] = 0xD9;
    write_file(dir, "photo.jpg", j, n);
    free(j);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'photo.jpg' is 20000 x 20000 "
                          "pixels; the limit is 8192 x 8192, so scale it down"};
    expect_errors_fast(dir, want, 1);
}

/* fopen() on a FIFO waits for a writer forever: --check never returned. */
static void test_fifo_bundle_file(void)
{
    const char *dir = new_case("fifo-bundle");
    char path[1024];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    CHECK(mkfifo(path, 0644) == 0);
    const char *want[] = {"bundle.yaml: error: is not a regular file (it is a FIFO, a named pipe)"};
    expect_errors_fast(dir, want, 1);
}

/* A bundle whose file `fifo` is a FIFO, referred to by `line` appended to BASE. */
static void expect_fifo_refused(const char *name, const char *line, const char *fifo,
                                const char *want)
{
    const char *dir = new_case(name);
    char text[2048], path[1024];
    snprintf(text, sizeof text, "%s%s", BASE, line);
    write_text(dir, "bundle.yaml", text);
    snprintf(path, sizeof path, "%s/%s", dir, fifo);
    CHECK(mkfifo(path, 0644) == 0);
    expect_errors_fast(dir, &want, 1);
}

static void test_fifo_included_file(void)
{
    expect_fifo_refused("fifo-include", "include: [more.yaml]\n", "more.yaml",
                        "bundle.yaml:17:11: error: the included file 'more.yaml' is a folder or "
                        "special file, not a file");
}

static void test_fifo_picture(void)
{
    expect_fifo_refused("fifo-picture", "        image: pipe.png\n", "pipe.png",
                        "bundle.yaml:17:16: error: the picture 'pipe.png' is a folder or special "
                        "file, not a file");
}

/* Loads dir quickly and checks the first error and how many there are in all. */
static void expect_first_error_fast(const char *dir, const char *want_first, size_t want_count)
{
    double t0 = now_s();
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    double took = now_s() - t0;
    fprintf(stderr, "  %s: refused in %.3f s CPU\n", strrchr(dir, '/') + 1, took);
    CHECK(b == NULL);
    bundle_free(b);
    size_t prefix = strlen(dir) + 1;
    CHECK(d.count > 0);
    if (d.count > 0) {
        char line[2048];
        diag_format(&d.items[0], line, sizeof line);
        CHECK_STR(strncmp(line, dir, prefix - 1) == 0 ? line + prefix : line, want_first);
    }
    CHECK_INT(d.errors, want_count);
    CHECK(took < BUDGET_S);
    diags_free(&d);
}

/* 300,000 anchors and 99,999 aliases (just under the alias budget) in 3 MB: each alias used
 * to scan the whole anchor list (3 min 44 s). */
static void test_many_anchors(void)
{
    const char *dir = new_case("many-anchors");
    enum { ANCHORS = 300000, ALIASES = 99999 };
    size_t cap = (size_t)ANCHORS * 12 + (size_t)ALIASES * 10 + 4096, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n, "%sspare:\n  anchors: [", BASE);
    for (int i = 0; i < ANCHORS; i++) n += (size_t)sprintf(text + n, "&%x 0,", i);
    n += (size_t)sprintf(text + n, "0]\n  aliases: [");
    for (int i = 0; i < ALIASES; i++) n += (size_t)sprintf(text + n, "*%x,", ANCHORS - 1 - i);
    n += (size_t)sprintf(text + n, "0]\n");
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    expect_first_error_fast(dir,
                            "bundle.yaml:17:1: error: unknown key 'spare' in bundle.yaml; the "
                            "keys allowed here are: format, meta, theme, kiosk, home, "
                            "collections, quiz, include, strings",
                            1);
}

/* 5,200 inline HTML tags after 3.9 MB of comments: each error's column used to rescan the
 * file from its start (12 s). */
static void test_many_body_errors(void)
{
    const char *dir = new_case("many-body-errors");
    enum { COMMENT_LINES = 48000, TAGS = 5200, TAGS_PER_BODY = 52 };
    size_t cap = (size_t)COMMENT_LINES * 80 + (size_t)TAGS * 16 + 4096, n = 0;
    char *text = malloc(cap);
    for (int i = 0; i < COMMENT_LINES; i++)
        n += (size_t)sprintf(text + n, "# %075d\n", i);
    n += (size_t)sprintf(text + n, "%s", BASE);
    for (int i = 0; i < TAGS; i++) {
        if (i % TAGS_PER_BODY == 0) /* a body holds at most 16 KB */
            n += (size_t)sprintf(text + n, "      - id: h%d\n        title: H\n        body: |\n", i);
        n += (size_t)sprintf(text + n, "          <b>%d</b>\n", i);
    }
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    char want[256];
    snprintf(want, sizeof want, "bundle.yaml:%d:11: error: HTML is not supported in body text",
             COMMENT_LINES + 20);
    expect_first_error_fast(dir, want, TAGS * 2);
}

/* A map collection (map_size 10000 x 10000) whose items' shapes are written by `shape(i, out)`,
 * one YAML value each. */
static char *map_bundle(size_t n_items, size_t (*shape)(size_t item, char *out), size_t *len)
{
    size_t cap = n_items * 1200000 + 4096, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n,
                         "format: 1\nmeta: {id: t, title: T, version: '1', languages: [nl], "
                         "default_language: nl}\nhome:\n  tiles: [{target: map}]\ncollections:\n"
                         "  - id: map\n    title: Kaart\n    layout: map\n    map_size: [10000, "
                         "10000]\n    items:\n");
    for (size_t i = 0; i < n_items; i++) {
        n += (size_t)sprintf(text + n, "      - id: r%zu\n        title: R\n        shape: ", i);
        n += shape(i, text + n);
        text[n++] = '\n';
    }
    *len = n;
    return text;
}

/* Points on a circle with a random radius each: a star-like outline that crosses itself. */
static size_t random_shape(size_t item, char *out)
{
    size_t n = 0;
    unsigned seed = 12345u + (unsigned)item;
    out[n++] = '"';
    for (int k = 0; k < 2000; k++) {
        seed = seed * 1103515245u + 12345u;
        float x = (float)(seed >> 8 & 0xFFFF) / 65535.0f * 9000.0f + 500.0f;
        seed = seed * 1103515245u + 12345u;
        float y = (float)(seed >> 8 & 0xFFFF) / 65535.0f * 9000.0f + 500.0f;
        n += (size_t)sprintf(out + n, "%.0f,%.0f ", (double)x, (double)y);
    }
    out[n - 1] = '"';
    return n;
}

/* A simple polygon of `points` points on a circle around (cx, cy), as one part "x,y x,y". */
static size_t circle_part(char *out, size_t points, float cx, float cy, float r)
{
    size_t n = 0;
    out[n++] = '"';
    for (size_t k = 0; k < points; k++) {
        float a = 6.2831853f * (float)k / (float)points;
        n += (size_t)sprintf(out + n, "%.2f,%.2f ", (double)(cx + r * cosf(a)), (double)(cy + r * sinf(a)));
    }
    out[n - 1] = '"';
    return n;
}

/* 32 parts of 2,000 points each: every part is fine, the whole is too much. */
static size_t many_parts_shape(size_t item, char *out)
{
    (void)item;
    size_t n = 0;
    out[n++] = '[';
    for (int p = 0; p < 32; p++) {
        if (p) out[n++] = ',';
        n += circle_part(out + n, 2000, 300.0f + 300.0f * (float)(p % 30), 300.0f + 2000.0f * (float)(p / 30), 100.0f);
    }
    out[n++] = ']';
    return n;
}

/* Two 2,000-point parts per item: six items are 24,000 points on one map. */
static size_t two_parts_shape(size_t item, char *out)
{
    size_t n = 0;
    float y = 700.0f + 1500.0f * (float)item;
    out[n++] = '[';
    n += circle_part(out + n, 2000, 2000.0f, y, 600.0f);
    out[n++] = ',';
    n += circle_part(out + n, 2000, 6000.0f, y, 600.0f);
    out[n++] = ']';
    return n;
}

static void write_map_case(const char *dir, size_t n_items, size_t (*shape)(size_t, char *))
{
    size_t len;
    char *text = map_bundle(n_items, shape, &len);
    write_file(dir, "bundle.yaml", text, len);
    free(text);
}

/* Map shapes used to be triangulated every frame, and a self-intersecting one leaves no ear to
 * clip: one random 2,000-point outline cost 1.1 s a frame. Now --check refuses it. */
static void test_shape_random_points(void)
{
    const char *dir = new_case("shape-random");
    write_map_case(dir, 5, random_shape);
    expect_first_error_fast(dir,
                            "bundle.yaml:13:16: error: the shape crosses itself: the line from "
                            "point 1 (8238,646) to point 2 meets the line from point 4 "
                            "(1548,3688) to point 5; draw the outline without crossings (use a "
                            "list of parts for separate areas)",
                            5);
}

static void test_shape_too_many_points(void)
{
    const char *dir = new_case("shape-many-parts");
    write_map_case(dir, 2, many_parts_shape);
    expect_first_error_fast(dir,
                            "bundle.yaml:13:16: error: this shape has 64000 points in all its "
                            "parts; at most 4000 are allowed (simplify the outline)",
                            2);
    dir = new_case("shape-many-points-on-map");
    write_map_case(dir, 6, two_parts_shape);
    expect_first_error_fast(dir,
                            "bundle.yaml:28:16: error: the map shapes have more than 20000 points "
                            "in all; simplify the outlines",
                            1);
}

int main(void)
{
    snprintf(tmp_root, sizeof tmp_root, "/tmp/kiosk-bad-XXXXXX");
    if (!mkdtemp(tmp_root)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_static_corpus);
    RUN(test_binary_garbage);
    RUN(test_invalid_utf8);
    RUN(test_huge_file);
    RUN(test_deep_nesting);
    RUN(test_symlink_out);
    RUN(test_symlinked_folder_out);
    RUN(test_too_many_items);
    RUN(test_huge_png);
    RUN(test_megabyte_string);
    RUN(test_include_chain);
    RUN(test_jpeg_fill_byte);
    RUN(test_fifo_bundle_file);
    RUN(test_fifo_included_file);
    RUN(test_fifo_picture);
    RUN(test_many_anchors);
    RUN(test_many_body_errors);
    RUN(test_shape_random_points);
    RUN(test_shape_too_many_points);
    fprintf(stderr, "%d static cases in tests/bad, %d generated cases in %s\n", count_static,
            count_generated, tmp_root);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmp_root);
    return check_summary();
}
