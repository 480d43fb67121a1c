/* strings.c: built-in UI words. */
#include "ui/strings.h"

#include <string.h>

static const char *const NL[STR_COUNT] = {
    [STR_BACK] = "Terug",
    [STR_HOME] = "Start",
    [STR_ABOUT] = "Info",
    [STR_ABOUT_TITLE] = "Over deze kiosk",
    [STR_ALL] = "Alles",
    [STR_SEE_ALSO] = "Zie ook",
    [STR_SCAN] = "Scan voor meer",
    [STR_QUESTION_OF] = "Vraag %zu van %zu",
    [STR_RESULT] = "Dit past bij jou",
    [STR_AGAIN] = "Opnieuw",
    [STR_VERSION] = "Versie",
    [STR_SOURCES] = "Bronnen",
    [STR_CREDITS] = "Gemaakt door",
    [STR_TOUCH_TO_START] = "Tik om te beginnen",
};

static const char *const EN[STR_COUNT] = {
    [STR_BACK] = "Back",
    [STR_HOME] = "Home",
    [STR_ABOUT] = "Info",
    [STR_ABOUT_TITLE] = "About this kiosk",
    [STR_ALL] = "All",
    [STR_SEE_ALSO] = "See also",
    [STR_SCAN] = "Scan for more",
    [STR_QUESTION_OF] = "Question %zu of %zu",
    [STR_RESULT] = "This suits you",
    [STR_AGAIN] = "Try again",
    [STR_VERSION] = "Version",
    [STR_SOURCES] = "Sources",
    [STR_CREDITS] = "Made by",
    [STR_TOUCH_TO_START] = "Touch to start",
};

const char *ui_string(const char *code, StringId id)
{
    if (id >= STR_COUNT) return "";
    const char *const *table = (code && strcmp(code, "nl") == 0) ? NL : EN;
    return table[id] ? table[id] : EN[id];
}

const char *ui_language_name(const char *code)
{
    static const char *const names[][2] = {
        {"nl", "Nederlands"}, {"en", "English"}, {"de", "Deutsch"}, {"fr", "Français"},
        {"fy", "Frysk"},      {"es", "Español"}, {"tr", "Türkçe"},  {"ar", "العربية"},
        {"pl", "Polski"},     {"uk", "Українська"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], code) == 0) return names[i][1];
    return code;
}
