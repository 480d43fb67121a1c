/* ytree.c: libyaml events into a located node tree.
 *
 * Why not yaml_parser_load(): it has no depth limit and expands nothing we can budget. Here the
 * event loop keeps its own stack (so 10,000 nested brackets stop at depth 64 with a message,
 * never a deep recursion), and an alias becomes a second pointer to the anchored node, whose
 * size is charged to an alias budget, which defuses "billion laughs" documents. An anchor is
 * registered only once its node is complete, so an alias can never point at its own ancestor:
 * the tree stays acyclic.
 *
 * Syntax errors are explained in plain language by ysyntax.c. */
#include "bundle/ytree.h"

#include "bundle/ysyntax.h"
#include "core/fileio.h"
#include "core/util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

typedef struct Frame {
    YNode *node;
    YNode **kids; /* malloc'd while open, copied into the arena when the node closes */
    size_t n, cap;
    const char *anchor; /* arena copy, or NULL */
} Frame;

typedef struct Anchor {
    const char *name;
    size_t hash; /* name_hash(name), kept so that growing the table never rereads names */
    YNode *node;
    size_t weight;
} Anchor;

typedef struct Builder {
    Arena *arena;
    Diags *diags;
    const char *file;
    Frame stack[YTREE_MAX_DEPTH + 1];
    int depth;
    Anchor *anchors;
    size_t n_anchors, cap_anchors;
    /* Open addressing over `anchors`: index + 1, 0 when empty; a power of two, at most half
     * full. A list scanned per alias took 3 min 44 s for 300k anchors and 99,999 aliases. */
    size_t *slots;
    size_t n_slots;
    size_t alias_budget_used;
    YNode *root;
    bool failed;
} Builder;

void ytree_position(const char *text, size_t len, size_t offset, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* Size of a subtree in nodes, counting aliased subtrees each time they appear (saturating). */
static size_t weight_of(const YNode *n)
{
    size_t w = 1;
    if (n->kind != YNODE_SCALAR)
        for (size_t i = 0; i < n->n; i++) {
            w += weight_of(n->kids[i]);
            if (w > YTREE_MAX_ALIAS_NODES) return YTREE_MAX_ALIAS_NODES + 1;
        }
    return w;
}

static YNode *new_node(Builder *b, YNodeKind kind, yaml_mark_t mark)
{
    YNode *n = arena_alloc(b->arena, sizeof *n);
    if (!n) return NULL;
    n->kind = kind;
    n->line = (int)mark.line + 1;
    n->col = (int)mark.column + 1;
    return n;
}

static size_t name_hash(const char *s)
{
    uint64_t h = hash_str(s);
    /* FNV's low bits mix poorly (names like "1a", "2a" crowd together); a final avalanche
     * spreads them over the table. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return (size_t)h;
}

/* The slot holding `name` (whose hash is `h`), or the empty slot where it would go; NULL
 * `name` finds an empty slot only (for re-inserting known-distinct names). */
static size_t *anchor_slot(const Builder *b, const char *name, size_t h)
{
    size_t mask = b->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        size_t *slot = &b->slots[i];
        if (*slot == 0) return slot;
        const Anchor *a = &b->anchors[*slot - 1];
        if (name && a->hash == h && strcmp(a->name, name) == 0) return slot;
    }
}

static Anchor *find_anchor(const Builder *b, const char *name)
{
    if (b->n_slots == 0) return NULL;
    size_t *slot = anchor_slot(b, name, name_hash(name));
    return *slot ? &b->anchors[*slot - 1] : NULL;
}

/* Registers an anchor; a later anchor of the same name replaces the earlier one (YAML). */
static bool add_anchor(Builder *b, const char *name, YNode *node)
{
    if (!name) return false;
    if (b->n_anchors == b->cap_anchors) {
        size_t cap = b->cap_anchors ? b->cap_anchors * 2 : 16;
        Anchor *a = realloc(b->anchors, cap * sizeof *a);
        if (!a) return false;
        b->anchors = a;
        b->cap_anchors = cap;
    }
    if ((b->n_anchors + 1) * 2 > b->n_slots) {
        size_t n = b->n_slots ? b->n_slots * 2 : 32;
        size_t *slots = calloc(n, sizeof *slots);
        if (!slots) return false;
        size_t *old = b->slots, n_old = b->n_slots;
        b->slots = slots;
        b->n_slots = n;
        for (size_t i = 0; i < n_old; i++)
            if (old[i]) *anchor_slot(b, NULL, b->anchors[old[i] - 1].hash) = old[i];
        free(old);
    }
    size_t h = name_hash(name);
    b->anchors[b->n_anchors++] = (Anchor){name, h, node, weight_of(node)};
    *anchor_slot(b, name, h) = b->n_anchors;
    return true;
}

static bool append_child(Builder *b, YNode *child)
{
    if (b->depth == 0) {
        b->root = child;
        return true;
    }
    Frame *f = &b->stack[b->depth - 1];
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        YNode **k = realloc(f->kids, cap * sizeof *k);
        if (!k) return false;
        f->kids = k;
        f->cap = cap;
    }
    f->kids[f->n++] = child;
    return true;
}

