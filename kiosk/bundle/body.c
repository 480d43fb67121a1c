/* body.c: Markdown body text through libcmark into Blocks and Spans.
 *
 * libcmark does the parsing (CommonMark is subtle; we do not hand-roll it). We then walk its
 * tree and keep only what a kiosk can show well. Everything else is reported rather than
 * silently dropped, because an organiser who writes a heading expects to see one.
 *
 * Positions: cmark counts lines from the start of the body text. For a block scalar (`|`) the
 * text starts on the line after the YAML node, indented; for a quoted or plain scalar we can
 * only point at the scalar itself. */
#include "bundle/body.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

enum { BODY_MAX_SPANS = 512, BODY_MAX_BLOCKS = 128 };

typedef struct Walk {
    Arena *arena;
    const YFile *file;
    const YNode *node;
    Diags *diags;
    bool ok;
    Span spans[BODY_MAX_SPANS];
    size_t n_spans;
    size_t block_start; /* spans before this index belong to earlier blocks */
    Block blocks[BODY_MAX_BLOCKS];
    size_t n_blocks;
    bool too_long;
} Walk;

static int line_indent(const YFile *f, int line)
{
    size_t i = ytree_line_offset(f, line);
    int n = 0;
    while (i < f->text_len && f->text[i] == ' ') {
        n++;
        i++;
    }
    return n;
}

static void report(Walk *w, cmark_node *at, const char *msg)
{
    int line = w->node->line, col = w->node->col;
    if (w->node->block && at) {
        line = w->node->line + cmark_node_get_start_line(at);
        col = line_indent(w->file, line) + cmark_node_get_start_column(at);
    }
    diag_add(w->diags, DIAG_ERROR, w->file->name, line, col, "%s", msg);
    w->ok = false;
}

static const char *unsupported(cmark_node_type t)
{
    switch (t) {
    case CMARK_NODE_HEADING:
        return "headings ('#') are not shown on a kiosk; start a paragraph with **bold** "
               "words instead";
    case CMARK_NODE_LINK:
        return "links in body text cannot be tapped on a kiosk; put the address under "
               "'links' so it is shown as a QR code";
    case CMARK_NODE_IMAGE:
        return "pictures inside body text are not supported; use the item's 'image'";
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
        return "code ('`' or indented by 4 spaces) is not supported in body text; if this is "
               "an accident, remove the indentation";
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
        return "HTML is not supported in body text";
    case CMARK_NODE_BLOCK_QUOTE:
        return "quotes ('>') are not supported in body text";
    case CMARK_NODE_THEMATIC_BREAK:
        return "lines ('---' or '***') are not supported in body text";
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_CUSTOM_INLINE:
        return "this Markdown is not supported in body text";
    default:
        return NULL;
    }
}

/* A delimiter row of a GitHub-style table: cells of dashes (with optional ':' for
 * alignment) between '|', like "|---|:---:|" or "--- | ---". */
static bool delimiter_row(const char *s, size_t len)
{
    bool pipe = false, dash = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '|') pipe = true;
        else if (c == '-') dash = true;
        else if (c != ':' && c != ' ' && c != '\t' && c != '\r') return false;
    }
    return pipe && dash;
}

/* libcmark (CommonMark) has no tables: it reads one as a paragraph, which the kiosk would
 * show with its pipes. A paragraph whose second line is a delimiter row is a table. */
static bool is_table(const Walk *w, cmark_node *para)
{
    int first = cmark_node_get_start_line(para), line = 1;
    const char *s = w->node->str, *end = s + w->node->len;
    while (s < end && line < first) {
        if (*s++ == '\n') line++;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl || !memchr(s, '|', (size_t)(nl - s))) return false;
    const char *second = nl + 1, *nl2 = memchr(second, '\n', (size_t)(end - second));
    return delimiter_row(second, (size_t)((nl2 ? nl2 : end) - second));
}

static void add_span(Walk *w, const char *text, size_t len, unsigned style)
{
    if (len == 0) return;
    /* Join with the previous span when the style is the same: fewer, longer runs to lay out. */
    if (w->n_spans > w->block_start && w->spans[w->n_spans - 1].style == style) {
        Span *prev = &w->spans[w->n_spans - 1];
        size_t pl = strlen(prev->text);
        char *joined = arena_alloc(w->arena, pl + len + 1);
        if (!joined) return;
        memcpy(joined, prev->text, pl);
        memcpy(joined + pl, text, len);
        prev->text = joined;
        return;
    }
    if (w->n_spans == BODY_MAX_SPANS) {
        w->too_long = true;
        return;
    }
    w->spans[w->n_spans++] = (Span){arena_strndup(w->arena, text, len), style};
}

