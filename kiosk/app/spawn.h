/* spawn.h: starting a child process from the kiosk (the admin preview, cec-client).
 *
 * The kiosk blocks its signals in every thread (a sigwait thread takes them, app/signals.c),
 * and a spawned process inherits that mask: a child that cannot be stopped with SIGTERM would
 * hold up the kiosk's exit. So every child starts with no signal blocked. */
#ifndef KIOSK_SPAWN_H
#define KIOSK_SPAWN_H

#include <spawn.h>
#include <stdbool.h>

/* posix_spawn (search_path: posix_spawnp, `program` looked up on PATH) with no signal blocked
 * in the child. `fa` may be NULL. Returns 0 or the error number, as posix_spawn does. */
int spawn_child(pid_t *pid, const char *program, const posix_spawn_file_actions_t *fa,
                char *const argv[], bool search_path);

#endif
