/* keptframe.c: the kept first frame's file (see keptframe.h).
 *
 * Layout: a 48-byte header (magic, key, width, height, pixel format, payload length, the
 * pixels' hash: keptframe_hash) and one
 * LZ4 frame holding the rows top to bottom, 4 bytes a pixel, with its content size and
 * content checksum. Native byte order: the key covers the program, so a file can only match
 * the machine that wrote it. A home screen of flat colours and text packs about 20:1. */
#include "ops/keptframe.h"

#include <errno.h>
#include <lz4frame.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio.h"
#include "core/util.h"

enum { HEADER = 48, MAX_SIDE = 8192 };
static const char MAGIC[8] = "KIOSKKF1";

bool keptframe_path(char *buf, size_t n)
{
    const char *off = getenv("KIOSK_KEPT_FRAME");
    if (off && strcmp(off, "0") == 0) return false;
    const char *dir = getenv("CACHE_DIRECTORY"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int len;
    if (dir && dir[0] == '/') /* systemd may list several, colon-separated: the first */
        len = snprintf(buf, n, "%.*s/first-frame", (int)strcspn(dir, ":"), dir);
    else if (xdg && xdg[0] == '/') len = snprintf(buf, n, "%s/kiosk/first-frame", xdg);
    else if (home && home[0] == '/') len = snprintf(buf, n, "%s/.cache/kiosk/first-frame", home);
    else return false;
    return len > 0 && (size_t)len < n;
}

uint64_t keptframe_key_file(uint64_t h, const char *path)
{
    h = hash_bytes(h, path, strlen(path) + 1);
    struct stat st;
    if (stat(path, &st) != 0) return h;
    h = hash_u64(h, (uint64_t)st.st_dev);
    h = hash_u64(h, (uint64_t)st.st_ino);
    h = hash_u64(h, (uint64_t)st.st_size);
    h = hash_u64(h, (uint64_t)st.st_ctim.tv_sec);
    return hash_u64(h, (uint64_t)st.st_ctim.tv_nsec);
}

uint64_t keptframe_hash(const void *pixels, int w, int h, int pitch)
{
    /* FNV-1a over 8-byte words (a row is w * 4 bytes, so whole words but for an odd w):
     * a byte at a time took 13 ms for 1920x1080 here, on the main thread after the first
     * frame; this takes about 2. */
    uint64_t hv = 0xcbf29ce484222325ull;
    for (int y = 0; y < h; y++) {
        const unsigned char *p = (const unsigned char *)pixels + (size_t)y * (size_t)pitch;
        size_t len = (size_t)w * 4, i = 0;
        for (; i + 8 <= len; i += 8) {
            uint64_t v;
            memcpy(&v, p + i, 8);
            hv = (hv ^ v) * 0x100000001b3ull;
        }
        for (; i < len; i++) hv = (hv ^ p[i]) * 0x100000001b3ull;
    }
    return hv;
}

static bool fail(char *why, size_t n, const char *fmt, const char *what)
{
    snprintf(why, n, fmt, what);
    return false;
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static bool sane_size(int w, int h, int pitch)
{
    return w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE && pitch >= w * 4;
}

/* The payload decompressed into `out` (exactly `bytes` long), the checksum verified. */
static bool unpack(const unsigned char *in, size_t in_len, unsigned char *out, size_t bytes)
{
    LZ4F_dctx *dc;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&dc, LZ4F_VERSION))) return false;
    size_t done = 0, used = 0, more = 1;
    while (more != 0 && used < in_len && done < bytes) {
        size_t dst = bytes - done, src = in_len - used;
        more = LZ4F_decompress(dc, out + done, &dst, in + used, &src, NULL);
        if (LZ4F_isError(more)) break;
        done += dst;
        used += src;
        if (dst == 0 && src == 0) break; /* no progress: a damaged frame */
    }
    /* the frame must end exactly here: content checksum checked, nothing after it */
    bool ok = !LZ4F_isError(more) && more == 0 && done == bytes && used == in_len;
    LZ4F_freeDecompressionContext(dc);
    return ok;
}

