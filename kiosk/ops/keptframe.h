/* keptframe.h: the first frame of the last start, kept on disk for the next one.
 *
 * A kiosk starts again more often than it is set up: after a crash, an update, the watchdog,
 * the nightly reboot of a school's machines. Its first frame costs the layout, the texts and
 * the pictures (about 45 ms at 1920x1080 here, docs/performance.md), after SDL took its
 * own 40 ms. So the pixels of a start's first frame are kept, with a key of everything that
 * decides them (the program, the settings file, the bundle's files, the command line, the
 * day, the screen); the next start whose key matches presents them as soon as its window is
 * open, then draws its own first frame as always. That frame is compared with the kept one:
 * equal, nothing more happens; different (something the key does not cover), it is shown at
 * once and kept instead. The window does the showing (platform/window.c); this is the file.
 *
 * The file is read like any input the kiosk did not write itself: its size, the frame's size
 * and pixel format must be exactly those of the window, and the pixels come from an LZ4 frame
 * with its content checksum (liblz4, in the process already through libsystemd), so a
 * damaged or foreign file is refused, never shown in part. */
#ifndef KIOSK_KEPTFRAME_H
#define KIOSK_KEPTFRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The file: $CACHE_DIRECTORY/first-frame (the unit's CacheDirectory=), else
 * $XDG_CACHE_HOME/kiosk/first-frame, else ~/.cache/kiosk/first-frame. False when none of them
 * is set, or when KIOSK_KEPT_FRAME=0 (the tests: a frame kept by one would show in another). */
bool keptframe_path(char *buf, size_t n);

/* Mixes into the key `h` what identifies a file's content without reading it: its path,
 * device, inode, size and change time (nanoseconds); a missing file mixes in its path only. */
uint64_t keptframe_key_file(uint64_t h, const char *path);

/* Reads the frame kept for `key` as w x h pixels of 4 bytes in `format` (an SDL pixel format
 * number, compared, not interpreted) into `pixels`, `pitch` bytes a row, and its
 * keptframe_hash. False when there is none, it was kept for another key or screen, or the
 * file is damaged; `why` says which. `pixels` may then hold part of a frame. */
bool keptframe_read(const char *path, uint64_t key, int w, int h, uint32_t format, void *pixels,
                    int pitch, uint64_t *pixel_hash, char *why, size_t n);

/* A hash of w x h pixels of 4 bytes (64-bit FNV-1a over 8-byte words), stored with the kept
 * frame: the first frame drawn is compared with the kept one by this, the kept pixels being
 * gone by then (they were read straight into the window). */
uint64_t keptframe_hash(const void *pixels, int w, int h, int pitch);

/* Keeps the frame (replacing the file atomically; its folder is made when missing). */
bool keptframe_write(const char *path, uint64_t key, int w, int h, uint32_t format,
                     const void *pixels, int pitch, char *why, size_t n);

#endif
