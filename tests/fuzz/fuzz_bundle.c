/* fuzz_bundle.c: libFuzzer target for the bundle loader and the YAML tree under it.
 *
 * The input becomes bundle.yaml of a bundle folder that is made once per process (mkdtemp) and
 * removed at exit. The folder also holds a small included file, part.yaml, and two pictures,
 * images/x.svg and images/x.png, so inputs that name them reach the include and picture code
 * instead of stopping at "does not exist". Each run then:
 *   1. parses the bytes with ytree_parse() into a scratch arena (the tree without the loader);
 *   2. loads the folder with bundle_load() and frees the bundle and its messages.
 * Every problem must come back as a diagnostic: a crash, a sanitizer report or a leak is a bug.
 *
 * This file also replaces core/arena.c (the linker then takes no object from the library for
 * the arena_* symbols): the real arena carves objects out of 64 KiB chunks, so writing past one
 * object lands in the next and AddressSanitizer cannot see it. Here every allocation is its own
 * malloc block, with the same contract (zeroed, max-aligned, freed all at once).
 * Built and run by tests/fuzz/run.sh. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "bundle/ytree.h"
#include "core/arena.h"

static char dir[PATH_MAX];
static char bundle_path[PATH_MAX + 32];

/* part.yaml: what an included file may hold, with a picture and references back to ids a
 * seed's bundle.yaml can define (robot) or use (ada). */
static const char PART_YAML[] =
    "collections:\n"
    "  - id: people\n"
    "    title: {nl: Mensen, en: People}\n"
    "    layout: map\n"
    "    map_size: [100, 100]\n"
    "    items:\n"
    "      - id: ada\n"
    "        title: Ada\n"
    "        image: images/x.svg\n"
    "        shape: [\"0,0 50,0 50,50\", \"60,60 90,60 90,90\"]\n"
    "        related: [robot]\n";

static const char X_SVG[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
    "<rect width=\"10\" height=\"10\"/></svg>\n";

/* The signature and IHDR chunk of a 2 x 2 PNG: image_probe() reads the size from the header
 * and leaves decoding to the renderer, so the rest of the file may be missing. */
static const unsigned char X_PNG[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0, 0xfd, 0xd4, 0x9a, 0x73,
};

/* Where the per-run file goes: $TMPDIR (run.sh points it at a folder in /dev/shm that it
 * removes at the end, also after a crash, when atexit() does not run), else /dev/shm, else
 * /tmp. Memory, when it can: rewriting a file on ext4 flushes it to disk on close
 * (auto_da_alloc), about 2.5 ms a run against 3 us on tmpfs. */
static const char *temp_base(void)
{
    const char *t = getenv("TMPDIR");
    if (t && t[0]) return t;
    return access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
}

static void die(const char *what)
{
    perror(what);
    abort();
}

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) die(path);
    if (size && fwrite(data, 1, size, f) != size) die(path);
    if (fclose(f) != 0) die(path);
}

static void remove_dir(void)
{
    static const char *const files[] = {"bundle.yaml", "part.yaml", "images/x.svg",
                                        "images/x.png", "images", NULL};
    char path[PATH_MAX + 32];
    for (const char *const *f = files; *f; f++) {
        snprintf(path, sizeof path, "%s/%s", dir, *f);
        remove(path);
    }
    rmdir(dir);
}

/* ---- an arena that AddressSanitizer can check (see the top of the file) ------------------ */

typedef struct Alloc {
    struct Alloc *next;
    max_align_t data[]; /* the allocation, max-aligned like the real arena's */
} Alloc;

struct Arena {
    Alloc *head;
    size_t total;
};

Arena *arena_create(void)
{
    return calloc(1, sizeof(Arena));
}

void arena_destroy(Arena *a)
{
    if (!a) return;
    for (Alloc *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(Arena *a, size_t size)
{
    if (size > SIZE_MAX - sizeof(Alloc)) return NULL;
    Alloc *b = calloc(1, sizeof *b + size);
    if (!b) return NULL;
    b->next = a->head;
    a->head = b;
    a->total += size;
    return b->data;
}

void *arena_calloc(Arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    return arena_alloc(a, n * size);
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (p) memcpy(p, s, len);
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_used(const Arena *a)
{
    return a->total;
}

/* ---- the target ---------------------------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/fuzz_bundle.XXXXXX", temp_base());
    if (!mkdtemp(dir)) die("mkdtemp");
    atexit(remove_dir);
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/part.yaml", dir);
    write_file(path, PART_YAML, sizeof PART_YAML - 1);
    snprintf(path, sizeof path, "%s/images", dir);
    if (mkdir(path, 0755) != 0) die(path);
    snprintf(path, sizeof path, "%s/images/x.svg", dir);
    write_file(path, X_SVG, sizeof X_SVG - 1);
    snprintf(path, sizeof path, "%s/images/x.png", dir);
    write_file(path, X_PNG, sizeof X_PNG);
    snprintf(bundle_path, sizeof bundle_path, "%s/bundle.yaml", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diags diags;

    diags_init(&diags);
    Arena *scratch = arena_create();
    if (!scratch) die("arena_create");
    YFile yf;
    ytree_parse(scratch, (const char *)data, size, "fuzz.yaml", &diags, &yf);
    arena_destroy(scratch);
    diags_free(&diags);

    write_file(bundle_path, data, size);
    diags_init(&diags);
    Bundle *b = bundle_load(dir, &diags);
    bundle_free(b);
    diags_free(&diags);
    return 0;
}
