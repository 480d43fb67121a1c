/* signals.c: sigwait in a detached thread; a small lock-free queue of received signals. */
#include "app/signals.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>

enum { QUEUE = 16 };

static sigset_t set;
static atomic_int queue[QUEUE];
static atomic_uint head, tail;
static void (*wake_fn)(void *ctx);
static void *wake_ctx;

void signals_block(void)
{
    sigemptyset(&set);
    int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaddset(&set, sigs[i]);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

static void *receive(void *arg)
{
    (void)arg;
    for (;;) {
        int sig;
        if (sigwait(&set, &sig) != 0) continue;
        unsigned t = atomic_load(&tail);
        /* Sixteen signals not yet taken means the loop is stuck: then the watchdog acts. */
        if (t - atomic_load(&head) < QUEUE) {
            atomic_store(&queue[t % QUEUE], sig);
            atomic_store(&tail, t + 1);
        }
        wake_fn(wake_ctx);
    }
    return NULL;
}

bool signals_start(void (*wake)(void *ctx), void *ctx)
{
    wake_fn = wake;
    wake_ctx = ctx;
    pthread_t t;
    if (pthread_create(&t, NULL, receive, NULL) != 0) return false;
    pthread_detach(t);
    return true;
}

int signals_take(void)
{
    unsigned h = atomic_load(&head);
    if (h == atomic_load(&tail)) return 0;
    int sig = atomic_load(&queue[h % QUEUE]);
    atomic_store(&head, h + 1);
    return sig;
}
