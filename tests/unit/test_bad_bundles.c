/* test_bad_bundles.c: every broken bundle is refused with the exact file:line:col and message.
 *
 * Static cases live in tests/bad/NAME/ with the expected errors in expect.txt (one per line,
 * file names relative to the case folder; '#' lines are comments, and "# warnings too" makes
 * the warnings part of what is expected, in order, so a case may also be a bundle that loads
 * with exactly these warnings). Cases that cannot sit in git sensibly (50 MB file,
 * binary garbage, symlinks, 10,000 items...) are generated into a temporary folder here. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "check.h"

static const char *BASE =
    "format: 1\n"
    "meta:\n"
    "  id: t\n"
    "  title: Test\n"
    "  version: \"1\"\n"
    "  languages: [nl, en]\n"
    "  default_language: nl\n"
    "home:\n"
    "  tiles:\n"
    "    - target: things\n"
    "collections:\n"
    "  - id: things\n"
    "    title: Dingen\n"
    "    items:\n"
    "      - id: one\n"
    "        title: Een\n";

/* Loads dir and compares its errors (file names made relative to dir) with want[]; with
 * `warnings`, its warnings too (and then a bundle with warnings only must load). */
static void expect_diags(const char *dir, const char *const *want, size_t n_want, bool warnings)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    bool want_error = !warnings;
    for (size_t i = 0; i < n_want; i++)
        if (strstr(want[i], ": error: ")) want_error = true;
    CHECK(want_error ? b == NULL : b != NULL);
    bundle_free(b);
    size_t n_err = 0, prefix = strlen(dir) + 1;
    for (size_t i = 0; i < d.count; i++) {
        if (d.items[i].severity != DIAG_ERROR && !warnings) continue;
        char line[2048];
        diag_format(&d.items[i], line, sizeof line);
        const char *rel = strncmp(line, dir, prefix - 1) == 0 ? line + prefix : line;
        if (n_err < n_want) {
            if (strcmp(rel, want[n_err]) != 0) fprintf(stderr, "in %s:\n", dir);
            CHECK_STR(rel, want[n_err]);
        }
        n_err++;
    }
    if (n_err != n_want) {
        fprintf(stderr, "in %s:\n", dir);
        diags_print(&d, stderr);
    }
    CHECK_INT(n_err, n_want);
    diags_free(&d);
}

static void expect_errors(const char *dir, const char *const *want, size_t n_want)
{
    expect_diags(dir, want, n_want, false);
}

static void run_static_case(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/expect.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    /* One expected line each; '#' starts a comment, and the comment "# warnings too" makes
     * the warnings part of what is expected. */
    char *lines[16];
    size_t n = 0;
    bool warnings = false;
    char buf[2048];
    while (n < 16 && fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (strcmp(buf, "# warnings too") == 0) warnings = true;
        if (buf[0] && buf[0] != '#') lines[n++] = strdup(buf);
    }
    fclose(f);
    CHECK(n > 0);
    expect_diags(dir, (const char *const *)lines, n, warnings);
    for (size_t i = 0; i < n; i++) free(lines[i]);
}

static int count_static;

static void test_static_corpus(void)
{
    DIR *d = opendir("tests/bad");
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char dir[512];
        snprintf(dir, sizeof dir, "tests/bad/%s", e->d_name);
        run_static_case(dir);
        count_static++;
    }
    closedir(d);
    CHECK(count_static >= 25);
}

/* ---- generated cases ---------------------------------------------------------------------- */

static char tmp_root[256];

static const char *new_case(const char *name)
{
    static char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", tmp_root, name);
    mkdir(dir, 0755);
    return dir;
}

static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(data, 1, len, f);
    fclose(f);
}

static void write_text(const char *dir, const char *name, const char *s)
{
    write_file(dir, name, s, strlen(s));
}

static void test_binary_garbage(void)
{
    const char *dir = new_case("binary-garbage");
    unsigned char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)((x = x * 1103515245 + 12345) >> 16);
    junk[0] = 0x00;
    write_file(dir, "bundle.yaml", junk, sizeof junk);
    const char *want[] = {"bundle.yaml:1:1: error: the file contains binary data or control "
                          "characters; is it really a YAML text file? (YAML says: control "
                          "characters are not allowed)"};
    expect_errors(dir, want, 1);
}

static void test_invalid_utf8(void)
{
    const char *dir = new_case("invalid-utf8");
    char text[1024];
    snprintf(text, sizeof text, "%.*sEen \xC3\x28 twee\n", (int)(strlen(BASE) - 4), BASE);
    write_text(dir, "bundle.yaml", text);
    const char *want[] = {"bundle.yaml:16:21: error: the file is not valid UTF-8 text; save it "
                          "as UTF-8 (YAML says: invalid trailing UTF-8 octet)"};
    expect_errors(dir, want, 1);
}

static void test_huge_file(void)
{
    const char *dir = new_case("huge-file");
    char path[1024];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK_INT(ftruncate(fileno(f), 50L * 1024 * 1024), 0);
    fclose(f);
    const char *want[] = {"bundle.yaml: error: the file is 50.0 MB; a YAML file may be at most 4 "
                          "MB (put pictures in separate image files)"};
    expect_errors(dir, want, 1);
}

