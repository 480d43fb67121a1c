/* paths.c: safe resolution of bundle-relative paths and cheap image probing.
 *
 * The image check reads headers only, with the decoders' own header readers: enough to refuse
 * a file that is not what its name says and a 30,000 x 30,000 PNG (a decompression bomb)
 * before any decoder sees it. Decoding is the renderer's job, at the size the picture is
 * shown; the renderer probes again right before decoding, since the file may have changed. */
#include "bundle/paths.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jpeglib.h>
#include <png.h>

#include "core/fileio.h"

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

/* The decoders' own header reads: the very calls SDL_image makes before it allocates the
 * surface (jpeg_read_header on the same libjpeg-turbo, png_read_info on the same libpng), so
 * the size checked here is the size that would be decoded. A hand-written marker walk was
 * fooled by one 0xFF fill byte into reading a decoy frame while libjpeg decoded the real one. */
typedef struct JpegErr {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
} JpegErr;

static void jpeg_fail(j_common_ptr c) { longjmp(((JpegErr *)(void *)c->err)->jump, 1); }
static void jpeg_quiet(j_common_ptr c, int level) { (void)c, (void)level; }

typedef struct HeaderRead {
    struct jpeg_decompress_struct jpeg;
    JpegErr err;
    png_structp png;
    png_infop info;
} HeaderRead;

static int jpeg_size(HeaderRead *r, FILE *f, int *w, int *h)
{
    r->jpeg.err = jpeg_std_error(&r->err.mgr);
    r->err.mgr.error_exit = jpeg_fail;
    r->err.mgr.emit_message = jpeg_quiet;
    if (setjmp(r->err.jump)) { /* damaged; a frame header read before that still counts */
        *w = r->jpeg.image_width > INT_MAX ? INT_MAX : (int)r->jpeg.image_width;
        *h = r->jpeg.image_height > INT_MAX ? INT_MAX : (int)r->jpeg.image_height;
        jpeg_destroy_decompress(&r->jpeg);
        return 0;
    }
    jpeg_create_decompress(&r->jpeg);
    rewind(f);
    jpeg_stdio_src(&r->jpeg, f);
    jpeg_read_header(&r->jpeg, TRUE);
    *w = r->jpeg.image_width > INT_MAX ? INT_MAX : (int)r->jpeg.image_width;
    *h = r->jpeg.image_height > INT_MAX ? INT_MAX : (int)r->jpeg.image_height;
    jpeg_destroy_decompress(&r->jpeg);
    return 1;
}

static void png_quiet(png_structp p, png_const_charp msg) { (void)p, (void)msg; }
static void png_fail(png_structp p, png_const_charp msg)
{
    (void)msg;
    png_longjmp(p, 1); /* returning would print "libpng error" and jump anyway */
}

static int png_size(HeaderRead *r, FILE *f, int *w, int *h)
{
    r->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
    r->info = r->png ? png_create_info_struct(r->png) : NULL;
    if (!r->info) {
        png_destroy_read_struct(&r->png, NULL, NULL);
        return 0;
    }
    if (setjmp(png_jmpbuf(r->png))) { /* damaged; an IHDR read before that still counts */
        png_uint_32 pw = png_get_image_width(r->png, r->info);
        png_uint_32 ph = png_get_image_height(r->png, r->info);
        *w = pw > INT_MAX ? INT_MAX : (int)pw;
        *h = ph > INT_MAX ? INT_MAX : (int)ph;
        png_destroy_read_struct(&r->png, &r->info, NULL);
        return 0;
    }
    /* libpng's default limit is 1,000,000 pixels a side; ours is checked by the caller, and
     * a bigger header must still be read to say "too large" rather than "damaged". */
    png_set_user_limits(r->png, 0x7fffffff, 0x7fffffff);
    rewind(f);
    png_init_io(r->png, f);
    png_read_info(r->png, r->info);
    png_uint_32 pw = png_get_image_width(r->png, r->info), ph = png_get_image_height(r->png, r->info);
    *w = pw > INT_MAX ? INT_MAX : (int)pw;
    *h = ph > INT_MAX ? INT_MAX : (int)ph;
    png_destroy_read_struct(&r->png, &r->info, NULL);
    return 1;
}

const char *image_probe(const char *path, const char *rel, ImageType *type, int *w, int *h)
{
    const char *dot = rel ? strrchr(rel, '.') : NULL;
    const char *ext = dot ? dot + 1 : "";
    ImageType want = IMAGE_SVG;
    if (!rel) { /* decided below from the first bytes */
    } else if (strcasecmp(ext, "svg") == 0) want = IMAGE_SVG;
    else if (strcasecmp(ext, "png") == 0) want = IMAGE_PNG;
    else if (strcasecmp(ext, "jpg") == 0 || strcasecmp(ext, "jpeg") == 0) want = IMAGE_JPEG;
    else return "is not a supported picture type; use .svg, .png or .jpg";

    FILE *f;
    struct stat st;
    switch (fileio_open(path, &f, &st)) {
    case FILEIO_OK: break;
    case FILEIO_CANNOT_OPEN: return "cannot be opened";
    case FILEIO_NOT_REGULAR: return "is a folder or special file, not a file";
    }
    if (!rel) {
        unsigned char magic[2] = {0};
        size_t got = fread(magic, 1, sizeof magic, f);
        rewind(f);
        if (got == 2 && magic[0] == 0x89 && magic[1] == 'P') want = IMAGE_PNG;
        else if (got == 2 && magic[0] == 0xFF && magic[1] == 0xD8) want = IMAGE_JPEG;
    }
    if (st.st_size > BUNDLE_MAX_IMAGE_BYTES) {
        fclose(f);
        return "is larger than 32 MB; make the picture smaller";
    }
    if (want == IMAGE_SVG && st.st_size > BUNDLE_MAX_SVG_BYTES) {
        fclose(f);
        return "is an SVG larger than 8 MB, too slow to draw; simplify it or save it as a PNG";
    }
    unsigned char head[512];
    size_t n = fread(head, 1, sizeof head, f);
    const char *why = NULL;
    HeaderRead hr;
    *w = *h = 0;
    *type = want;
    switch (want) {
    case IMAGE_PNG:
        if (n < 24 || memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4))
            why = "is not a PNG file (its contents do not start like one); is it damaged or "
                  "renamed?";
        else if (!png_size(&hr, f, w, h))
            why = "is a damaged PNG file (its header cannot be read)";
        break;
    case IMAGE_JPEG:
        if (n < 4 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF)
            why = "is not a JPEG file (its contents do not start like one); is it damaged or "
                  "renamed?";
        else if (!jpeg_size(&hr, f, w, h))
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
    if (*w > BUNDLE_MAX_IMAGE_SIDE || *h > BUNDLE_MAX_IMAGE_SIDE ||
        (long long)*w * *h > BUNDLE_MAX_IMAGE_PIXELS) /* even if damaged further on */
        why = "is too large in pixels; the limit is 8192 x 8192, so scale the picture down";
    if (!why && want != IMAGE_SVG && (*w <= 0 || *h <= 0))
        why = "has a size of zero pixels; is it damaged?";
    return why;
}
