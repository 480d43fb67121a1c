/* watch.c: inotify on the bundle folder, its subfolders and its parent.
 *
 * The watch set is rebuilt after every batch of events, because a deploy may replace the
 * folder, flip the symlink to a new one, or add subfolders: re-resolving the path each time
 * follows all of those. The thread sleeps in poll() until an event or a stop request (an
 * eventfd), so between changes it costs nothing.
 *
 * A file system mounted on a folder that already exists (a USB stick mounted again where the
 * last one was, as systemd-mount leaves its mount points) gives no inotify event at all, and
 * neither does a lazy unmount; the kernel marks every change of the mount table on
 * /proc/self/mountinfo instead (POLLPRI), so that counts as a change too. */
#define _GNU_SOURCE
#include "core/util.h"
#include "ops/watch.h"
#include "core/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

enum { WATCH_MAX_DIRS = 256 };

struct Watch {
    char path[PATH_MAX];
    int fd;
    int wake; /* eventfd: watch_stop wakes the thread without a polling timeout */
    int mounts; /* /proc/self/mountinfo, polled for POLLPRI; -1 when it cannot be opened */
    pthread_t thread;
    atomic_bool stop;
    WatchFn fn;
    void *ctx;
};

static const unsigned EVENTS = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                               IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

/* Calls fn for every visible entry of `dir` (lstat when !follow, so a symlinked folder is
 * not entered); the order is readdir's. */
typedef void (*EntryFn)(void *ctx, const char *path, const char *name, const struct stat *st);
static void each_entry(const char *dir, bool follow, EntryFn fn, void *ctx)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[PATH_MAX];
        if ((size_t)snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name) >= sizeof sub) continue;
        struct stat st;
        if ((follow ? stat(sub, &st) : lstat(sub, &st)) == 0) fn(ctx, sub, e->d_name, &st);
    }
    closedir(d);
}

typedef struct TreeWalk {
    Watch *w;
    int depth, *count;
} TreeWalk;

static void add_tree(Watch *w, const char *dir, int depth, int *count);

static void add_subfolder(void *ctx, const char *path, const char *name, const struct stat *st)
{
    const TreeWalk *t = ctx;
    (void)name;
    if (S_ISDIR(st->st_mode)) add_tree(t->w, path, t->depth + 1, t->count);
}

static void add_tree(Watch *w, const char *dir, int depth, int *count)
{
    if (*count >= WATCH_MAX_DIRS || depth > 4) return;
    if (inotify_add_watch(w->fd, dir, EVENTS) >= 0) (*count)++;
    each_entry(dir, false, add_subfolder, &(TreeWalk){w, depth, count});
}

/* (Re)creates the watch set: the parent folder, and the real folder the path points to. */
static void rewatch(Watch *w)
{
    if (w->fd >= 0) close(w->fd);
    w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->fd < 0) return;
    int count = 0;
    char parent[PATH_MAX];
    path_dir(w->path, parent, sizeof parent);
    if (inotify_add_watch(w->fd, parent, IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM) >= 0)
        count++;
    char real[PATH_MAX];
    if (realpath(w->path, real)) add_tree(w, real, 0, &count);
}

static void *run(void *arg)
{
    Watch *w = arg;
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (!atomic_load(&w->stop)) {
        struct pollfd p[3] = {{.fd = w->fd, .events = POLLIN}, {.fd = w->wake, .events = POLLIN},
                              {.fd = w->mounts, .events = POLLPRI}};
        int r = poll(p, 3, -1); /* a negative fd (no mountinfo) is skipped by poll */
        if (r <= 0 || (p[1].revents & POLLIN)) continue;
        /* The kernel reports each change of the mount table once (mounts_poll). */
        bool changed = p[2].revents & (POLLPRI | POLLERR);
        for (;;) {
            ssize_t n = read(w->fd, buf, sizeof buf);
            if (n <= 0) break;
            changed = true;
        }
        if (changed) {
            rewatch(w);
            w->fn(w->ctx);
        }
    }
    return NULL;
}

Watch *watch_start(const char *path, WatchFn on_change, void *ctx)
{
    Watch *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    snprintf(w->path, sizeof w->path, "%s", path);
    size_t l = strlen(w->path);
    while (l > 1 && w->path[l - 1] == '/') w->path[--l] = '\0';
    w->fd = -1;
    w->fn = on_change;
    w->ctx = ctx;
    rewatch(w);
    w->wake = eventfd(0, EFD_CLOEXEC);
    w->mounts = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (w->fd < 0 || w->wake < 0) {
        if (w->wake >= 0) close(w->wake);
        if (w->mounts >= 0) close(w->mounts);
        log_error("cannot watch %s for changes: %s", path, strerror(errno));
        free(w);
        return NULL;
    }
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        close(w->fd);
        close(w->wake);
        if (w->mounts >= 0) close(w->mounts);
        free(w);
        return NULL;
    }
    return w;
}

void watch_stop(Watch *w)
{
    if (!w) return;
    atomic_store(&w->stop, true);
    uint64_t one = 1;
    if (write(w->wake, &one, sizeof one) < 0) { /* the thread then notices on its next event */
    }
    pthread_join(w->thread, NULL);
    close(w->wake);
    if (w->fd >= 0) close(w->fd);
    if (w->mounts >= 0) close(w->mounts);
    free(w);
}

typedef struct Print {
    unsigned long long h;
    int depth;
} Print;

static unsigned long long fingerprint_dir(const char *dir, int depth);

static void print_entry(void *ctx, const char *path, const char *name, const struct stat *st)
{
    Print *p = ctx;
    /* Order-independent: readdir order may differ between two scans of the same folder. */
    unsigned long long f = hash_str(name);
    f = hash_u64(f, (unsigned long long)st->st_size);
    /* Permissions count as a change: a file made readable again by chmod (no new content,
     * no new time) must be loaded again, and one made unreadable must be noticed. */
    f = hash_u64(f, (unsigned long long)st->st_mode);
    f = hash_u64(f, access(path, R_OK) == 0);
    f = hash_u64(f, (unsigned long long)st->st_mtim.tv_sec * 1000000000ull + (unsigned long long)st->st_mtim.tv_nsec);
    if (S_ISDIR(st->st_mode)) f = hash_u64(f, fingerprint_dir(path, p->depth + 1));
    p->h += f;
}

static unsigned long long fingerprint_dir(const char *dir, int depth)
{
    Print p = {hash_start(HASH_SEED), depth};
    if (depth <= 4) each_entry(dir, true, print_entry, &p);
    return p.h;
}

unsigned long long watch_fingerprint(const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real)) return 0;
    unsigned long long h = fingerprint_dir(real, 0);
    h = hash_bytes(h, real, strlen(real)); /* a symlink flip counts */
    return h;
}