/* A list or mapping begins: a new frame on the stack, within the depth limit. */
static bool open_node(Builder *b, const yaml_event_t *ev)
{
    if (b->depth >= YTREE_MAX_DEPTH) {
        diag_add(b->diags, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1,
                 (int)ev->start_mark.column + 1,
                 "nested more than %d levels deep; a bundle never needs this much nesting",
                 YTREE_MAX_DEPTH);
        b->failed = true;
        return false;
    }
    bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
    YNode *n = new_node(b, seq ? YNODE_SEQ : YNODE_MAP, ev->start_mark);
    if (!n) return false;
    const yaml_char_t *anchor =
        seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
    n->flow = seq ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                  : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    Frame *f = &b->stack[b->depth++];
    *f = (Frame){.node = n};
    f->anchor = anchor ? arena_strdup(b->arena, (const char *)anchor) : NULL;
    return true;
}

/* An alias: a second pointer to the anchored node, charged to the alias budget. */
static bool on_alias(Builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    Anchor *found = find_anchor(b, name);
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    if (!found) {
        diag_add(b->diags, DIAG_ERROR, b->file, line, col,
                 "'*%s' refers to an anchor '&%s' that is not defined before it (or "
                 "refers to itself)",
                 name, name);
        b->failed = true;
        return false;
    }
    b->alias_budget_used += found->weight;
    if (b->alias_budget_used > YTREE_MAX_ALIAS_NODES) {
        diag_add(b->diags, DIAG_ERROR, b->file, line, col,
                 "aliases repeat more than %d values in this file; this looks like an "
                 "'alias bomb', so the file is refused",
                 YTREE_MAX_ALIAS_NODES);
        b->failed = true;
        return false;
    }
    return append_child(b, found->node);
}

/* Handles one event; returns false to stop (error already reported). */
static bool on_event(Builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        YNode *n = new_node(b, YNODE_SCALAR, ev->start_mark);
        if (!n) return false;
        n->str = arena_strndup(b->arena, (const char *)ev->data.scalar.value,
                               ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        n->block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
                   ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
        if (!n->str || !append_child(b, n)) return false;
        if (ev->data.scalar.anchor &&
            !add_anchor(b, arena_strdup(b->arena, (const char *)ev->data.scalar.anchor), n))
            return false;
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        return open_node(b, ev);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
        Frame *f = &b->stack[--b->depth];
        YNode *n = f->node;
        n->n = f->n;
        n->kids = arena_calloc(b->arena, f->n ? f->n : 1, sizeof *n->kids);
        if (!n->kids) return false;
        if (f->n) memcpy(n->kids, f->kids, f->n * sizeof *n->kids);
        free(f->kids);
        f->kids = NULL;
        if (!append_child(b, n)) return false;
        if (f->anchor && !add_anchor(b, f->anchor, n)) return false;
        return true;
    }
    case YAML_ALIAS_EVENT:
        return on_alias(b, ev);
    case YAML_DOCUMENT_START_EVENT:
        if (b->root) {
            diag_add(b->diags, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1,
                     (int)ev->start_mark.column + 1,
                     "a second YAML document ('---') in one file; use one document per file "
                     "and 'include' for more");
            b->failed = true;
            return false;
        }
        return true;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
        return true;
    }
    return true;
}

