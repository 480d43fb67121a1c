/* util.c: see util.h. */
#include "core/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const uint64_t FNV_BASIS = 1469598103934665603ull, FNV_PRIME = 1099511628211ull;

uint64_t hash_start(uint64_t seed)
{
    return FNV_BASIS ^ seed;
}

uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

uint64_t hash_str(const char *s)
{
    return hash_bytes(FNV_BASIS, s, strlen(s));
}

uint64_t hash_u64(uint64_t h, uint64_t v)
{
    return (h ^ v) * FNV_PRIME;
}

void err_set(char *err, size_t n, const char *fmt, ...)
{
    if (!err || n == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
}

void path_dir(const char *path, char *dir, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, n, ".");
    else if (slash == path) snprintf(dir, n, "/");
    else snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

const char *path_base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool text_is_id(const char *s, size_t len, size_t max)
{
    if (len == 0 || len > max || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

bool text_is_language(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z') i++;
    if (i < 2 || i > 3) return false;
    if (i == n) return true;
    if (s[i] != '-' || n - i - 1 < 2 || n - i - 1 > 4) return false;
    for (i++; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return false;
    return true;
}
