/* test_cec.c: app/cec.c with fake cec-client programs (shell scripts): the command on its
 * standard input, the latest wish sent last, a failure logged once, a hanging cec-client
 * never holding up the kiosk's exit. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/cec.h"
#include "check.h"

static char dir[] = "/tmp/kiosk-test-cec-XXXXXX";

static int64_t ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A fake cec-client: `body` as a shell script in dir/NAME; returns its path. */
static const char *fake(const char *name, const char *body)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return path;
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    chmod(path, 0755);
    return path;
}

static void read_text(const char *path, char *out, size_t n)
{
    out[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) return;
    size_t got = fread(out, 1, n - 1, f);
    out[got] = '\0';
    fclose(f);
}

/* Waits up to 10 s for `path` to hold `text`. */
static bool wait_for(const char *path, const char *text, char *buf, size_t n)
{
    for (int64_t end = ms() + 10000; ms() < end; usleep(20000)) {
        read_text(path, buf, n);
        if (strstr(buf, text)) return true;
    }
    return false;
}

static void test_commands_on_stdin(void)
{
    char log[300], buf[1024];
    snprintf(log, sizeof log, "%s/calls", dir);
    char body[512];
    snprintf(body, sizeof body, "echo \"$* | $(cat)\" >> %s", log);
    Cec *c = cec_create(fake("ok", body));
    CHECK(c != NULL);
    if (!c) return;
    cec_set(c, false);
    CHECK(wait_for(log, "-s -d 1 | standby 0\n", buf, sizeof buf));
    cec_set(c, true);
    CHECK(wait_for(log, "-s -d 1 | on 0\n", buf, sizeof buf));
    cec_destroy(c);
    CHECK_STR(buf, "-s -d 1 | standby 0\n-s -d 1 | on 0\n");
    unlink(log);
}

/* Off and on asked for while a slow cec-client runs: the TV ends up on. */
static void test_latest_wish_wins(void)
{
    char log[300], buf[1024];
    snprintf(log, sizeof log, "%s/slow-calls", dir);
    char body[512];
    snprintf(body, sizeof body, "sleep 0.3; echo \"$(cat)\" >> %s", log);
    Cec *c = cec_create(fake("slow", body));
    if (!c) {
        CHECK(false);
        return;
    }
    cec_set(c, false);
    usleep(50000); /* the first one runs */
    cec_set(c, true);
    cec_set(c, false);
    cec_set(c, true);
    CHECK(wait_for(log, "on 0\n", buf, sizeof buf));
    usleep(500000); /* nothing more comes */
    cec_destroy(c);
    read_text(log, buf, sizeof buf);
    CHECK_STR(buf, "standby 0\non 0\n");
    unlink(log);
}

/* A cec-client that hangs is ended when the kiosk quits: the exit does not wait for it. */
static void test_hang_does_not_block_exit(void)
{
    Cec *c = cec_create(fake("hang", "exec sleep 60"));
    if (!c) {
        CHECK(false);
        return;
    }
    cec_set(c, false);
    usleep(200000);
    int64_t t0 = ms();
    cec_destroy(c);
    int64_t took = ms() - t0;
    printf("  cec_destroy with a hanging cec-client took %lld ms\n", (long long)took);
    CHECK(took < 2000);
}

/* A missing cec-client and one that fails are each said once, not at every change. */
static void test_failure_logged_once(void)
{
    char errlog[300], buf[4096];
    snprintf(errlog, sizeof errlog, "%s/stderr", dir);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(errlog, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    Cec *missing = cec_create("/nonexistent/cec-client");
    Cec *failing = cec_create(fake("fail", "cat > /dev/null; echo 'ERROR: could not open a connection (no adapter found)'; exit 1"));
    for (int i = 0; i < 3 && missing && failing; i++) {
        cec_set(missing, i % 2);
        cec_set(failing, i % 2);
        usleep(150000);
    }
    cec_destroy(missing);
    cec_destroy(failing);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    read_text(errlog, buf, sizeof buf);
    printf("%s", buf);
    int n = 0;
    for (const char *p = buf; (p = strstr(p, "HDMI-CEC:")); p++) n++;
    CHECK_INT(n, 2);
    CHECK(strstr(buf, "cannot start /nonexistent/cec-client: No such file or directory") != NULL);
    CHECK(strstr(buf, "failed; it said: ERROR: could not open a connection (no adapter found)") != NULL);
    unlink(errlog);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    RUN(test_commands_on_stdin);
    RUN(test_latest_wish_wins);
    RUN(test_hang_does_not_block_exit);
    RUN(test_failure_logged_once);
    char path[300];
    const char *names[] = {"ok", "slow", "hang", "fail"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    return check_summary();
}
