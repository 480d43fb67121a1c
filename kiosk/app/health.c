/* health.c: see health.h.
 *
 * Each write formats both files from one KioskStatus and replaces them with fileio_replace
 * (temporary file, fsync, rename), so node_exporter, Syncthing, rsync and `kiosk --fleet`
 * never read half a file. A write that fails (the folder missing, a full disk) is said once
 * in the log, with the setting that turns it off, and tried again at the next heartbeat, not
 * sooner: a broken disk must not turn into a busy loop or a log line a minute. */
#include "app/health.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

void health_init(Health *h, const KioskConfig *cfg, const char *hostname, int64_t now)
{
    memset(h, 0, sizeof *h);
    /* Without a settings file (trying the kiosk out, the quick start) the default folder is
     * only used when it is there to be written, as the package makes it: nobody asked for
     * fleet health, so its absence is not worth a warning every minute. */
    bool unasked = !cfg->found && cfg->status_dir && access(cfg->status_dir, W_OK) != 0;
    if (unasked)
        log_info("no status file (fleet health): no settings file, and %s cannot be written",
                 cfg->status_dir);
    if (cfg->status_dir && !unasked)
        snprintf(h->json_path, sizeof h->json_path, "%s%s%s", cfg->status_dir,
                 cfg->status_dir[strlen(cfg->status_dir) - 1] == '/' ? "" : "/",
                 STATUS_JSON_NAME);
    if (cfg->prometheus_textfile)
        snprintf(h->prom_path, sizeof h->prom_path, "%s", cfg->prometheus_textfile);
    char host[STATUS_TEXT_BYTES] = "";
    if (!hostname && gethostname(host, sizeof host - 1) == 0) hostname = host;
    status_text(h->st.hostname, sizeof h->st.hostname, hostname ? hostname : "?");
    status_text(h->st.kiosk_version, sizeof h->st.kiosk_version, KIOSK_VERSION);
    h->st.running = true;
    h->st.display_on = true;
    h->st.load_ok = true;
    h->started_ms = now;
    h->touch_ms = INT64_MIN;
    h->dirty = true;
}

void health_load(Health *h, bool ok, const char *report)
{
    h->st.load_ok = ok;
    status_set_messages(&h->st, report);
    h->dirty = true;
}

void health_touch(Health *h, int64_t now)
{
    h->touch_ms = now;
}

/* Writes one file; says so once when it fails and once when it works again. */
static void write_one(Health *h, int which, const char *path, const char *text)
{
    char err[FILEIO_MAX_PATH + 256];
    bool ok = fileio_replace(path, text, strlen(text), NULL, err, sizeof err);
    if (ok) h->writes++;
    if (!ok && !h->failing[which])
        log_warning("cannot write the status file (fleet health): %s; trying again every "
                    "minute (%s: off in the settings turns it off)", err,
                    which == 0 ? "status_dir" : "prometheus_textfile");
    else if (ok && h->failing[which])
        log_notice("the status file %s is written again", path);
    h->failing[which] = !ok;
}

static void write_files(Health *h, int64_t now, int64_t wall)
{
    KioskStatus *st = &h->st;
    st->written_s = wall;
    st->started_s = wall - (now - h->started_ms) / 1000;
    st->last_touch_s = h->touch_ms == INT64_MIN ? 0 : wall - (now - h->touch_ms) / 1000;
    if (st->started_s < 0) st->started_s = 0;
    if (st->last_touch_s < 0) st->last_touch_s = 0;
    char text[STATUS_TEXT_SIZE], err[256];
    if (h->json_path[0]) {
        if (status_format_json(st, text, sizeof text, err, sizeof err))
            write_one(h, 0, h->json_path, text);
        else log_error("status file: %s", err);
    }
    if (h->prom_path[0]) {
        if (status_format_prometheus(st, text, sizeof text)) write_one(h, 1, h->prom_path, text);
        else log_error("status file: the Prometheus text does not fit");
    }
}

/* Copies `src` into the status field `dst`; true when that changed it. */
static bool update(char *dst, size_t size, const char *src)
{
    char clean[STATUS_TEXT_BYTES];
    status_text(clean, sizeof clean < size ? sizeof clean : size, src ? src : "");
    if (strcmp(clean, dst) == 0) return false;
    snprintf(dst, size, "%s", clean);
    return true;
}

int64_t health_step(Health *h, const Bundle *b, bool display_on, bool quiet, int64_t now,
                    int64_t wall)
{
    if (!h->json_path[0] && !h->prom_path[0]) return INT64_MAX;
    KioskStatus *st = &h->st;
    if (b) {
        h->dirty |= update(st->bundle_id, sizeof st->bundle_id, b->id);
        h->dirty |= update(st->bundle_version, sizeof st->bundle_version, b->version);
    }
    if (display_on != st->display_on) {
        st->display_on = display_on;
        h->dirty = true;
    }
    if (!h->dirty && now < h->next_ms) return h->next_ms;
    if (!h->dirty && !quiet && now < h->next_ms + HEALTH_DEFER_MS)
        return now + HEALTH_QUIET_LOOK_MS;
    write_files(h, now, wall);
    h->dirty = false;
    h->next_ms = now + HEALTH_HEARTBEAT_MS;
    return h->next_ms;
}

void health_stop(Health *h, int64_t now, int64_t wall)
{
    if (!h->json_path[0] && !h->prom_path[0]) return;
    h->st.running = false;
    write_files(h, now, wall);
}
