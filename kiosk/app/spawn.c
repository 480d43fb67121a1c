/* spawn.c: see spawn.h. */
#include "app/spawn.h"

#include <signal.h>

extern char **environ;

int spawn_child(pid_t *pid, const char *program, const posix_spawn_file_actions_t *fa,
                char *const argv[], bool search_path)
{
    posix_spawnattr_t attr;
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    int rc = search_path ? posix_spawnp(pid, program, fa, &attr, argv, environ)
                         : posix_spawn(pid, program, fa, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    return rc;
}
