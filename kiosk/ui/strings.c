/* strings.c: phrases with blanks: counted ones ("Vraag 3 van 8") from {n} and {total}, and
 * the quiz result's "{why}", "{site}". The bundle's text is data, never a printf format. */
#include "ui/strings.h"

#include <stdio.h>
#include <string.h>

char *ui_fill_count(char *buf, size_t size, const char *pattern, size_t n, size_t total)
{
    size_t used = 0;
    if (size == 0) return buf;
    buf[0] = '\0';
    for (const char *p = pattern; *p && used + 1 < size;) {
        size_t w = 0;
        if (strncmp(p, "{n}", 3) == 0) {
            w = (size_t)snprintf(buf + used, size - used, "%zu", n);
            p += 3;
        } else if (strncmp(p, "{total}", 7) == 0) {
            w = (size_t)snprintf(buf + used, size - used, "%zu", total);
            p += 7;
        } else {
            buf[used] = *p++;
            buf[used + 1] = '\0';
            w = 1;
        }
        used = used + w < size ? used + w : size - 1;
    }
    return buf;
}

char *ui_fill(char *buf, size_t size, const char *pattern, const char *blank, const char *value)
{
    size_t used = 0, bl = strlen(blank);
    if (size == 0) return buf;
    for (const char *p = pattern; *p;) {
        const char *from = p;
        size_t len = 1;
        if (strncmp(p, blank, bl) == 0) {
            from = value;
            len = strlen(value);
            p += bl;
        } else {
            p++;
        }
        if (used + len >= size) {
            len = size - 1 - used;
            while (len > 0 && ((unsigned char)from[len] & 0xC0) == 0x80) len--;
            memcpy(buf + used, from, len);
            used += len;
            break;
        }
        memcpy(buf + used, from, len);
        used += len;
    }
    buf[used] = '\0';
    return buf;
}
