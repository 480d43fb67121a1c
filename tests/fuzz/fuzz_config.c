/* fuzz_config.c: libFuzzer target for the local config file and the opening-hours parser.
 *
 * The input is written to config.yaml in a temporary folder made once per process (mkdtemp,
 * removed at exit) and read with config_load(), which must always leave a complete config to
 * free. The same bytes, NUL-terminated, are then given to hours_parse() as a week of opening
 * hours. Built and run by tests/fuzz/run.sh. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ops/config.h"
#include "ops/hours.h"

static char dir[PATH_MAX];
static char config_path[PATH_MAX + 32];

/* Where the per-run file goes: $TMPDIR (run.sh points it at a folder in /dev/shm that it
 * removes at the end, also after a crash, when atexit() does not run), else /dev/shm, else
 * /tmp. Memory, when it can: rewriting a file on ext4 flushes it to disk on close
 * (auto_da_alloc), about 2.5 ms a run against 3 us on tmpfs. */
static const char *temp_base(void)
{
    const char *t = getenv("TMPDIR");
    if (t && t[0]) return t;
    return access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
}

static void die(const char *what)
{
    perror(what);
    abort();
}

static void remove_dir(void)
{
    remove(config_path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/fuzz_config.XXXXXX", temp_base());
    if (!mkdtemp(dir)) die("mkdtemp");
    snprintf(config_path, sizeof config_path, "%s/config.yaml", dir);
    atexit(remove_dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(config_path, "wb");
    if (!f) die(config_path);
    if (size && fwrite(data, 1, size, f) != size) die(config_path);
    if (fclose(f) != 0) die(config_path);

    Diags diags;
    diags_init(&diags);
    KioskConfig config;
    config_load(config_path, &config, &diags);
    config_free(&config);
    diags_free(&diags);

    char *text = malloc(size + 1);
    if (!text) die("malloc");
    memcpy(text, data, size);
    text[size] = '\0';
    Hours hours;
    char err[HOURS_ERR_SIZE];
    hours_parse(text, &hours, err, sizeof err);
    free(text);
    return 0;
}
