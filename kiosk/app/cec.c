/* cec.c: one worker thread running cec-client; see cec.h for the why.
 *
 * The command is written into a pipe before cec-client starts and the pipe becomes its
 * standard input, so the kiosk never writes to a process that may already have died (no
 * SIGPIPE). Its output is read (for the message when it fails) until it ends or
 * CEC_TIMEOUT_MS pass; a cec-client that hangs is killed, so the next wish still goes out.
 * cec_destroy ends a running one the same way, so quitting never waits on a TV. */
#define _GNU_SOURCE /* pipe2 */
#include "app/cec.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/spawn.h"
#include "core/log.h"

enum {
    CEC_TIMEOUT_MS = 20000, /* cec-client scans for adapters first: seconds, not minutes */
    CEC_OUTPUT = 512,       /* the end of its output, for the log */
    CEC_NONE = -1,          /* nothing sent yet */
};

struct Cec {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int want, sent;  /* 0 standby, 1 on, CEC_NONE */
    bool stop;
    bool complained; /* a failure was logged: the next ones are not */
    pid_t child;     /* running now, 0: none (under mu) */
    pthread_t thread;
    char program[256];
};

/* Reads the child's output until it ends or the time is up; keeps the last bytes. */
static bool read_output(int fd, char *out, size_t n)
{
    size_t used = 0;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = CEC_TIMEOUT_MS - ((now.tv_sec - start.tv_sec) * 1000 +
                                      (now.tv_nsec - start.tv_nsec) / 1000000);
        if (left <= 0) return false;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)left);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        char buf[256];
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return true; /* end of output: it has exited (or closed it) */
        for (ssize_t i = 0; i < got; i++) {
            if (used + 1 >= n) { /* keep the end: shift out the oldest half */
                memmove(out, out + n / 2, used - n / 2);
                used -= n / 2;
            }
            out[used++] = buf[i];
        }
        out[used] = '\0';
    }
}

static pid_t spawn(Cec *c, int in, int out)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, out, STDERR_FILENO);
    char *argv[] = {c->program, "-s", "-d", "1", NULL};
    pid_t pid = 0;
    int rc = spawn_child(&pid, c->program, &fa, argv, true);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) errno = rc;
    return rc == 0 ? pid : 0;
}

/* Runs `cec-client -s -d 1` with `command` on its input; false with the reason in why. */
static bool run(Cec *c, const char *command, char *why, size_t n)
{
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) {
        snprintf(why, n, "%s", strerror(errno));
        return false;
    }
    if (pipe2(out, O_CLOEXEC) != 0) {
        snprintf(why, n, "%s", strerror(errno));
        close(in[0]), close(in[1]);
        return false;
    }
    ssize_t len = (ssize_t)strlen(command);
    bool wrote = write(in[1], command, (size_t)len) == len; /* fits the pipe's buffer */
    close(in[1]);
    pthread_mutex_lock(&c->mu);
    pid_t pid = c->stop ? 0 : spawn(c, in[0], out[1]);
    int spawn_errno = errno;
    c->child = pid;
    pthread_mutex_unlock(&c->mu);
    close(in[0]), close(out[1]);
    if (!pid) {
        close(out[0]);
        snprintf(why, n, "cannot start %s: %s", c->program, strerror(spawn_errno));
        return false;
    }
    char output[CEC_OUTPUT] = "";
    bool ended = read_output(out[0], output, sizeof output);
    close(out[0]);
    if (!ended) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    pthread_mutex_lock(&c->mu);
    c->child = 0;
    pthread_mutex_unlock(&c->mu);
    if (wrote && ended && WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    size_t l = strlen(output);
    while (l && (output[l - 1] == '\n' || output[l - 1] == '\r')) output[--l] = '\0';
    const char *last = strrchr(output, '\n');
    snprintf(why, n, "%s %s%s%s", c->program,
             !ended ? "did not finish within 20 s (killed)"
             : WIFEXITED(status) ? "failed" : "was killed",
             *output ? "; it said: " : "", last ? last + 1 : output);
    return false;
}

static void *worker(void *arg)
{
    Cec *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->stop && c->want == c->sent) pthread_cond_wait(&c->cv, &c->mu);
        if (c->stop) break;
        int want = c->want;
        pthread_mutex_unlock(&c->mu);
        char why[CEC_OUTPUT + 128];
        bool ok = run(c, want ? "on 0\n" : "standby 0\n", why, sizeof why);
        pthread_mutex_lock(&c->mu);
        c->sent = want; /* failed or not: it is not retried until the next change */
        if (ok) log_notice("HDMI-CEC: the TV was sent %s", want ? "on" : "to standby");
        else if (!c->complained && !c->stop) /* not the one ended by cec_destroy */
            log_warning("HDMI-CEC: %s; the screen is drawn black instead (further CEC "
                        "failures are not logged; see docs/operating.md)", why);
        c->complained = c->complained || !ok;
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

Cec *cec_create(const char *program)
{
    Cec *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    snprintf(c->program, sizeof c->program, "%s", program ? program : "cec-client");
    c->want = c->sent = CEC_NONE;
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->thread, NULL, worker, c) != 0) {
        log_error("HDMI-CEC: cannot start a thread; the screen is drawn black instead");
        pthread_cond_destroy(&c->cv);
        pthread_mutex_destroy(&c->mu);
        free(c);
        return NULL;
    }
    return c;
}

void cec_set(Cec *c, bool on)
{
    pthread_mutex_lock(&c->mu);
    c->want = on;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

void cec_destroy(Cec *c)
{
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    c->stop = true;
    if (c->child) kill(c->child, SIGTERM);
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->thread, NULL);
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
