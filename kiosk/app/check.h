/* check.h: `kiosk --check`: load a bundle, print its problems or a short summary. */
#ifndef KIOSK_CHECK_CMD_H
#define KIOSK_CHECK_CMD_H

#include <stdio.h>

/* Returns the process exit code: 0 for a valid bundle (warnings allowed), 1 otherwise. */
int check_run(const char *dir, FILE *out, FILE *err);

/* `kiosk --check --config FILE`: the settings file's problems (file:line:col), and which
 * bundle shows on which dates; 0 when it has no errors, 1 otherwise. */
int check_settings(const char *path, FILE *out, FILE *err);

#endif
