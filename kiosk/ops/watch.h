/* watch.h: notices changes to a bundle folder (inotify), including a `current` symlink flip.
 *
 * A background thread blocks on inotify and calls `on_change` (from that thread) after any
 * change; the caller debounces and reloads. Linux only; elsewhere watch_start returns NULL. */
#ifndef KIOSK_WATCH_H
#define KIOSK_WATCH_H

typedef struct Watch Watch;
typedef void (*WatchFn)(void *ctx);

/* Watches `path` (a bundle folder or a symlink to one), its subfolders, and the folder holding
 * it (for a symlink flip or the folder being replaced). NULL with a message on failure. */
Watch *watch_start(const char *path, WatchFn on_change, void *ctx);
void watch_stop(Watch *w);

/* A cheap fingerprint of every file in the folder (names, sizes, modification times), used to
 * make sure nothing changed while a bundle was being loaded. */
unsigned long long watch_fingerprint(const char *path);

#endif