static void test_deep_nesting(void)
{
    const char *dir = new_case("deep-nesting");
    size_t depth = 10000;
    char *text = malloc(depth * 2 + 64);
    size_t n = (size_t)sprintf(text, "format: 1\nmeta: ");
    for (size_t i = 0; i < depth; i++) text[n++] = '[';
    for (size_t i = 0; i < depth; i++) text[n++] = ']';
    text[n++] = '\n';
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:2:70: error: nested more than 64 levels deep; a bundle "
                          "never needs this much nesting"};
    expect_errors(dir, want, 1);
}

static void test_symlink_out(void)
{
    const char *dir = new_case("symlink-out");
    char text[2048], path[1024];
    snprintf(text, sizeof text, "%s        image: images/escape.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    snprintf(path, sizeof path, "%s/images", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/images/escape.png", dir);
    CHECK_INT(symlink("/etc/hostname", path), 0);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'images/escape.png' points "
                          "outside the bundle folder through a symbolic link; copy the file into "
                          "the bundle instead"};
    expect_errors(dir, want, 1);
}

static void test_symlinked_folder_out(void)
{
    /* The whole pics/ folder is a link to a folder outside the bundle, holding a real PNG. */
    const char *dir = new_case("symlink-folder-out");
    char text[2048], outside[600], link[600];
    snprintf(outside, sizeof outside, "%s/elsewhere", tmp_root);
    mkdir(outside, 0755);
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    write_file(outside, "secret.png", png, sizeof png);
    snprintf(link, sizeof link, "%s/pics", dir);
    CHECK_INT(symlink(outside, link), 0);
    snprintf(text, sizeof text, "%s        image: pics/secret.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'pics/secret.png' points "
                          "outside the bundle folder through a symbolic link; copy the file into "
                          "the bundle instead"};
    expect_errors(dir, want, 1);
}

static void test_too_many_items(void)
{
    const char *dir = new_case("too-many-items");
    size_t cap = 10001 * 48 + 1024, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n, "%s", BASE);
    for (int i = 0; i < 10000; i++)
        n += (size_t)sprintf(text + n, "      - id: x%d\n        title: X\n", i);
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:20015:9: error: the bundle has more than 10000 items; "
                          "split it into more bundles"};
    expect_errors(dir, want, 1);
}

static void test_huge_png(void)
{
    const char *dir = new_case("huge-png");
    char text[2048], path[1024];
    snprintf(text, sizeof text, "%s        image: bomb.png\n", BASE);
    write_text(dir, "bundle.yaml", text);
    /* Only the header matters: the checker must refuse before any decoder runs. */
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30,
                                        8, 6, 0, 0, 0, 0, 0, 0, 0};
    snprintf(path, sizeof path, "bomb.png");
    write_file(dir, path, png, sizeof png);
    const char *want[] = {"bundle.yaml:17:16: error: the picture 'bomb.png' is 30000 x 30000 "
                          "pixels; the limit is 8192 x 8192, so scale it down"};
    expect_errors(dir, want, 1);
}

static void test_megabyte_string(void)
{
    const char *dir = new_case("megabyte-string");
    size_t big = 1024 * 1024, n = 0;
    char *text = malloc(big + 4096);
    n += (size_t)sprintf(text + n, "%s        subtitle: ", BASE);
    memset(text + n, 'a', big);
    n += big;
    text[n++] = '\n';
    write_file(dir, "bundle.yaml", text, n);
    free(text);
    const char *want[] = {"bundle.yaml:17:19: error: this text is 1048576 bytes long; the limit "
                          "is 16384 (about 10 screens)"};
    expect_errors(dir, want, 1);
}

static void test_include_chain(void)
{
    /* bundle.yaml includes f1.yaml, which includes f2.yaml ... up to f70.yaml. */
    const char *dir = new_case("include-chain");
    char text[2048], name[32];
    snprintf(text, sizeof text, "%sinclude: [f1.yaml]\n", BASE);
    write_text(dir, "bundle.yaml", text);
    for (int i = 1; i <= 70; i++) {
        snprintf(name, sizeof name, "f%d.yaml", i);
        snprintf(text, sizeof text, "include: [f%d.yaml]\n", i + 1);
        write_text(dir, name, i == 70 ? "{}\n" : text);
    }
    const char *want[] = {"f63.yaml:1:11: error: too many included files; a bundle may have at "
                          "most 64"};
    expect_errors(dir, want, 1);
}

int main(void)
{
    snprintf(tmp_root, sizeof tmp_root, "/tmp/kiosk-bad-XXXXXX");
    if (!mkdtemp(tmp_root)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_static_corpus);
    RUN(test_binary_garbage);
    RUN(test_invalid_utf8);
    RUN(test_huge_file);
    RUN(test_deep_nesting);
    RUN(test_symlink_out);
    RUN(test_symlinked_folder_out);
    RUN(test_too_many_items);
    RUN(test_huge_png);
    RUN(test_megabyte_string);
    RUN(test_include_chain);
    fprintf(stderr, "%d static cases in tests/bad, 10 generated cases in %s\n", count_static,
            tmp_root);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmp_root);
    return check_summary();
}
