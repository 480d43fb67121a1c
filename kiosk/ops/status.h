/* status.h: what a running kiosk tells whoever looks after many of them (fleet health).
 *
 * A kiosk's state (the bundle on screen, whether the last load worked and what it said, since
 * when it runs, the last touch, whether the screen is on, the program's version, the host) in
 * two small files that tools people already run collect: status.json beside the statistics
 * (carried back by the same Syncthing folder or rsync, read by `kiosk --fleet`) and, when
 * asked for, a Prometheus text-format file for node_exporter's textfile collector. No server
 * of our own.
 *
 * This module only turns a KioskStatus into text and JSON text back into a KioskStatus, with
 * no clock and no file: the running kiosk (app/health.c) decides when to write, the fleet
 * report (app/fleet.c) reads. Every text field is cut to a named size on the way in, so a
 * hostile status.json cannot make anything large; invalid UTF-8 becomes U+FFFD. */
#ifndef KIOSK_STATUS_H
#define KIOSK_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATUS_FORMAT "kiosk-status/1" /* the value of "format" in status.json */
#define STATUS_JSON_NAME "status.json"

enum {
    STATUS_MAX_MESSAGES = 5,      /* the first few messages of the last load */
    STATUS_MESSAGE_BYTES = 256,   /* each cut to this, with "..." */
    STATUS_TEXT_BYTES = 128,      /* ids, versions, the host name */
    STATUS_MAX_FILE_BYTES = 16384, /* a status.json larger than this is not one of ours */
    STATUS_TEXT_SIZE = 8192,      /* enough for either format of any KioskStatus */
};

typedef struct KioskStatus {
    char hostname[STATUS_TEXT_BYTES];
    char kiosk_version[STATUS_TEXT_BYTES];
    bool running;          /* false in the last file a kiosk writes when it stops */
    int64_t written_s;     /* Unix seconds: when this was written */
    int64_t started_s;     /* Unix seconds: when the kiosk started */
    int64_t last_touch_s;  /* Unix seconds of the last touch or key; 0: none since the start */
    bool display_on;       /* false while the supervisor keeps the screen dark (closed hours) */
    char bundle_id[STATUS_TEXT_BYTES];      /* the bundle on screen */
    char bundle_version[STATUS_TEXT_BYTES];
    bool load_ok;          /* the last load of the configured bundle: valid (warnings allowed) */
    int n_messages;        /* stored below: at most STATUS_MAX_MESSAGES */
    int messages_total;    /* how many the load reported */
    char messages[STATUS_MAX_MESSAGES][STATUS_MESSAGE_BYTES];
} KioskStatus;

/* Copies `src` into `dst` (size bytes), cut at a character boundary (with "..." when cut),
 * invalid UTF-8 and control characters replaced, so the result is safe in JSON, a label
 * value and a terminal alike. */
void status_text(char *dst, size_t size, const char *src);

/* Keeps the first STATUS_MAX_MESSAGES non-empty lines of a load report (one problem per
 * line) as the messages, and their number as messages_total. */
void status_set_messages(KioskStatus *st, const char *report);

/* status.json: one JSON object. False (and err set) only when out of memory or `size` is too
 * small (STATUS_TEXT_SIZE always does). */
bool status_format_json(const KioskStatus *st, char *out, size_t size, char *err, size_t n);

/* The Prometheus text exposition format (version 0.0.4): # HELP and # TYPE before each
 * metric, label values escaped. False when `size` is too small. */
bool status_format_prometheus(const KioskStatus *st, char *out, size_t size);

/* Reads status.json text (len bytes; need not be NUL-terminated) into *st. False with a
 * plain-language reason in err (n bytes) when it is not JSON, not an object, not this format,
 * or a field is missing or of the wrong type. Never trusts a size or type from the text. */
bool status_parse_json(const char *text, size_t len, KioskStatus *st, char *err, size_t n);

#endif
