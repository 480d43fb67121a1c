/* schema.c: key tables and the generic mapping check.
 *
 * Suggestions use the Damerau-Levenshtein distance (a swap of two letters counts once), which
 * catches the typical typo ('titel', 'tiltle', 'catagories') and also a case slip ('Title'). */
#include "bundle/schema.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define KEYS(...) (const SchemaKey[]){__VA_ARGS__}
#define SCHEMA(name, what_, ...)                                                      \
    const Schema name = {what_, KEYS(__VA_ARGS__),                                    \
                         sizeof(KEYS(__VA_ARGS__)) / sizeof(SchemaKey)}

SCHEMA(SCHEMA_ROOT, "bundle.yaml", {"format", true}, {"meta", true}, {"theme", false},
       {"kiosk", false}, {"home", false}, {"collections", false}, {"quiz", false},
       {"include", false}, {"strings", false});
SCHEMA(SCHEMA_INCLUDED, "an included file", {"collections", false}, {"include", false},
       {"theme", false}, {"kiosk", false}, {"home", false}, {"quiz", false},
       {"strings", false});
SCHEMA(SCHEMA_META, "the 'meta' section", {"id", true}, {"title", true}, {"version", true},
       {"languages", true}, {"default_language", true}, {"description", false},
       {"credits", false}, {"sources", false});
SCHEMA(SCHEMA_SOURCE, "a source", {"title", true}, {"url", false});
SCHEMA(SCHEMA_THEME, "the 'theme' section", {"colors", false}, {"font", false},
       {"heading_font", false}, {"logo", false});
SCHEMA(SCHEMA_COLORS, "the theme's 'colors'", {"background", false}, {"surface", false},
       {"text", false}, {"muted", false}, {"accent", false}, {"on_accent", false},
       {"edge", false}, {"picture_panel", false});
SCHEMA(SCHEMA_KIOSK, "the 'kiosk' section", {"idle_timeout", false}, {"attract_delay", false},
       {"attract_slide", false}, {"attract_slides", false}, {"attract_items", false});
SCHEMA(SCHEMA_HOME, "the 'home' section", {"title", false}, {"subtitle", false},
       {"tiles", true});
SCHEMA(SCHEMA_TILE, "a home tile", {"target", true}, {"title", false}, {"short_title", false},
       {"subtitle", false},
       {"image", false}, {"color", false});
SCHEMA(SCHEMA_COLLECTION, "a collection", {"id", true}, {"title", true}, {"intro", false},
       {"icon", false}, {"layout", false}, {"categories", false}, {"map_size", false},
       {"plan", false},
       {"items", true});
SCHEMA(SCHEMA_CATEGORY, "a category", {"id", true}, {"title", true}, {"icon", false});
SCHEMA(SCHEMA_ITEM, "an item", {"id", true}, {"title", true}, {"short_title", false},
       {"subtitle", false},
       {"body", false}, {"image", false}, {"categories", false}, {"tags", false},
       {"facts", false}, {"links", false}, {"sources", false}, {"related", false},
       {"shape", false}, {"color", false}, {"figure", false}, {"series", false},
       {"pin", false},
       {"when", false}, {"where", false}, {"video", false}, {"fit", false},
       {"focus", false}, {"gallery", false}, {"table", false});
/* `credit` is required, with its own message (gallery.c) */
SCHEMA(SCHEMA_GALLERY_PICTURE, "a gallery picture", {"picture", true}, {"credit", false},
       {"caption", false}, {"fit", false}, {"focus", false});
SCHEMA(SCHEMA_TABLE, "a table", {"caption", false}, {"columns", false}, {"rows", true});
SCHEMA(SCHEMA_SLOT, "a time ('when')", {"date", false}, {"days", false}, {"from", true},
       {"to", true});
SCHEMA(SCHEMA_VIDEO, "a video", {"file", true}, {"poster", false}, {"captions", false},
       {"loop", false}, {"muted", false});
SCHEMA(SCHEMA_FIGURE, "a figure", {"value", true}, {"year", true}, {"unit", false},
       {"or_more", false});
SCHEMA(SCHEMA_POINT, "a point of a series", {"year", true}, {"value", true});
SCHEMA(SCHEMA_FACT, "a fact", {"label", true}, {"value", true});
SCHEMA(SCHEMA_LINK, "a link", {"url", true}, {"caption", false});
SCHEMA(SCHEMA_QUIZ, "the 'quiz' section", {"title", true}, {"intro", false}, {"icon", false},
       {"questions", true}, {"result", false});
SCHEMA(SCHEMA_QUESTION, "a quiz question", {"text", true}, {"answers", true});
SCHEMA(SCHEMA_ANSWER, "a quiz answer", {"text", true}, {"scores", true}, {"why", false});
SCHEMA(SCHEMA_RESULT, "the quiz 'result'", {"title", false}, {"text", false},
       {"count", false});

