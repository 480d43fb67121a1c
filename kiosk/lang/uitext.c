/* uitext.c: the built-in interface texts in eight languages.
 *
 * Written for pupils of 10 to 18 reading from a metre away: short, plain, the informal "you"
 * where the language has one (du, tu, tú, sen, ти). The PIN and admin texts are for staff and
 * use the polite form where that is usual. Arabic is Modern Standard Arabic. A text that no
 * longer fits its button in some language shows up in the screen tests at every size.
 *
 * Every table must be complete: a test fails on a missing entry, so a new StringId cannot be
 * added in one language only. */
#include "lang/uitext.h"

#include <string.h>

const char *const UITEXT_KEYS[STR_COUNT] = {
    [STR_BACK] = "back",
    [STR_HOME] = "home",
    [STR_ABOUT] = "about",
    [STR_ABOUT_TITLE] = "about_title",
    [STR_ALL] = "all",
    [STR_SEE_ALSO] = "see_also",
    [STR_SCAN] = "scan",
    [STR_QUESTION_OF] = "question_of",
    [STR_RESULT] = "result",
    [STR_AGAIN] = "again",
    [STR_VERSION] = "version",
    [STR_SOURCES] = "sources",
    [STR_CREDITS] = "credits",
    [STR_TOUCH_TO_START] = "touch_to_start",
    [STR_LANGUAGE_NAME] = "language_name",
    [STR_ADMIN] = "admin",
    [STR_PIN_PROMPT] = "pin_prompt",
    [STR_PIN_WRONG] = "pin_wrong",
    [STR_PIN_LOCKED] = "pin_locked",
    [STR_PIN_NONE] = "pin_none",
    [STR_CANCEL] = "cancel",
    [STR_OK] = "ok",
    [STR_RELOAD] = "reload",
    [STR_PREVIEW] = "preview",
    [STR_EXIT] = "exit",
    [STR_CLOSE] = "close",
    [STR_YOU_ARE_HERE] = "you_are_here",
};

typedef struct Table {
    const char *code;
    const char *s[STR_COUNT];
} Table;

