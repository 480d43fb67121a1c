/* strings.c: counted phrases ("Vraag 3 van 8") from a pattern with {n} and {total}. */
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