const Schema *const SCHEMA_ALL[] = {
    &SCHEMA_ROOT,  &SCHEMA_INCLUDED,   &SCHEMA_META,     &SCHEMA_SOURCE, &SCHEMA_THEME,
    &SCHEMA_COLORS, &SCHEMA_KIOSK,     &SCHEMA_HOME,     &SCHEMA_TILE,   &SCHEMA_COLLECTION,
    &SCHEMA_CATEGORY, &SCHEMA_ITEM,    &SCHEMA_FACT,     &SCHEMA_LINK,   &SCHEMA_QUIZ,
    &SCHEMA_QUESTION, &SCHEMA_ANSWER,  &SCHEMA_RESULT,  &SCHEMA_FIGURE, &SCHEMA_POINT,
    &SCHEMA_VIDEO, &SCHEMA_GALLERY_PICTURE, &SCHEMA_TABLE,
};
const size_t SCHEMA_ALL_COUNT = sizeof SCHEMA_ALL / sizeof SCHEMA_ALL[0];

enum { SUGGEST_MAX_LEN = 64 };

/* The distance when it is at most `max`, else SIZE_MAX. Only small distances make a
 * suggestion, and stopping early keeps a hostile file's thousands of unknown names cheap:
 * the lengths alone may rule a pair out, and once a whole row is above `max` no later row
 * comes back under it (a transposition from two rows up passes a cell of the row between). */
static size_t distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la >= SUGGEST_MAX_LEN || lb >= SUGGEST_MAX_LEN) return SIZE_MAX;
    if ((la > lb ? la - lb : lb - la) > max) return SIZE_MAX;
    size_t d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];
    for (size_t i = 0; i <= la; i++) d[i][0] = i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t row_min = d[i][0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
            if (best < row_min) row_min = best;
        }
        if (row_min > max) return SIZE_MAX;
    }
    return d[la][lb] <= max ? d[la][lb] : SIZE_MAX;
}

const char *schema_suggest(const char *word, const char *const *candidates, size_t n)
{
    /* A third of the word may be wrong, at least one letter, at most three. */
    size_t allowed = strlen(word) / 3;
    if (allowed < 1) allowed = 1;
    if (allowed > 3) allowed = 3;
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, candidates[i], allowed);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best_d <= allowed ? best : NULL;
}

static void list_keys(const Schema *s, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->n_keys && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", s->keys[i].name);
}

/* A key as a message may show it: at most SHOWN_KEY_CHARS characters (then "..."), control
 * characters and invalid UTF-8 as \xNN. A key is file content: an unknown one may be a line of
 * a file that is not a bundle at all, or carry terminal escape sequences. */
enum { SHOWN_KEY_CHARS = 40, SHOWN_KEY_BYTES = SHOWN_KEY_CHARS * 4 + 8 };
static const char *shown_key(const char *key, char *buf)
{
    size_t out = 0, chars = 0, n = strlen(key);
    for (size_t i = 0; i < n;) {
        if (chars == SHOWN_KEY_CHARS) {
            memcpy(buf + out, "...", 4);
            return buf;
        }
        size_t len;
        long cp = utf8_decode((const unsigned char *)key + i, n - i, &len);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            out += (size_t)snprintf(buf + out, 5, "\\x%02X", (unsigned char)key[i]);
            len = 1;
        } else {
            memcpy(buf + out, key + i, len);
            out += len;
        }
        i += len;
        chars++;
    }
    buf[out] = '\0';
    return buf;
}

bool schema_check(const Schema *s, const YNode *map, const char *file, Diags *diags)
{
    return schema_check_suggest(s, map, file, diags, schema_suggest);
}

bool schema_check_suggest(const Schema *s, const YNode *map, const char *file, Diags *diags,
                          SchemaSuggest suggest)
{
    if (!map || map->kind != YNODE_MAP) return false;
    const char *names[32];
    size_t n_names = s->n_keys < 32 ? s->n_keys : 32;
    for (size_t i = 0; i < n_names; i++) names[i] = s->keys[i].name;

    /* A typo of a required key is reported once, as the typo, not also as a missing key. */
    const char *typo_of[8];
    size_t n_typos = 0;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const YNode *k = map->kids[i];
        if (k->kind != YNODE_SCALAR) {
            diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                     "a key must be a plain word, not a list or mapping");
            continue;
        }
        bool known = false;
        for (size_t j = 0; j < s->n_keys; j++)
            if (strcmp(k->str, s->keys[j].name) == 0) known = true;
        if (!known) {
            char shown[SHOWN_KEY_BYTES];
            const char *hint = suggest(k->str, names, n_names);
            if (hint) {
                if (n_typos < 8) typo_of[n_typos++] = hint;
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "unknown key '%s' in %s; did you mean '%s'?", shown_key(k->str, shown),
                         s->what, hint);
            } else {
                char all[512];
                list_keys(s, all, sizeof all);
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "unknown key '%s' in %s; the keys allowed here are: %s",
                         shown_key(k->str, shown),
                         s->what, all);
            }
            continue;
        }
        for (size_t j = 0; j < i; j += 2)
            if (map->kids[j]->kind == YNODE_SCALAR && strcmp(map->kids[j]->str, k->str) == 0) {
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "'%s' appears twice in %s (first on line %d); keep one", k->str,
                         s->what, map->kids[j]->line);
                break;
            }
    }
    for (size_t j = 0; j < s->n_keys; j++) {
        bool typo = false;
        for (size_t t = 0; t < n_typos; t++)
            if (strcmp(typo_of[t], s->keys[j].name) == 0) typo = true;
        if (s->keys[j].required && !typo && !ynode_get(map, s->keys[j].name))
            diag_add(diags, DIAG_ERROR, file, map->line, map->col, "%s needs '%s'", s->what,
                     s->keys[j].name);
    }
    return true;
}
