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
    [STR_ADMIN] = "Beheer",
    [STR_PIN_PROMPT] = "Voer de beheer-PIN in",
    [STR_PIN_WRONG] = "Onjuiste PIN",
    [STR_PIN_LOCKED] = "Te vaak geprobeerd: wacht even",
    [STR_PIN_NONE] = "Er is geen PIN ingesteld (kiosk --set-pin)",
    [STR_CANCEL] = "Annuleren",
    [STR_OK] = "OK",
    [STR_RELOAD] = "Inhoud opnieuw laden",
    [STR_PREVIEW] = "Voorbeeld maken",
    [STR_EXIT] = "Kiosk afsluiten",
    [STR_CLOSE] = "Terug naar de kiosk",
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
    [STR_ADMIN] = "Admin",
    [STR_PIN_PROMPT] = "Enter the admin PIN",
    [STR_PIN_WRONG] = "Wrong PIN",
    [STR_PIN_LOCKED] = "Too many tries: please wait",
    [STR_PIN_NONE] = "No PIN has been set (kiosk --set-pin)",
    [STR_CANCEL] = "Cancel",
    [STR_OK] = "OK",
    [STR_RELOAD] = "Reload content",
    [STR_PREVIEW] = "Render preview",
    [STR_EXIT] = "Exit the kiosk",
    [STR_CLOSE] = "Back to the kiosk",
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