static void index_lines(Arena *arena, YFile *f)
{
    if (!f->text || f->text_len >= UINT32_MAX) return;
    size_t n = 1;
    for (const char *p = f->text; (p = memchr(p, '\n', f->text_len - (size_t)(p - f->text)));)
        n++, p++;
    uint32_t *starts = arena_alloc(arena, n * sizeof *starts);
    if (!starts) return;
    size_t k = 0;
    starts[k++] = 0;
    for (size_t i = 0; i < f->text_len; i++)
        if (f->text[i] == '\n') starts[k++] = (uint32_t)(i + 1);
    f->line_start = starts;
    f->n_lines = n;
}

size_t ytree_line_offset(const YFile *f, int line)
{
    if (line < 1) return 0;
    if (f->line_start)
        return (size_t)line <= f->n_lines ? f->line_start[line - 1] : f->text_len;
    size_t i = 0;
    for (int l = 1; i < f->text_len && l < line; i++)
        if (f->text[i] == '\n') l++;
    return i;
}

bool ytree_parse(Arena *arena, const char *text, size_t len, const char *shown, Diags *diags,
                 YFile *out)
{
    *out = (YFile){.name = shown, .text = text, .text_len = len};
    index_lines(arena, out);
    Builder b = {.arena = arena, .diags = diags, .file = shown};
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(diags, DIAG_ERROR, shown, 0, 0, "out of memory while reading the file");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    bool done = false, ok = true;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            ysyntax_report(diags, shown, &parser, text, len);
            b.failed = true;
            ok = false;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        bool go = on_event(&b, &ev);
        yaml_event_delete(&ev);
        if (!go) {
            if (!b.failed)
                diag_add(diags, DIAG_ERROR, shown, 0, 0, "out of memory while reading the file");
            ok = false;
            break;
        }
    }
    for (int i = 0; i < b.depth; i++) free(b.stack[i].kids);
    free(b.anchors);
    free(b.slots);
    yaml_parser_delete(&parser);
    out->root = ok ? b.root : NULL;
    return ok;
}

bool ytree_load(Arena *arena, const char *path, const char *shown, Diags *diags, YFile *out)
{
    *out = (YFile){.name = shown};
    FILE *f;
    struct stat st;
    switch (fileio_open(path, &f, &st)) {
    case FILEIO_OK: break;
    case FILEIO_CANNOT_OPEN:
        diag_add(diags, DIAG_ERROR, shown, 0, 0, "cannot open the file: %s", strerror(errno));
        return false;
    case FILEIO_NOT_REGULAR:
        diag_add(diags, DIAG_ERROR, shown, 0, 0, "is not a regular file (it is %s)",
                 fileio_kind(st.st_mode));
        return false;
    }
    if (st.st_size > YTREE_MAX_FILE_BYTES) {
        diag_add(diags, DIAG_ERROR, shown, 0, 0,
                 "the file is %.1f MB; a YAML file may be at most %d MB (put pictures in "
                 "separate image files)",
                 (double)st.st_size / (1024.0 * 1024.0), YTREE_MAX_FILE_BYTES / (1024 * 1024));
        fclose(f);
        return false;
    }
    size_t size = (size_t)st.st_size;
    char *text = arena_alloc(arena, size + 1);
    size_t got = text ? fread(text, 1, size, f) : 0;
    fclose(f);
    if (!text || got != size) {
        diag_add(diags, DIAG_ERROR, shown, 0, 0, "could not read the whole file");
        return false;
    }
    text[size] = '\0';
    return ytree_parse(arena, text, size, shown, diags, out);
}

YNode *ynode_get(const YNode *map, const char *key)
{
    if (!map || map->kind != YNODE_MAP) return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i]->kind == YNODE_SCALAR && strcmp(map->kids[i]->str, key) == 0)
            return map->kids[i + 1];
    return NULL;
}
