/* fontdir.c: fonts a bundle brings along, in its fonts/ folder.
 *
 * An organiser may ship the theme's font with the bundle (a school's house font, or an open
 * font for a script the kiosk machine lacks): TTF or OTF files in fonts/, beside their licence
 * (OFL.txt, LICENSE...), since a font is software with terms of its own. The folder is handed
 * to the font layer, which adds it to fontconfig before it looks the theme's fonts up. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bundle/loader.h"

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static bool is_licence(const char *name)
{
    static const char *const words[] = {"licen", "ofl", "copying", "copyright"};
    char lower[256];
    size_t n = strlen(name) < sizeof lower - 1 ? strlen(name) : sizeof lower - 1;
    for (size_t i = 0; i < n; i++) lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(lower, words[i])) return true;
    return false;
}

void read_bundle_fonts(Loader *l)
{
    Bundle *b = l->b;
    const char *dir = arena_printf(l->arena, "%s/fonts", b->dir);
    struct stat st;
    if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) return;
    DIR *d = opendir(dir);
    if (!d) return;
    size_t fonts = 0, licences = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        if (ends_with(e->d_name, ".ttf") || ends_with(e->d_name, ".otf")) fonts++;
        else if (is_licence(e->d_name)) licences++;
    }
    closedir(d);
    if (fonts == 0) return;
    b->theme.fonts_dir = dir;
    if (licences == 0)
        diag_add(l->diags, DIAG_WARNING, dir, 0, 0, "%zu font file%s here but no licence file; "
                 "put the font's licence (e.g. OFL.txt) beside it", fonts, fonts == 1 ? "" : "s");
}
