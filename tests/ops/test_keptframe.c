/* test_keptframe.c: the file of the first frame kept between starts (ops/keptframe.h).
 *
 * A frame written and read back is the same pixels and hash, with and without row padding;
 * a file kept for another key, size or pixel format is not read; a damaged file in any part
 * (magic, length, payload byte, checksum, truncated, grown, a folder or FIFO in its place)
 * is refused whole without blocking; where the file lives (systemd's CACHE_DIRECTORY, XDG,
 * HOME, KIOSK_KEPT_FRAME=0) and that its folders are made; and the key of a file changes
 * when the file does. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ops/keptframe.h"

static char tmp[] = "/tmp/kiosk-test-keptframe-XXXXXX";
enum { W = 301, H = 97, FORMAT = 0x16362004 /* SDL_PIXELFORMAT_ARGB8888 */ };

/* A frame like a home screen: flat bands, a gradient, a little noise. */
static void paint(uint32_t *px, int w, int h, int pitch_px, uint32_t seed)
{
    for (int y = 0; y < h; y++)
        for (int x = 0; x < pitch_px; x++)
            px[y * pitch_px + x] = x >= w ? 0xDEADBEEFu /* padding: never kept */
                                 : y < h / 3 ? 0xFFF4F6FAu
                                 : y < 2 * h / 3 ? 0xFF000000u | (uint32_t)(x * 255 / w) << 8
                                 : (seed = seed * 1103515245u + 12345u) | 0xFF000000u;
}

static void path_of(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", tmp, name);
}

static long file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static void write_bytes(const char *p, const void *data, size_t len)
{
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK(fwrite(data, 1, len, f) == len);
    fclose(f);
}

static unsigned char *slurp(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*len + 64);
    if (b && fread(b, 1, *len, f) != *len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    return b;
}

