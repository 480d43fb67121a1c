/* loader.h: internal state shared by the loader's source files (not a public API).
 *
 * load.c reads files and includes and runs the phases; values.c reads typed values (texts,
 * ids, colours, images...) from YAML nodes; content.c builds collections, items, the home
 * screen and the quiz, and resolves references between them once every id is known. */
#ifndef KIOSK_LOADER_H
#define KIOSK_LOADER_H

#include <limits.h>

#include "bundle/bundle.h"
#include "bundle/schema.h"
#include "bundle/ytree.h"
#include "core/arena.h"

/* A string-keyed hash table (open addressing) for ids and image paths. */
typedef struct StrMap {
    const char **keys;
    void **vals;
    size_t cap, n;
} StrMap;

void *strmap_get(const StrMap *m, const char *key);
bool strmap_put(StrMap *m, const char *key, void *val); /* false when out of memory */
void strmap_free(StrMap *m);

/* Where something was defined, for "first defined at" messages. */
typedef struct Origin {
    const YFile *file;
    const YNode *node;
} Origin;

typedef enum { ID_COLLECTION, ID_ITEM } IdKind;

typedef struct IdEntry {
    IdKind kind;
    void *ptr; /* Collection* or Item* */
    Origin at;
} IdEntry;

/* A reference to an id that is resolved after all collections are read. */
typedef enum { REF_RELATED, REF_TARGET, REF_SCORE, REF_ATTRACT } RefKind;
typedef struct Ref {
    RefKind kind;
    Origin at;     /* the node holding the id */
    void *slot;    /* where to store the resolved pointer */
    void *owner;   /* REF_TARGET: the Tile */
} Ref;

typedef struct Section {
    const YFile *file;
    const YNode *node;
} Section;

typedef struct Loader {
    Arena *arena;      /* the bundle's arena */
    Arena *scratch;    /* YAML trees and file texts; freed when loading ends */
    Diags *diags;
    Bundle *b;
    char root_real[PATH_MAX];
    const char *open_real[BUNDLE_MAX_FILES]; /* include stack (real paths), for loops */
    size_t n_open;
    char *seen[BUNDLE_MAX_FILES];        /* real paths of files read (malloc) */
    size_t n_seen;
    Section theme, kiosk, home, quiz, strings;
    const YFile *meta_file;                      /* bundle.yaml, for messages about meta */
    const YNode *language_nodes[BUNDLE_MAX_LANGS]; /* each code in meta.languages */
    Section *collections; /* malloc, grows */
    size_t n_collections, cap_collections;
    StrMap ids;    /* id -> IdEntry* */
    StrMap images; /* rel path -> Image* */
    Ref *refs;     /* malloc, grows */
    size_t n_refs, cap_refs;
    size_t n_items;
    bool too_many_items;
    TextOrigin *origins; /* malloc, grows; moved into the arena by origins_freeze */
    size_t n_origins, cap_origins;
    const YFile *origin_file; /* the file whose name was last copied, and the copy */
    const char *origin_name;
    size_t shape_points; /* of all shapes read so far, against BUNDLE_MAX_SHAPE_POINTS */
} Loader;

/* fontdir.c: notes the bundle's fonts/ folder in the theme; warns when it has no licence. */
void read_bundle_fonts(Loader *l);

/* origins.c: records that text[0..len) (in the bundle arena) was written at node n of f. */
void origins_add(Loader *l, const YFile *f, const YNode *n, const char *text, size_t len);
void origins_add_body(Loader *l, const YFile *f, const YNode *n, const Body *body);
/* Sorts the records into the bundle (b->origins); call once, after everything is read. */
void origins_freeze(Loader *l);

