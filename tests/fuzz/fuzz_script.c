/* fuzz_script.c: libFuzzer target for the replay script parser (app/script.h).
 *
 * The input is a whole script. script_parse() must either return the steps or an error with
 * its line and column, never read past the input or overflow a step's name; the parsed steps
 * are checked against the limits the header promises. Built and run by tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Script script;
    char err[256];
    if (script_parse((const char *)data, size, &script, err, sizeof err)) {
        if (script.n > SCRIPT_MAX_STEPS) abort();
        for (size_t i = 0; i < script.n; i++)
            if (strnlen(script.steps[i].arg, SCRIPT_MAX_ARG) == SCRIPT_MAX_ARG) abort();
    } else if (err[0] == '\0') {
        abort(); /* a refused script must say why */
    }
    script_free(&script);
    return 0;
}
