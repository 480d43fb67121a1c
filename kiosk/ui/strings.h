/* strings.h: the few words the program itself shows (button labels), per language.
 *
 * Everything about an exhibition comes from its bundle; these are only the controls every
 * bundle shares. Languages not listed here fall back to English. */
#ifndef KIOSK_STRINGS_H
#define KIOSK_STRINGS_H

typedef enum {
    STR_BACK,
    STR_HOME,
    STR_ABOUT,
    STR_ABOUT_TITLE,
    STR_ALL,
    STR_SEE_ALSO,
    STR_SCAN,
    STR_QUESTION_OF, /* printf format: %zu of %zu */
    STR_RESULT,
    STR_AGAIN,
    STR_VERSION,
    STR_SOURCES,
    STR_CREDITS,
    STR_TOUCH_TO_START,
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
    STR_COUNT
} StringId;

/* The word `id` in language `code` (e.g. "nl"); never NULL. */
const char *ui_string(const char *code, StringId id);
/* The name of a language in that language ("Nederlands", "English"), or its code. */
const char *ui_language_name(const char *code);

#endif