bool keptframe_read(const char *path, uint64_t key, int w, int h, uint32_t format, void *pixels,
                    int pitch, uint64_t *pixel_hash, char *why, size_t n)
{
    if (!sane_size(w, h, pitch)) return fail(why, n, "%s", "the window's size is out of range");
    FILE *f;
    struct stat st;
    FileioStatus s = fileio_open(path, &f, &st);
    if (s == FILEIO_CANNOT_OPEN) return fail(why, n, "none kept yet (%s)", strerror(errno));
    if (s != FILEIO_OK) return fail(why, n, "%s is not a file", path);
    size_t bytes = (size_t)w * (size_t)h * 4;
    unsigned char head[HEADER];
    bool ok = false;
    unsigned char *payload = NULL, *rows = NULL;
    if (fread(head, 1, HEADER, f) != HEADER || memcmp(head, MAGIC, sizeof MAGIC) != 0) {
        fail(why, n, "%s", "not a kept frame, or from another version");
    } else if (get64(head + 8) != key) {
        fail(why, n, "%s", "kept for another program, bundle, settings or command line");
    } else if (get32(head + 16) != (uint32_t)w || get32(head + 20) != (uint32_t)h ||
               get32(head + 24) != format) {
        fail(why, n, "%s", "kept for another screen size or pixel format");
    } else {
        uint64_t len = get64(head + 32);
        if (len == 0 || len > LZ4F_compressFrameBound(bytes, NULL) ||
            (uint64_t)st.st_size != HEADER + len) {
            fail(why, n, "%s", "its length does not match its header");
        } else if (!(payload = malloc(len)) || (pitch != w * 4 && !(rows = malloc(bytes)))) {
            fail(why, n, "%s", "out of memory");
        } else if (fread(payload, 1, len, f) != len) {
            fail(why, n, "%s", "it could not be read whole");
        } else if (!unpack(payload, len, rows ? rows : pixels, bytes)) {
            fail(why, n, "%s", "it is damaged (LZ4 frame or checksum)");
        } else {
            for (int y = 0; rows && y < h; y++)
                memcpy((unsigned char *)pixels + (size_t)y * (size_t)pitch, rows + (size_t)y * (size_t)w * 4,
                       (size_t)w * 4);
            *pixel_hash = get64(head + 40);
            ok = true;
        }
    }
    free(payload);
    free(rows);
    fclose(f);
    return ok;
}

/* Makes the file's folder and its parent (~/.cache may not exist yet), private to the user. */
static void make_folder(const char *path)
{
    char dir[FILEIO_MAX_PATH];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return;
    *slash = '\0';
    if (mkdir(dir, 0700) == 0 || errno != ENOENT) return;
    char *up = strrchr(dir, '/');
    if (!up || up == dir) return;
    *up = '\0';
    mkdir(dir, 0700);
    *up = '/';
    mkdir(dir, 0700);
}

bool keptframe_write(const char *path, uint64_t key, int w, int h, uint32_t format,
                     const void *pixels, int pitch, char *why, size_t n)
{
    if (!sane_size(w, h, pitch)) return fail(why, n, "%s", "the window's size is out of range");
    size_t bytes = (size_t)w * (size_t)h * 4;
    LZ4F_preferences_t prefs = {0};
    prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
    prefs.frameInfo.contentSize = bytes;
    size_t bound = LZ4F_compressFrameBound(bytes, &prefs);
    unsigned char *rows = pitch == w * 4 ? NULL : malloc(bytes);
    unsigned char *out = malloc(HEADER + bound);
    bool ok = false;
    if (!out || (pitch != w * 4 && !rows)) {
        fail(why, n, "%s", "out of memory");
    } else {
        for (int y = 0; rows && y < h; y++)
            memcpy(rows + (size_t)y * (size_t)w * 4,
                   (const unsigned char *)pixels + (size_t)y * (size_t)pitch, (size_t)w * 4);
        size_t len = LZ4F_compressFrame(out + HEADER, bound, rows ? rows : pixels, bytes, &prefs);
        if (LZ4F_isError(len)) {
            fail(why, n, "cannot pack it: %s", LZ4F_getErrorName(len));
        } else {
            memcpy(out, MAGIC, sizeof MAGIC);
            put64(out + 8, key);
            put32(out + 16, (uint32_t)w);
            put32(out + 20, (uint32_t)h);
            put32(out + 24, format);
            put32(out + 28, 0);
            put64(out + 32, (uint64_t)len);
            put64(out + 40, keptframe_hash(pixels, w, h, pitch));
            make_folder(path);
            FileioOwner own = {(uid_t)-1, (gid_t)-1, 0600};
            ok = fileio_replace(path, out, HEADER + len, &own, why, n);
        }
    }
    free(rows);
    free(out);
    return ok;
}