static void test_round_trip(void)
{
    char p[512], why[512];
    path_of(p, sizeof p, "a/b/first-frame"); /* two folders to make */
    uint32_t *in = malloc((size_t)W * H * 4), *out = calloc((size_t)W * H, 4);
    paint(in, W, H, W, 1);
    CHECK(keptframe_write(p, 42, W, H, FORMAT, in, W * 4, why, sizeof why));
    CHECK(file_size(p) > 48 && file_size(p) < (long)W * H * 4); /* packed */
    struct stat st;
    CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600); /* only the kiosk's user */
    uint64_t hash = 0;
    CHECK(keptframe_read(p, 42, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    CHECK(memcmp(in, out, (size_t)W * H * 4) == 0);
    CHECK(hash == keptframe_hash(in, W, H, W * 4));
    /* padded rows (a window surface's pitch) on either side: the same frame */
    int pp = W + 3;
    uint32_t *padded = malloc((size_t)pp * H * 4), *back = malloc((size_t)pp * H * 4);
    paint(padded, W, H, pp, 1);
    CHECK(keptframe_hash(padded, W, H, pp * 4) == hash); /* padding is not hashed */
    memset(back, 0x55, (size_t)pp * H * 4);
    CHECK(keptframe_read(p, 42, W, H, FORMAT, back, pp * 4, &hash, why, sizeof why));
    for (int y = 0; y < H; y++) CHECK(memcmp(back + y * pp, in + y * W, W * 4) == 0);
    CHECK(back[W] == 0x55555555u); /* padding left alone */
    CHECK(keptframe_write(p, 43, W, H, FORMAT, padded, pp * 4, why, sizeof why));
    CHECK(keptframe_read(p, 43, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    CHECK(memcmp(in, out, (size_t)W * H * 4) == 0);
    /* another picture, another hash */
    paint(in, W, H, W, 2);
    CHECK(keptframe_hash(in, W, H, W * 4) != hash);
    free(in);
    free(out);
    free(padded);
    free(back);
}

static void test_other_key_or_screen(void)
{
    char p[512], why[512];
    path_of(p, sizeof p, "keys");
    uint32_t *px = malloc((size_t)W * H * 4);
    paint(px, W, H, W, 3);
    CHECK(keptframe_write(p, 7, W, H, FORMAT, px, W * 4, why, sizeof why));
    uint64_t hash;
    CHECK(!keptframe_read(p, 8, W, H, FORMAT, px, W * 4, &hash, why, sizeof why));
    CHECK(strstr(why, "another program") != NULL);
    CHECK(!keptframe_read(p, 7, W + 1, H, FORMAT, px, (W + 1) * 4, &hash, why, sizeof why));
    CHECK(strstr(why, "screen size") != NULL);
    CHECK(!keptframe_read(p, 7, W, H - 1, FORMAT, px, W * 4, &hash, why, sizeof why));
    CHECK(!keptframe_read(p, 7, W, H, FORMAT + 1, px, W * 4, &hash, why, sizeof why));
    CHECK(strstr(why, "pixel format") != NULL);
    CHECK(!keptframe_read(p, 7, 0, H, FORMAT, px, W * 4, &hash, why, sizeof why));
    CHECK(!keptframe_read(p, 7, 9000, H, FORMAT, px, 9000 * 4, &hash, why, sizeof why));
    CHECK(!keptframe_write(p, 7, -1, H, FORMAT, px, W * 4, why, sizeof why));
    path_of(p, sizeof p, "missing");
    CHECK(!keptframe_read(p, 7, W, H, FORMAT, px, W * 4, &hash, why, sizeof why));
    CHECK(strstr(why, "none kept") != NULL);
    free(px);
}

/* Each damage of a good file must be refused. */
static void test_damaged(void)
{
    char good[512], bad[512], why[512];
    path_of(good, sizeof good, "good");
    path_of(bad, sizeof bad, "bad");
    uint32_t *px = malloc((size_t)W * H * 4), *out = malloc((size_t)W * H * 4);
    paint(px, W, H, W, 4);
    CHECK(keptframe_write(good, 9, W, H, FORMAT, px, W * 4, why, sizeof why));
    size_t len = 0;
    unsigned char *b = slurp(good, &len);
    CHECK(b != NULL && len > 100);
    if (!b) return;
    uint64_t hash;
    struct { const char *what; size_t at; int delta; size_t cut; } cases[] = {
        {"magic", 0, 1, 0},
        {"length in the header", 32, 1, 0},
        {"length's high byte", 39, 0x40, 0},
        {"a byte of the LZ4 frame's header", 48 + 4, 1, 0},
        {"a byte of the pixels", len / 2, 1, 0},
        {"the content checksum", len - 1, 1, 0},
        {"truncated by one byte", 0, 0, 1},
        {"truncated to its header", 0, 0, len - 48},
        {"only half a header", 0, 0, len - 20},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned char *c = malloc(len);
        memcpy(c, b, len);
        c[cases[i].at] = (unsigned char)(c[cases[i].at] + cases[i].delta);
        write_bytes(bad, c, len - cases[i].cut);
        memset(out, 0, (size_t)W * H * 4);
        bool read = keptframe_read(bad, 9, W, H, FORMAT, out, W * 4, &hash, why, sizeof why);
        if (read) fprintf(stderr, "  read although damaged: %s\n", cases[i].what);
        CHECK(!read);
        free(c);
    }
    /* grown: bytes after the frame */
    unsigned char *grown = malloc(len + 16);
    memcpy(grown, b, len);
    memset(grown + len, 0, 16);
    write_bytes(bad, grown, len + 16);
    CHECK(!keptframe_read(bad, 9, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    free(grown);
    /* a folder, and a FIFO with no writer (must not wait for one) */
    path_of(bad, sizeof bad, "folder");
    mkdir(bad, 0700);
    CHECK(!keptframe_read(bad, 9, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    path_of(bad, sizeof bad, "fifo");
    CHECK(mkfifo(bad, 0600) == 0);
    CHECK(!keptframe_read(bad, 9, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    /* and the good one still reads */
    CHECK(keptframe_read(good, 9, W, H, FORMAT, out, W * 4, &hash, why, sizeof why));
    free(b);
    free(px);
    free(out);
}

static void test_where(void)
{
    char buf[512];
    unsetenv("KIOSK_KEPT_FRAME");
    setenv("CACHE_DIRECTORY", "/var/cache/kiosk:/var/cache/other", 1);
    CHECK(keptframe_path(buf, sizeof buf) && strcmp(buf, "/var/cache/kiosk/first-frame") == 0);
    unsetenv("CACHE_DIRECTORY");
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    CHECK(keptframe_path(buf, sizeof buf) && strcmp(buf, "/x/cache/kiosk/first-frame") == 0);
    setenv("XDG_CACHE_HOME", "relative", 1); /* not absolute: ignored, as the XDG spec says */
    setenv("HOME", "/home/k", 1);
    CHECK(keptframe_path(buf, sizeof buf) && strcmp(buf, "/home/k/.cache/kiosk/first-frame") == 0);
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    CHECK(!keptframe_path(buf, sizeof buf));
    setenv("HOME", "/home/k", 1);
    setenv("KIOSK_KEPT_FRAME", "0", 1);
    CHECK(!keptframe_path(buf, sizeof buf));
    unsetenv("KIOSK_KEPT_FRAME");
    CHECK(!keptframe_path(buf, 8)); /* does not fit */
}

static void test_key_of_a_file(void)
{
    char p[512];
    path_of(p, sizeof p, "settings.yaml");
    uint64_t missing = keptframe_key_file(1, p);
    write_bytes(p, "a: 1\n", 5);
    uint64_t first = keptframe_key_file(1, p);
    CHECK(first != missing);
    CHECK(keptframe_key_file(1, p) == first); /* the same file, the same key */
    CHECK(keptframe_key_file(2, p) != first); /* mixed into what came before */
    usleep(20000);
    write_bytes(p, "a: 2\n", 5); /* same size, rewritten: its change time moved */
    CHECK(keptframe_key_file(1, p) != first);
}

int main(void)
{
    if (!mkdtemp(tmp)) return 1;
    RUN(test_round_trip);
    RUN(test_other_key_or_screen);
    RUN(test_damaged);
    RUN(test_where);
    RUN(test_key_of_a_file);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmp);
    return check_summary();
}