static const Table TABLES[] = {
    {"nl", {
        [STR_BACK] = "Terug",
        [STR_HOME] = "Start",
        [STR_ABOUT] = "Info",
        [STR_ABOUT_TITLE] = "Over deze kiosk",
        [STR_ALL] = "Alles",
        [STR_SEE_ALSO] = "Zie ook",
        [STR_SCAN] = "Scan voor meer",
        [STR_QUESTION_OF] = "Vraag {n} van {total}",
        [STR_RESULT] = "Dit past bij jou",
        [STR_AGAIN] = "Opnieuw",
        [STR_VERSION] = "Versie",
        [STR_SOURCES] = "Bronnen",
        [STR_CREDITS] = "Gemaakt door",
        [STR_TOUCH_TO_START] = "Tik om te beginnen",
        [STR_LANGUAGE_NAME] = "Nederlands",
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
        [STR_YOU_ARE_HERE] = "Jij bent hier",
    }},
    {"en", {
        [STR_BACK] = "Back",
        [STR_HOME] = "Home",
        [STR_ABOUT] = "Info",
        [STR_ABOUT_TITLE] = "About this kiosk",
        [STR_ALL] = "All",
        [STR_SEE_ALSO] = "See also",
        [STR_SCAN] = "Scan for more",
        [STR_QUESTION_OF] = "Question {n} of {total}",
        [STR_RESULT] = "This suits you",
        [STR_AGAIN] = "Try again",
        [STR_VERSION] = "Version",
        [STR_SOURCES] = "Sources",
        [STR_CREDITS] = "Made by",
        [STR_TOUCH_TO_START] = "Touch to start",
        [STR_LANGUAGE_NAME] = "English",
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
        [STR_YOU_ARE_HERE] = "You are here",
    }},
    {"de", {
        [STR_BACK] = "Zurück",
        [STR_HOME] = "Start",
        [STR_ABOUT] = "Info",
        [STR_ABOUT_TITLE] = "Über diesen Kiosk",
        [STR_ALL] = "Alle",
        [STR_SEE_ALSO] = "Siehe auch",
        [STR_SCAN] = "Für mehr Infos scannen",
        [STR_QUESTION_OF] = "Frage {n} von {total}",
        [STR_RESULT] = "Das passt zu dir",
        [STR_AGAIN] = "Noch einmal",
        [STR_VERSION] = "Version",
        [STR_SOURCES] = "Quellen",
        [STR_CREDITS] = "Erstellt von",
        [STR_TOUCH_TO_START] = "Tippe, um zu starten",
        [STR_LANGUAGE_NAME] = "Deutsch",
        [STR_ADMIN] = "Verwaltung",
        [STR_PIN_PROMPT] = "Admin-PIN eingeben",
        [STR_PIN_WRONG] = "Falsche PIN",
        [STR_PIN_LOCKED] = "Zu viele Versuche: bitte warten",
        [STR_PIN_NONE] = "Es ist keine PIN festgelegt (kiosk --set-pin)",
        [STR_CANCEL] = "Abbrechen",
        [STR_OK] = "OK",
        [STR_RELOAD] = "Inhalt neu laden",
        [STR_PREVIEW] = "Vorschau erstellen",
        [STR_EXIT] = "Kiosk beenden",
        [STR_CLOSE] = "Zurück zum Kiosk",
        [STR_YOU_ARE_HERE] = "Du bist hier",
    }},
    {"fr", {
        [STR_BACK] = "Retour",
        [STR_HOME] = "Accueil",
        [STR_ABOUT] = "Infos",
        [STR_ABOUT_TITLE] = "À propos de cette borne",
        [STR_ALL] = "Tout",
        [STR_SEE_ALSO] = "Voir aussi",
        [STR_SCAN] = "Scanne pour en savoir plus",
        [STR_QUESTION_OF] = "Question {n} sur {total}",
        [STR_RESULT] = "C'est fait pour toi",
        [STR_AGAIN] = "Recommencer",
        [STR_VERSION] = "Version",
        [STR_SOURCES] = "Sources",
        [STR_CREDITS] = "Réalisé par",
        [STR_TOUCH_TO_START] = "Touche pour commencer",
        [STR_LANGUAGE_NAME] = "Français",
        [STR_ADMIN] = "Administration",
        [STR_PIN_PROMPT] = "Entrez le code PIN d'administration",
        [STR_PIN_WRONG] = "Code PIN incorrect",
        [STR_PIN_LOCKED] = "Trop d'essais, veuillez patienter",
        [STR_PIN_NONE] = "Aucun code PIN n'est défini (kiosk --set-pin)",
        [STR_CANCEL] = "Annuler",
        [STR_OK] = "OK",
        [STR_RELOAD] = "Recharger le contenu",
        [STR_PREVIEW] = "Créer un aperçu",
        [STR_EXIT] = "Quitter la borne",
        [STR_CLOSE] = "Retour à la borne",
        [STR_YOU_ARE_HERE] = "Tu es ici",
    }},
    {"es", {
        [STR_BACK] = "Volver",
        [STR_HOME] = "Inicio",
        [STR_ABOUT] = "Info",
        [STR_ABOUT_TITLE] = "Sobre este quiosco",
        [STR_ALL] = "Todo",
        [STR_SEE_ALSO] = "Ver también",
        [STR_SCAN] = "Escanea para saber más",
        [STR_QUESTION_OF] = "Pregunta {n} de {total}",
        [STR_RESULT] = "Esto es para ti",
        [STR_AGAIN] = "Otra vez",
        [STR_VERSION] = "Versión",
        [STR_SOURCES] = "Fuentes",
        [STR_CREDITS] = "Hecho por",
        [STR_TOUCH_TO_START] = "Toca para empezar",
        [STR_LANGUAGE_NAME] = "Español",
        [STR_ADMIN] = "Administración",
        [STR_PIN_PROMPT] = "Introduzca el PIN de administración",
        [STR_PIN_WRONG] = "PIN incorrecto",
        [STR_PIN_LOCKED] = "Demasiados intentos: espere un momento",
        [STR_PIN_NONE] = "No se ha definido ningún PIN (kiosk --set-pin)",
        [STR_CANCEL] = "Cancelar",
        [STR_OK] = "OK",
        [STR_RELOAD] = "Recargar el contenido",
        [STR_PREVIEW] = "Crear vista previa",
        [STR_EXIT] = "Cerrar el quiosco",
        [STR_CLOSE] = "Volver al quiosco",
        [STR_YOU_ARE_HERE] = "Estás aquí",
    }},
    {"tr", {
        [STR_BACK] = "Geri",
        [STR_HOME] = "Ana sayfa",
        [STR_ABOUT] = "Bilgi",
        [STR_ABOUT_TITLE] = "Bu kiosk hakkında",
        [STR_ALL] = "Tümü",
        [STR_SEE_ALSO] = "Bunlara da bak",
        [STR_SCAN] = "Daha fazlası için tara",
        [STR_QUESTION_OF] = "Soru {n} / {total}",
        [STR_RESULT] = "Bu sana uygun",
        [STR_AGAIN] = "Tekrar dene",
        [STR_VERSION] = "Sürüm",
        [STR_SOURCES] = "Kaynaklar",
        [STR_CREDITS] = "Hazırlayan",
        [STR_TOUCH_TO_START] = "Başlamak için dokun",
        [STR_LANGUAGE_NAME] = "Türkçe",
        [STR_ADMIN] = "Yönetim",
        [STR_PIN_PROMPT] = "Yönetici PIN'ini girin",
        [STR_PIN_WRONG] = "Yanlış PIN",
        [STR_PIN_LOCKED] = "Çok fazla deneme: lütfen bekleyin",
        [STR_PIN_NONE] = "PIN ayarlanmamış (kiosk --set-pin)",
        [STR_CANCEL] = "İptal",
        [STR_OK] = "Tamam",
        [STR_RELOAD] = "İçeriği yeniden yükle",
        [STR_PREVIEW] = "Önizleme oluştur",
        [STR_EXIT] = "Kiosku kapat",
        [STR_CLOSE] = "Kioska dön",
        [STR_YOU_ARE_HERE] = "Buradasın",
    }},
    {"uk", {
        [STR_BACK] = "Назад",
        [STR_HOME] = "Головна",
        [STR_ABOUT] = "Інфо",
        [STR_ABOUT_TITLE] = "Про цей кіоск",
        [STR_ALL] = "Усі",
        [STR_SEE_ALSO] = "Дивись також",
        [STR_SCAN] = "Скануй, щоб дізнатися більше",
        [STR_QUESTION_OF] = "Питання {n} з {total}",
        [STR_RESULT] = "Це тобі підходить",
        [STR_AGAIN] = "Ще раз",
        [STR_VERSION] = "Версія",
        [STR_SOURCES] = "Джерела",
        [STR_CREDITS] = "Автори",
        [STR_TOUCH_TO_START] = "Торкнися, щоб почати",
        [STR_LANGUAGE_NAME] = "Українська",
        [STR_ADMIN] = "Керування",
        [STR_PIN_PROMPT] = "Введіть PIN адміністратора",
        [STR_PIN_WRONG] = "Неправильний PIN",
        [STR_PIN_LOCKED] = "Забагато спроб: зачекайте",
        [STR_PIN_NONE] = "PIN не встановлено (kiosk --set-pin)",
        [STR_CANCEL] = "Скасувати",
        [STR_OK] = "OK",
        [STR_RELOAD] = "Оновити вміст",
        [STR_PREVIEW] = "Створити попередній перегляд",
        [STR_EXIT] = "Вийти з кіоску",
        [STR_CLOSE] = "Повернутися до кіоску",
        [STR_YOU_ARE_HERE] = "Ти тут",
    }},
    {"ar", {
        [STR_BACK] = "رجوع",
        [STR_HOME] = "الرئيسية",
        [STR_ABOUT] = "معلومات",
        [STR_ABOUT_TITLE] = "عن هذه الشاشة",
        [STR_ALL] = "الكل",
        [STR_SEE_ALSO] = "انظر أيضًا",
        [STR_SCAN] = "امسح الرمز لمعرفة المزيد",
        [STR_QUESTION_OF] = "السؤال {n} من {total}",
        [STR_RESULT] = "هذا يناسبك",
        [STR_AGAIN] = "حاول مرة أخرى",
        [STR_VERSION] = "الإصدار",
        [STR_SOURCES] = "المصادر",
        [STR_CREDITS] = "من إعداد",
        [STR_TOUCH_TO_START] = "المس الشاشة للبدء",
        [STR_LANGUAGE_NAME] = "العربية",
        [STR_ADMIN] = "الإدارة",
        [STR_PIN_PROMPT] = "أدخل رمز PIN الخاص بالإدارة",
        [STR_PIN_WRONG] = "رمز PIN غير صحيح",
        [STR_PIN_LOCKED] = "محاولات كثيرة جدًا: يُرجى الانتظار",
        [STR_PIN_NONE] = "لم يُعيَّن رمز PIN بعد (kiosk --set-pin)",
        [STR_CANCEL] = "إلغاء",
        [STR_OK] = "موافق",
        [STR_RELOAD] = "إعادة تحميل المحتوى",
        [STR_PREVIEW] = "إنشاء معاينة",
        [STR_EXIT] = "إغلاق البرنامج",
        [STR_CLOSE] = "العودة إلى العرض",
        [STR_YOU_ARE_HERE] = "أنت هنا",
    }},
};

