/* check.h: `kiosk --check`: load a bundle, print its problems or a short summary. */
#ifndef KIOSK_CHECK_CMD_H
#define KIOSK_CHECK_CMD_H

#include <stdio.h>

/* Returns the process exit code: 0 for a valid bundle (warnings allowed), 1 otherwise. */
int check_run(const char *dir, FILE *out, FILE *err);

#endif
