/* fonts.h: the theme's font family, found through fontconfig, opened with SDL_ttf per size. */
#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/dlist.h"

typedef struct _TTF_Font TTF_Font;
typedef struct Fonts Fonts;

/* Finds the four faces (regular, bold, italic, bold italic) of `family`, falling back to
 * DejaVu Sans face by face. Returns NULL (and says why on stderr) when no font is found. */
Fonts *fonts_create(const char *family);
/* The same, after adding the fonts in folder `dir` (a bundle's fonts/; NULL: none) to
 * fontconfig, so a font the bundle brings is found by its family name. */
Fonts *fonts_create_with(const char *family, const char *dir);
/* fonts_create_with's fontconfig lookups (the faces' files and the fallback list), done now
 * and kept for the next fonts_create_with of the same family and folder: start-up does them
 * on the thread that reads the bundle while SDL opens the window. Needs no SDL_ttf. Not
 * thread-safe: the caller makes sure no other Fonts is made or used meanwhile. */
void fonts_prepare(const char *family, const char *dir);
/* Forgets what fonts_prepare kept (when no fonts_create_with took it). */
void fonts_prepare_drop(void);
/* True when the family asked for was found (false: DejaVu Sans stands in). */
bool fonts_found(const Fonts *f);
void fonts_destroy(Fonts *f);
/* The font for `id` at `px` pixels (opened on first use, kept in a small cache); NULL when it
 * cannot be opened. Borrowed: valid until fonts_destroy. */
TTF_Font *fonts_get(Fonts *f, FontId id, int px);
/* A face at px: a FontId, or FONT_COUNT + i for fallback font i (see fallback.h); NULL when
 * it cannot be opened. Borrowed, like fonts_get. */
TTF_Font *fonts_face(Fonts *f, int face, int px);
/* The fallback fonts (borrowed; NULL when fontconfig could not list any). */
struct Fallback *fonts_fallback(Fonts *f);
/* Width of s[0..len) in px: the measurer the layout uses. */
int fonts_measure(void *fonts, FontId id, int px, const char *s, size_t len);

#endif
