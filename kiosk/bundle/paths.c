/* paths.c: safe resolution of bundle-relative paths and cheap image sniffing.
 *
 * The image check reads headers only: enough to refuse a file that is not what its name says
 * and a 30,000 x 30,000 PNG (a decompression bomb) before any decoder sees it. Decoding is the
 * renderer's job, at the size the picture is shown. */
#include "bundle/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

PathStatus paths_resolve(const char *root_real, const char *rel, char *out, size_t size)
{
    if (!rel[0]) return PATH_EMPTY;
    if (rel[0] == '/' || rel[0] == '\\' || (rel[0] && rel[1] == ':')) return PATH_ABSOLUTE;
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/\\");
        if (n == 2 && p[0] == '.' && p[1] == '.') return PATH_PARENT;
        p += n;
        if (*p) p++;
    }
    char joined[PATH_MAX];
    if ((size_t)snprintf(joined, sizeof joined, "%s/%s", root_real, rel) >= sizeof joined)
        return PATH_TOO_LONG;
    char real[PATH_MAX];
    if (!realpath(joined, real)) return PATH_MISSING;
    size_t rl = strlen(root_real);
    if (strncmp(real, root_real, rl) != 0 || real[rl] != '/') return PATH_OUTSIDE;
    struct stat st;
    if (stat(real, &st) != 0) return PATH_MISSING;
    if (!S_ISREG(st.st_mode)) return PATH_NOT_FILE;
    if (strlen(real) >= size) return PATH_TOO_LONG;
    strcpy(out, real);
    return PATH_OK;
}

const char *paths_explain(PathStatus st)
{
    switch (st) {
    case PATH_OK: return "is fine";
    case PATH_EMPTY: return "is empty";
    case PATH_ABSOLUTE:
        return "is an absolute path; write it relative to the bundle folder, e.g. "
               "images/picture.svg";
    case PATH_PARENT:
        return "leaves the bundle folder ('..'); keep every file inside the bundle folder";
    case PATH_MISSING: return "does not exist in the bundle folder (check the spelling)";
    case PATH_OUTSIDE:
        return "points outside the bundle folder through a symbolic link; copy the file into "
               "the bundle instead";
    case PATH_NOT_FILE: return "is a folder or special file, not a file";
    case PATH_TOO_LONG: return "is too long";
    }
    return "is not usable";
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* Walks JPEG markers up to the first start-of-frame, which holds the picture size. */
static int jpeg_size(FILE *f, int *w, int *h)
{
    unsigned char m[4];
    if (fseek(f, 2, SEEK_SET) != 0) return 0;
    for (int guard = 0; guard < 1000; guard++) {
        if (fread(m, 1, 4, f) != 4 || m[0] != 0xFF) return 0;
        unsigned marker = m[1], len = be16(m + 2);
        if (len < 2) return 0;
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                   marker != 0xCC;
        if (sof) {
            unsigned char s[5];
            if (fread(s, 1, 5, f) != 5) return 0;
            *h = (int)be16(s + 1);
            *w = (int)be16(s + 3);
            return 1;
        }
        if (fseek(f, (long)len - 2, SEEK_CUR) != 0) return 0;
    }
    return 0;
}

const char *image_probe(const char *path, const char *rel, ImageType *type, int *w, int *h)
{
    const char *dot = strrchr(rel, '.');
    const char *ext = dot ? dot + 1 : "";
    ImageType want;
    if (strcasecmp(ext, "svg") == 0) want = IMAGE_SVG;
    else if (strcasecmp(ext, "png") == 0) want = IMAGE_PNG;
    else if (strcasecmp(ext, "jpg") == 0 || strcasecmp(ext, "jpeg") == 0) want = IMAGE_JPEG;
    else return "is not a supported picture type; use .svg, .png or .jpg";

    FILE *f = fopen(path, "rb");
    if (!f) return "cannot be opened";
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size > BUNDLE_MAX_IMAGE_BYTES) {
        fclose(f);
        return "is larger than 32 MB; make the picture smaller";
    }
    unsigned char head[512];
    size_t n = fread(head, 1, sizeof head, f);
    const char *why = NULL;
    *w = *h = 0;
    *type = want;
    switch (want) {
    case IMAGE_PNG:
        if (n < 24 || memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4))
            why = "is not a PNG file (its contents do not start like one); is it damaged or "
                  "renamed?";
        else {
            unsigned long pw = be32(head + 16), ph = be32(head + 20);
            *w = pw > INT_MAX ? INT_MAX : (int)pw;
            *h = ph > INT_MAX ? INT_MAX : (int)ph;
        }
        break;
    case IMAGE_JPEG:
        if (n < 4 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF)
            why = "is not a JPEG file (its contents do not start like one); is it damaged or "
                  "renamed?";
        else if (!jpeg_size(f, w, h))
            why = "is a damaged JPEG file (its size cannot be read)";
        break;
    case IMAGE_SVG: {
        size_t i = 0;
        if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) i = 3;
        while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
            i++;
        if (i >= n || head[i] != '<')
            why = "is not an SVG file (it does not start with '<'); is it damaged or renamed?";
        break;
    }
    }
    fclose(f);
    if (!why && (*w > BUNDLE_MAX_IMAGE_SIDE || *h > BUNDLE_MAX_IMAGE_SIDE))
        why = "is too large in pixels; the limit is 8192 x 8192, so scale the picture down";
    if (!why && want != IMAGE_SVG && (*w <= 0 || *h <= 0))
        why = "has a size of zero pixels; is it damaged?";
    return why;
}
