/* ysyntax.c: libyaml's syntax errors in plain language, at the spot to fix.
 *
 * libyaml's own message is kept, after a hint, because "mapping values are not allowed in
 * this context" tells an organiser nothing. Where libyaml knows where the trouble began (its
 * context mark), that is where we point: a quote that is never closed is reported at the
 * quote, not at the end of the file where libyaml gave up. A text inside { } that holds a
 * ': ' gets an example with the quotes in place, since that is nearly always the cause. */
#include "bundle/ysyntax.h"

#include <stdio.h>
#include <string.h>

#include "bundle/ytree.h"

static const char *syntax_hint(const char *problem)
{
    static const struct {
        const char *libyaml, *hint;
    } hints[] = {
        {"mapping values are not allowed",
         "a ':' followed by a space inside a value; put the whole value in quotes"},
        {"did not find expected key",
         "the indentation is off: keys of one mapping must start in the same column"},
        {"did not find expected '-' indicator",
         "the indentation of this list is off: every '- ' must start in the same column"},
        {"found character that cannot start any token",
         "this character cannot start a value (a tab, '@' or '`'?); indent with spaces or quote "
         "the value"},
        {"control characters are not allowed",
         "the file contains binary data or control characters; is it really a YAML text file?"},
        {"invalid leading UTF-8 octet", "the file is not valid UTF-8 text; save it as UTF-8"},
        {"invalid trailing UTF-8 octet", "the file is not valid UTF-8 text; save it as UTF-8"},
        {"incomplete UTF-8 octet sequence", "the file is not valid UTF-8 text; save it as UTF-8"},
        {"found unexpected end of stream", "a quote or bracket is opened but never closed"},
        {"found undefined tag handle", "'!' starts a YAML tag; put the value in quotes"},
        {"did not find expected node content", "a value is missing here"},
        {"did not find expected ',' or ']'", "a list in [ ] is not closed properly"},
        {"did not find expected ',' or '}'", "a mapping in { } is not closed properly"},
        {"found a tab character", "indent with spaces, not tabs"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(problem, hints[i].libyaml)) return hints[i].hint;
    return NULL;
}

/* The text of `line` (1-based) in buf, without its newline. */
static bool line_text(const char *text, size_t len, int line, char *buf, size_t size)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (text[i] == '\n') l++;
    size_t end = i;
    while (end < len && text[end] != '\n') end++;
    if (i >= len || end - i >= size) return false;
    memcpy(buf, text + i, end - i);
    buf[end - i] = '\0';
    return true;
}

/* libyaml counts columns in characters; the byte where character `col` (0-based) starts. */
static size_t byte_of_column(const char *line, size_t col)
{
    size_t i = 0;
    for (size_t c = 0; line[i] && c < col; c++) {
        i++;
        while (((unsigned char)line[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* A quoted text that runs to the end of the file: point at its opening quote. */
static bool unclosed_quote(Diags *diags, const char *file, const yaml_parser_t *p,
                           const char *text, size_t len)
{
    char line[1024];
    if (!p->problem || !strstr(p->problem, "unexpected end of stream") || !p->context ||
        !strstr(p->context, "quoted scalar") ||
        !line_text(text, len, (int)p->context_mark.line + 1, line, sizeof line))
        return false;
    char quote = line[byte_of_column(line, p->context_mark.column)];
    if (quote != '"' && quote != '\'') return false;
    diag_add(diags, DIAG_ERROR, file, (int)p->context_mark.line + 1,
             (int)p->context_mark.column + 1,
             "the quote %c opened here is never closed, so everything after it up to the end of "
             "the file was read as one text; add the closing %c (YAML says: %s %s)",
             quote, quote, p->problem, p->context);
    return true;
}

/* `{nl: Open: 10 uur, en: Open}`: libyaml stops at the second ':'. Rebuild the text the
 * organiser meant, from its key up to the next ',' or '}', to show it in quotes. */
static bool colon_in_flow(Diags *diags, const char *file, const yaml_parser_t *p,
                          const char *text, size_t len)
{
    if (!p->problem || !strstr(p->problem, "did not find expected ',' or '}'")) return false;
    char line[1024];
    int ln = (int)p->problem_mark.line + 1;
    if (!line_text(text, len, ln, line, sizeof line)) return false;
    size_t at = byte_of_column(line, p->problem_mark.column);
    if (at >= strlen(line) || line[at] != ':') return false;
    /* Back to the start of the value: the ': ' after the key, after the last '{' or ','. */
    size_t start = at;
    while (start > 0 && line[start - 1] != '{' && line[start - 1] != ',') start--;
    char *key_end = strstr(line + start, ": ");
    if (!key_end || (size_t)(key_end - line) >= at) return false;
    size_t key = start;
    while (line[key] == ' ') key++;
    size_t value = (size_t)(key_end - line) + 2, end = at;
    while (line[end] && line[end] != ',' && line[end] != '}') end++;
    while (end > value && line[end - 1] == ' ') end--;
    diag_add(diags, DIAG_ERROR, file, ln, (int)at + 1,
             "inside { } a ': ' ends the text, so this one is cut here; put the whole text in "
             "quotes: %.*s\"%.*s\" (YAML says: %s)",
             (int)(value - key), line + key, (int)(end - value), line + value, p->problem);
    return true;
}

void ysyntax_report(Diags *diags, const char *file, const yaml_parser_t *p, const char *text,
                    size_t len)
{
    if (unclosed_quote(diags, file, p, text, len) || colon_in_flow(diags, file, p, text, len))
        return;
    int line, col;
    if (p->error == YAML_READER_ERROR) {
        ytree_position(text, len, p->problem_offset, &line, &col);
    } else {
        line = (int)p->problem_mark.line + 1;
        col = (int)p->problem_mark.column + 1;
    }
    const char *problem = p->problem ? p->problem : "unknown problem";
    const char *hint = syntax_hint(problem);
    if (hint)
        diag_add(diags, DIAG_ERROR, file, line, col, "%s (YAML says: %s)", hint, problem);
    else
        diag_add(diags, DIAG_ERROR, file, line, col, "YAML syntax error: %s%s%s", problem,
                 p->context ? " " : "", p->context ? p->context : "");
}