/* Message helpers: the error is placed at node n of file f. */
void load_error(Loader *l, const YFile *f, const YNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void load_warning(Loader *l, const YFile *f, const YNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Typed readers (values.c). Each reports its own problems and returns false on a bad value;
 * a NULL node means "key absent" and leaves *out untouched (returning true). */
bool read_text(Loader *l, const YFile *f, const YNode *n, Text *out);
bool read_body(Loader *l, const YFile *f, const YNode *n, Body out[BUNDLE_MAX_LANGS]);
bool read_string(Loader *l, const YFile *f, const YNode *n, const char **out);
bool read_id(Loader *l, const YFile *f, const YNode *n, const char **out);
bool read_int(Loader *l, const YFile *f, const YNode *n, int min, int max, int *out);
bool read_color(Loader *l, const YFile *f, const YNode *n, uint32_t *out, bool *has);
bool read_image(Loader *l, const YFile *f, const YNode *n, const Image **out);
bool read_url(Loader *l, const YFile *f, const YNode *n, const char **out);
/* A file of the bundle named at n: its name as written into *rel, its real path into real
 * (PATH_MAX); a path that leaves the bundle or names no file is reported as
 * "<what> '<rel>' <why>" ("the included file 'x.yaml' does not exist"). */
bool read_path(Loader *l, const YFile *f, const YNode *n, const char *what, const char **rel,
               char *real, size_t size);
bool read_shape(Loader *l, const YFile *f, const YNode *n, const Collection *c,
                const Polygon **out, size_t *n_out);
/* Sets the label point of every part of every region of map collection `c` (poly_label_point),
 * treating edges no other region shares as open water. After all its items are read. */
void map_label_points(Collection *c);
/* A sequence node (reports "expected a list" otherwise); NULL for absent or wrong. */
const YNode *read_seq(Loader *l, const YFile *f, const YNode *n, size_t min, size_t max,
                      const char *what);

/* Reports that key `k` is not a language of the bundle (with "did you mean"). */
void unknown_language(Loader *l, const YFile *f, const YNode *k);

/* Queues a reference to be resolved in content_resolve(). */
void add_ref(Loader *l, RefKind kind, const YFile *f, const YNode *n, void *slot, void *owner);

/* content.c */
void content_collections(Loader *l);
void content_home(Loader *l);
void content_quiz(Loader *l);
void content_kiosk(Loader *l);
void content_resolve(Loader *l);

/* figure.c: an item's `figure` and `series` (read after its `sources`). */
void read_figure(Loader *l, const YFile *f, const YNode *n, Item *it);
void read_series(Loader *l, const YFile *f, const YNode *n, Item *it);

/* figure.c too: a mapping checked against its schema ("expected a figure here" otherwise),
 * and true/false (yes/no). */
bool read_mapping(Loader *l, const YFile *f, const YNode *n, const Schema *s);
bool read_flag(Loader *l, const YFile *f, const YNode *n, bool *out);

/* video.c: an item's `video` (file, poster, captions, loop, muted). */
void read_video(Loader *l, const YFile *f, const YNode *n, Item *it);

/* gallery.c: an item's `fit` and `focus` for its image (after `image`), and its `gallery`
 * (read last of the item: it checks what else takes the picture's place). */
void read_image_fit(Loader *l, const YFile *f, const YNode *m, Item *it);
void read_gallery(Loader *l, const YFile *f, const YNode *n, Item *it);

/* when.c: an item's `when` (its sessions, sorted by date and time). */
void read_when(Loader *l, const YFile *f, const YNode *n, Item *it);

/* plan.c: a collection's `plan` (the picture, whose size becomes the coordinate space of its
 * places) and an item's `pin`. */
void read_plan(Loader *l, const YFile *f, const YNode *m, Collection *c);
void read_pin(Loader *l, const YFile *f, const YNode *n, const Collection *c, Item *it);
/* What a shape's points must lie in, for messages: "map (map_size" or "plan (its picture". */
const char *shape_space(const Collection *c);

/* table.c: an item's `table` (caption, header row, rows of cells). */
void read_table(Loader *l, const YFile *f, const YNode *n, Item *it);

/* strings.c: the bundle's `strings:` over the built-in interface texts. */
void content_strings(Loader *l);

#endif
