/* schema.h: which keys each kind of mapping in a bundle accepts.
 *
 * The tables are the single list of accepted keys: the loader checks mappings against them and
 * a test checks that every one of them is documented in content/README.md. */
#ifndef KIOSK_SCHEMA_H
#define KIOSK_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle/diag.h"
#include "bundle/ytree.h"

typedef struct SchemaKey {
    const char *name;
    bool required;
} SchemaKey;

typedef struct Schema {
    const char *what; /* for messages: "an item", "the 'meta' section" */
    const SchemaKey *keys;
    size_t n_keys;
} Schema;

extern const Schema SCHEMA_ROOT, SCHEMA_INCLUDED, SCHEMA_META, SCHEMA_SOURCE, SCHEMA_THEME,
    SCHEMA_COLORS, SCHEMA_KIOSK, SCHEMA_HOME, SCHEMA_TILE, SCHEMA_COLLECTION, SCHEMA_CATEGORY,
    SCHEMA_ITEM, SCHEMA_FACT, SCHEMA_LINK, SCHEMA_QUIZ, SCHEMA_QUESTION, SCHEMA_ANSWER,
    SCHEMA_RESULT, SCHEMA_FIGURE, SCHEMA_POINT, SCHEMA_SLOT, SCHEMA_VIDEO,
    SCHEMA_GALLERY_PICTURE, SCHEMA_TABLE;

/* Every schema, for the documentation test. */
extern const Schema *const SCHEMA_ALL[];
extern const size_t SCHEMA_ALL_COUNT;

/* Reports unknown keys (with "did you mean"), duplicate keys and missing required keys of the
 * mapping `map` in file `file`. Returns false when `map` is not a mapping at all. */
bool schema_check(const Schema *s, const YNode *map, const char *file, Diags *diags);
/* The same with another "did you mean" (the settings file knows synonyms such as 'usb'). */
typedef const char *(*SchemaSuggest)(const char *word, const char *const *keys, size_t n);
bool schema_check_suggest(const Schema *s, const YNode *map, const char *file, Diags *diags,
                          SchemaSuggest suggest);

/* The closest of `candidates` to `word` when it is a plausible typo, else NULL. */
const char *schema_suggest(const char *word, const char *const *candidates, size_t n);

#endif