enum { N_TABLES = sizeof TABLES / sizeof TABLES[0] };

const char *const UITEXT_LANGUAGES[] = {"nl", "en", "de", "fr", "es", "tr", "uk", "ar"};
const size_t UITEXT_N_LANGUAGES = sizeof UITEXT_LANGUAGES / sizeof UITEXT_LANGUAGES[0];

const char *uitext_key(StringId id)
{
    return (unsigned)id < STR_COUNT ? UITEXT_KEYS[id] : "?";
}

int uitext_find(const char *key)
{
    for (int i = 0; i < STR_COUNT; i++)
        if (strcmp(UITEXT_KEYS[i], key) == 0) return i;
    return -1;
}

/* Languages the kiosk has no texts in still have a name for the language button. */
static const char *other_language_name(const char *code)
{
    static const char *const names[][2] = {
        {"fy", "Frysk"},     {"pl", "Polski"},    {"it", "Italiano"}, {"pt", "Português"},
        {"ro", "Română"},    {"bg", "Български"}, {"ru", "Русский"},  {"so", "Soomaali"},
        {"ti", "ትግርኛ"},      {"fa", "فارسی"},     {"he", "עברית"},    {"zh", "中文"},
        {"li", "Limburgs"},  {"pap", "Papiamentu"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], code) == 0) return names[i][1];
    return NULL;
}

const char *uitext_builtin(const char *code, StringId id)
{
    if ((unsigned)id >= STR_COUNT || !code) return NULL;
    for (size_t i = 0; i < N_TABLES; i++)
        if (strcmp(TABLES[i].code, code) == 0) return TABLES[i].s[id];
    return id == STR_LANGUAGE_NAME ? other_language_name(code) : NULL;
}
