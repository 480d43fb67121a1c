/* uitext.h: the kiosk's own words (buttons, headings, the attract line), per language.
 *
 * Everything about an exhibition comes from its bundle; these are the few texts every bundle
 * shares. The kiosk carries them in nl, en, de, fr, es, tr, uk and ar; a bundle adds another
 * language, or changes a word, under its `strings:` key, by the names below (the loader
 * resolves both into the bundle, so the screens only look a word up). Pure data, no SDL. */
#ifndef KIOSK_UITEXT_H
#define KIOSK_UITEXT_H

#include <stddef.h>

typedef enum {
    STR_BACK,
    STR_HOME,
    STR_ABOUT,
    STR_ABOUT_TITLE,
    STR_ALL,
    STR_SEE_ALSO,
    STR_SCAN,
    STR_QUESTION_OF, /* "{n}" and "{total}" are replaced by the numbers */
    STR_RESULT,
    STR_AGAIN,
    STR_VERSION,
    STR_SOURCES,
    STR_CREDITS,
    STR_TOUCH_TO_START,
    STR_LANGUAGE_NAME, /* the language's own name, on the language button */
    STR_ADMIN,
    STR_PIN_PROMPT,
    STR_PIN_WRONG,
    STR_PIN_LOCKED,
    STR_PIN_NONE,
    STR_CANCEL,
    STR_OK,
    STR_RELOAD,
    STR_PREVIEW,
    STR_EXIT,
    STR_CLOSE,
    STR_YOU_ARE_HERE, /* the marker on a map at the kiosk's own region (settings: here) */
    STR_YOU_CHOSE,  /* the quiz result's reasons: "{why}" is replaced by the answers' words */
    STR_MATCH,      /* "{n}" is replaced by the match percentage */
    STR_BEST_MATCH, /* the result's main button: opens the best match */
    STR_SCAN_SITE,  /* caption of a QR code: "{site}" is the site it leads to ("Scan: kiesmbo.nl") */
    STR_NOW,        /* a timetable's mark on sessions running now */
    STR_NEXT,       /* ...and on the next to start */
    STR_TODAY,      /* a timetable's heading when it shows today */
    STR_EARLIER,    /* a timetable's heading over the sessions that are over */
    STR_WHEN,       /* an item's page: the label of its times */
    STR_WHERE,      /* ...and of its place */
    STR_WEEKDAYS,   /* seven day names from Sunday, separated by commas */
    STR_MONTHS,     /* twelve month names from January, separated by commas */
    STR_DATE,       /* a date: "{weekday}", "{day}" (number) and "{month}" (name) are filled in */
    STR_NEXT_AT,    /* a timetable's home tile: "{title}" and "{time}" of the next session */
    STR_COUNT
} StringId;

/* The name of a text in a bundle's `strings:` ("see_also"). */
const char *uitext_key(StringId id);
/* Every name, in StringId order (STR_COUNT of them), for suggestions and documentation. */
extern const char *const UITEXT_KEYS[STR_COUNT];
/* The StringId named `key`, or -1. */
int uitext_find(const char *key);
/* The kiosk's own text `id` in language `code`, or NULL when the kiosk has no texts in that
 * language. Never NULL for "en". */
const char *uitext_builtin(const char *code, StringId id);
/* The languages with built-in texts, for documentation and tests ("nl", "en", ...). */
extern const char *const UITEXT_LANGUAGES[];
extern const size_t UITEXT_N_LANGUAGES;

#endif
