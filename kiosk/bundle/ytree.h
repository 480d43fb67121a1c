/* ytree.h: a YAML file as a small tree of located nodes, read with hostile input in mind.
 *
 * The schema code works on this tree instead of libyaml events so it can look at a mapping's
 * keys in any order and report each problem at its own line and column. */
#ifndef KIOSK_YTREE_H
#define KIOSK_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/diag.h"
#include "core/arena.h"

typedef enum { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } YNodeKind;

typedef struct YNode {
    YNodeKind kind;
    int line, col;       /* 1-based position of the node's first character */
    bool plain;          /* scalar written without quotes (so `1` is a number, `"1"` a string) */
    bool block;          /* scalar written as a block (| or >): its text starts on the next line */
    bool flow;           /* mapping or list written in brackets: { } or [ ] */
    const char *str;     /* scalar text, NUL-terminated (may also contain NULs: see len) */
    size_t len;
    struct YNode **kids; /* SEQ: items; MAP: key0, value0, key1, value1, ... */
    size_t n;            /* number of kids (for a MAP: twice the number of pairs) */
} YNode;

/* Limits that keep hostile files harmless; each is reported with its own message. */
enum {
    YTREE_MAX_FILE_BYTES = 4 * 1024 * 1024,
    YTREE_MAX_DEPTH = 64,
    YTREE_MAX_ALIAS_NODES = 100000, /* values repeated through *aliases, in total */
};

typedef struct YFile {
    const char *name;   /* as shown in messages (arena) */
    const char *text;   /* the whole file (arena), for positions inside block scalars */
    size_t text_len;
    /* Byte offset where each line starts (line 1 at [0]), computed once while parsing so a
     * position inside a block scalar never rescans the file (5,200 body errors after 3.9 MB
     * took 12 s that way). NULL when there was no memory; then positions fall back to a scan. */
    const uint32_t *line_start;
    size_t n_lines;
    YNode *root;        /* NULL when the file is empty or could not be parsed */
} YFile;

/* Reads and parses path. Nodes and text live in `arena` (borrowed, must outlive the result).
 * Problems go to `diags` under the name `shown`. Returns false when the file could not be read
 * or parsed (the problem is already reported). */
bool ytree_load(Arena *arena, const char *path, const char *shown, Diags *diags, YFile *out);

/* Parses a buffer that is already in memory (for tests and fuzzing). */
bool ytree_parse(Arena *arena, const char *text, size_t len, const char *shown, Diags *diags,
                 YFile *out);

/* The value for `key` in a MAP node, or NULL. */
YNode *ynode_get(const YNode *map, const char *key);

/* The byte offset where 1-based `line` starts (text_len past the last line). */
size_t ytree_line_offset(const YFile *f, int line);

/* The line and column of byte `offset` in text (1-based). */
void ytree_position(const char *text, size_t len, size_t offset, int *line, int *col);

#endif
