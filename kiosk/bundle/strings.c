/* strings.c: the bundle's `strings:` section over the kiosk's built-in interface texts.
 *
 *   strings:
 *     fy:                      # a language of the bundle
 *       back: Werom            # a name from lang/uitext.h and its text
 *     de:
 *       see_also: Mehr dazu    # changes one built-in word
 *
 * Every word the screens show is resolved here, once, into bundle->ui_text: the bundle's own
 * text, else the kiosk's built-in one in that language, else the default language's. A
 * language of the bundle for which neither the kiosk nor the bundle has all the words gets a
 * warning at its code in `meta.languages` that names the missing ones, so a German screen
 * never shows "See also" without --check having said so. */
#include <stdio.h>
#include <string.h>

#include "bundle/loader.h"

/* A bundle's text for a phrase with blanks must keep them: the screen fills them in. */
static bool placeholders_ok(Loader *l, const YFile *f, const YNode *v, StringId id)
{
    static const struct { StringId id; const char *need, *need2, *what, *example; } blanks[] = {
        {STR_QUESTION_OF, "{n}", "{total}", "the question number and the number of questions",
         "Question {n} of {total}"},
        {STR_YOU_CHOSE, "{why}", NULL, "the words of the visitor's answers", "You chose: {why}"},
        {STR_MATCH, "{n}", NULL, "the match percentage", "{n}% match"},
        {STR_SCAN_SITE, "{site}", NULL, "the site the QR code leads to", "Scan: {site}"},
        {STR_DATE, "{day}", "{month}", "the day's number and the month's name",
         "{weekday} {day} {month}"},
        {STR_NEXT_AT, "{title}", "{time}", "what starts next and when",
         "Next: {title} at {time}"},
    };
    static const struct { StringId id; size_t count; const char *what; } lists[] = {
        {STR_WEEKDAYS, 7, "seven day names, from Sunday"},
        {STR_MONTHS, 12, "twelve month names, from January"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (lists[i].id != id) continue;
        size_t names = 1;
        for (const char *p = v->str; *p; p++) names += *p == ',';
        if (names == lists[i].count) return true;
        load_error(l, f, v, "'%s' must be %s, separated by commas (found %zu)", uitext_key(id),
                   lists[i].what, names);
        return false;
    }
    for (size_t i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
        if (blanks[i].id != id) continue;
        if (strstr(v->str, blanks[i].need) && (!blanks[i].need2 || strstr(v->str, blanks[i].need2)))
            return true;
        load_error(l, f, v, "'%s' must contain %s%s%s (%s), e.g. \"%s\"", uitext_key(id),
                   blanks[i].need, blanks[i].need2 ? " and " : "",
                   blanks[i].need2 ? blanks[i].need2 : "", blanks[i].what, blanks[i].example);
        return false;
    }
    return true;
}

static void read_one_language(Loader *l, const YFile *f, const YNode *k, const YNode *m,
                              size_t lang, const char *given[STR_COUNT])
{
    if (m->kind != YNODE_MAP) {
        load_error(l, f, m, "under 'strings: %s' give the interface texts as a mapping, like "
                   "'see_also: Siehe auch'", k->str);
        return;
    }
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const YNode *key = m->kids[i], *v = m->kids[i + 1];
        int id = key->kind == YNODE_SCALAR ? uitext_find(key->str) : -1;
        if (id < 0) {
            const char *hint = key->kind == YNODE_SCALAR
                                   ? schema_suggest(key->str, UITEXT_KEYS, STR_COUNT) : NULL;
            if (hint)
                load_error(l, f, key, "unknown interface text '%s'; did you mean '%s'?",
                           key->str, hint);
            else
                load_error(l, f, key, "unknown interface text '%s'; the names are listed in "
                           "content/README.md under 'strings'",
                           key->kind == YNODE_SCALAR ? key->str : "?");
            continue;
        }
        if (given[id]) {
            load_error(l, f, key, "'%s' appears twice under 'strings: %s'; keep one", key->str,
                       l->b->languages[lang]);
            continue;
        }
        const char *s = NULL;
        if (!read_string(l, f, v, &s) || !placeholders_ok(l, f, v, (StringId)id)) continue;
        given[id] = s;
    }
}

static void read_strings_section(Loader *l, const char *given[][STR_COUNT])
{
    const YFile *f = l->strings.file;
    const YNode *n = l->strings.node;
    if (!n) return;
    if (n->kind != YNODE_MAP) {
        load_error(l, f, n, "'strings' should be a mapping of language codes, each with its "
                   "interface texts (see content/README.md)");
        return;
    }
    bool seen[BUNDLE_MAX_LANGS] = {0};
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const YNode *k = n->kids[i], *m = n->kids[i + 1];
        int lang = k->kind == YNODE_SCALAR ? bundle_language_index(l->b, k->str) : -1;
        if (lang < 0) {
            unknown_language(l, f, k);
            continue;
        }
        if (seen[lang]) {
            load_error(l, f, k, "the language '%s' appears twice under 'strings'", k->str);
            continue;
        }
        seen[lang] = true;
        read_one_language(l, f, k, m, (size_t)lang, given[lang]);
    }
}

/* Warns at the language's code in meta.languages, listing every missing name. */
static void warn_missing(Loader *l, size_t lang, const char *given[STR_COUNT])
{
    Bundle *b = l->b;
    const char *code = b->languages[lang];
    char missing[1024] = "";
    size_t n_missing = 0;
    for (int id = 0; id < STR_COUNT; id++)
        if (!given[id] && !uitext_builtin(code, (StringId)id)) {
            strncat(missing, n_missing++ ? ", " : "", sizeof missing - strlen(missing) - 1);
            strncat(missing, UITEXT_KEYS[id], sizeof missing - strlen(missing) - 1);
        }
    if (n_missing == 0 || !l->meta_file) return;
    load_warning(l, l->meta_file, l->language_nodes[lang],
                 "the kiosk has no built-in interface texts in '%s' (buttons, headings, the "
                 "attract line); add them under 'strings: %s:' (missing: %s); until then "
                 "these show in '%s'",
                 code, code, missing, b->languages[b->default_language]);
}

void content_strings(Loader *l)
{
    Bundle *b = l->b;
    const char *given[BUNDLE_MAX_LANGS][STR_COUNT] = {{0}};
    read_strings_section(l, given);
    size_t def = b->default_language;
    for (size_t lang = 0; lang < b->n_languages; lang++) {
        warn_missing(l, lang, given[lang]);
        for (int id = 0; id < STR_COUNT; id++) {
            const char *s = given[lang][id];
            if (!s) s = uitext_builtin(b->languages[lang], (StringId)id);
            b->ui_text[lang][id] = s;
        }
    }
    /* Gaps take the default language's word, and that one English's as a last resort. */
    for (int id = 0; id < STR_COUNT; id++) {
        if (!b->ui_text[def][id]) b->ui_text[def][id] = uitext_builtin("en", (StringId)id);
        for (size_t lang = 0; lang < b->n_languages; lang++)
            if (!b->ui_text[lang][id]) b->ui_text[lang][id] = b->ui_text[def][id];
    }
}
