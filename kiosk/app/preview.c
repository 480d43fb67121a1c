/* preview.c: posix_spawn and a non-blocking waitpid; see preview.h for why a process. */
#include "app/preview.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "app/spawn.h"
#include "core/log.h"

bool preview_start(Preview *p, const char *program, const char *dir, int w, int h,
                   const char *bundle)
{
    if (p->pid) return true; /* one at a time */
    char size[32];
    snprintf(size, sizeof size, "%dx%d", w, h);
    char *argv[] = {(char *)program, "--render-all", (char *)dir, "--size", size,
                    (char *)bundle, NULL};
    /* With its signals unblocked (app/spawn.h): preview_stop's SIGTERM must not wait for the
     * whole render to finish. */
    int rc = spawn_child(&p->pid, program, NULL, argv, false);
    if (rc != 0) {
        p->pid = 0;
        log_error("cannot start the preview (%s): %s", program, strerror(rc));
        return false;
    }
    log_info("rendering a preview of every screen into %s (process %d)", dir, (int)p->pid);
    return true;
}

bool preview_finished(Preview *p, bool *ok)
{
    if (!p->pid) return false;
    int status;
    pid_t r = waitpid(p->pid, &status, WNOHANG);
    if (r == 0 || (r < 0 && errno == EINTR)) return false;
    *ok = r == p->pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    p->pid = 0;
    return true;
}

void preview_stop(Preview *p)
{
    if (!p->pid) return;
    kill(p->pid, SIGTERM);
    waitpid(p->pid, NULL, 0);
    p->pid = 0;
}
