/* numfmt.h: numbers written the way each language writes them. Pure, no locale, no SDL.
 *
 * A number is an exact decimal: `scaled` / 10^decimals (1861000 with 0 decimals, 125 with 1
 * for 12.5), so the text never shows a rounding error and a count-up ends on the very value.
 * The separators follow CLDR for the languages the kiosk knows: nl "1.861.000", en
 * "1,861,000", de "1.861.000", fr "1 861 000" (narrow no-break space), es "7000" but
 * "29.200" (four-digit numbers are not grouped), percent as "14%", "14 %" or "%14". */
#ifndef KIOSK_NUMFMT_H
#define KIOSK_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { NUM_PLAIN, NUM_PERCENT } NumUnit;

enum { NUMFMT_MAX_DECIMALS = 2, NUMFMT_BYTES = 64 };

/* Writes the number into buf (at most size bytes, always terminated) in language `lang`
 * (a code such as "nl" or "pt-BR"; an unknown one is written as in English); `or_more`
 * appends "+" ("70.000+"). Returns buf. */
char *numfmt_format(char *buf, size_t size, int64_t scaled, int decimals, NumUnit unit,
                    bool or_more, const char *lang);

/* 10^decimals, for turning scaled values into fractions of each other. */
int64_t numfmt_scale(int decimals);

#endif