static void walk_inlines(Walk *w, cmark_node *n, unsigned style)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        const char *why = unsupported(t);
        if (why) {
            report(w, c, why);
            continue;
        }
        switch (t) {
        case CMARK_NODE_TEXT: {
            const char *s = cmark_node_get_literal(c);
            if (strstr(s, "~~"))
                report(w, c, "strikethrough ('~~') is not shown on a kiosk: the tildes would "
                       "appear as they are; remove them");
            add_span(w, s, strlen(s), style);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
            add_span(w, " ", 1, style);
            break;
        case CMARK_NODE_LINEBREAK:
            add_span(w, "\n", 1, style);
            break;
        case CMARK_NODE_STRONG:
            walk_inlines(w, c, style | SPAN_BOLD);
            break;
        case CMARK_NODE_EMPH:
            walk_inlines(w, c, style | SPAN_ITALIC);
            break;
        default:
            report(w, c, "this Markdown is not supported in body text");
            break;
        }
    }
}

static void end_block(Walk *w, BlockKind kind, size_t first_span)
{
    if (w->n_blocks == BODY_MAX_BLOCKS) {
        w->too_long = true;
        return;
    }
    size_t n = w->n_spans - first_span;
    Span *copy = arena_calloc(w->arena, n ? n : 1, sizeof *copy);
    if (!copy) return;
    memcpy(copy, w->spans + first_span, n * sizeof *copy);
    w->blocks[w->n_blocks++] = (Block){kind, copy, n};
    w->n_spans = first_span; /* spans are copied per block; reuse the scratch space */
}

static void walk_list(Walk *w, cmark_node *list)
{
    if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        report(w, list, "numbered lists are not supported in body text; use '- ' bullets");
        return;
    }
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        size_t first = w->block_start = w->n_spans;
        int paragraphs = 0;
        for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            cmark_node_type t = cmark_node_get_type(c);
            if (t == CMARK_NODE_PARAGRAPH) {
                if (paragraphs++) add_span(w, "\n", 1, 0);
                walk_inlines(w, c, 0);
            } else if (t == CMARK_NODE_LIST) {
                report(w, c, "lists inside lists are not supported in body text");
            } else {
                const char *why = unsupported(t);
                report(w, c, why ? why : "this Markdown is not supported in a bullet");
            }
        }
        end_block(w, BLOCK_BULLET, first);
    }
}

bool body_parse(Arena *arena, const YFile *file, const YNode *node, Body *out, Diags *diags)
{
    *out = (Body){0};
    Walk *w = calloc(1, sizeof *w);
    if (!w) return false;
    *w = (Walk){.arena = arena, .file = file, .node = node, .diags = diags, .ok = true};
    cmark_node *doc = cmark_parse_document(node->str, node->len, CMARK_OPT_DEFAULT);
    if (!doc) {
        free(w);
        return false;
    }
    for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        if (t == CMARK_NODE_PARAGRAPH && is_table(w, c)) {
            report(w, c, "a table in body text is not shown as a table: the '|' would appear "
                   "as they are; give the item a 'table:' with 'rows' (see \"Tables\" in "
                   "content/README.md), or write each row as a bullet ('- Fokker F27: 1955')");
        } else if (t == CMARK_NODE_PARAGRAPH) {
            size_t first = w->block_start = w->n_spans;
            walk_inlines(w, c, 0);
            end_block(w, BLOCK_PARAGRAPH, first);
        } else if (t == CMARK_NODE_LIST) {
            walk_list(w, c);
        } else {
            const char *why = unsupported(t);
            report(w, c, why ? why : "this Markdown is not supported in body text");
        }
    }
    cmark_node_free(doc);
    if (w->too_long) {
        diag_add(diags, DIAG_ERROR, file->name, node->line, node->col,
                 "this body text has more than %d paragraphs or %d styled parts; split it "
                 "over more items",
                 BODY_MAX_BLOCKS, BODY_MAX_SPANS);
        w->ok = false;
    }
    Block *blocks = arena_calloc(arena, w->n_blocks ? w->n_blocks : 1, sizeof *blocks);
    if (blocks) {
        memcpy(blocks, w->blocks, w->n_blocks * sizeof *blocks);
        *out = (Body){blocks, w->n_blocks};
    }
    bool ok = w->ok;
    free(w);
    return ok;
}
