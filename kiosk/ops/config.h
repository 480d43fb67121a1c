/* config.h: the kiosk's local settings file, outside any bundle.
 *
 * /etc/kiosk/config.yaml (or a path given on the command line) says which bundle to show, how
 * the screen is turned, when the kiosk is on, where statistics and USB sticks live, and holds
 * the admin PIN as a hash. It is read with the same YAML tree and messages as a bundle, so a
 * typo is reported as "config.yaml:3:1: error: unknown key 'rotatoin' ...; did you mean
 * 'rotate'?". A missing file is not an error: every setting has a default. */
#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/diag.h"
#include "ops/hours.h"

#define CONFIG_DEFAULT_PATH "/etc/kiosk/config.yaml"
#define CONFIG_DEFAULT_STATS "/var/lib/kiosk/stats.db"
#define CONFIG_DEFAULT_USB_DIR "/media"
#define CONFIG_DEFAULT_STATUS_DIR "/var/lib/kiosk" /* the folder of CONFIG_DEFAULT_STATS */
#define CONFIG_STATS_OFF "off" /* the value of `stats:` that turns statistics off */
/* The group of the user the service runs as (the package makes both): it may read the
 * settings, which hold the PIN hash; other users may not. */
#define CONFIG_SERVICE_GROUP "kiosk"

enum {
    CONFIG_DEFAULT_STATS_KEEP_DAYS = 365,
    CONFIG_MAX_STATS_KEEP_DAYS = 10 * 366,
    CONFIG_DEFAULT_CACHE_MB = 96, /* the same limits as --cache-mb */
    CONFIG_MIN_CACHE_MB = 8,
    CONFIG_MAX_CACHE_MB = 4096,
    CONFIG_MAX_PATH_BYTES = 4096, /* PATH_MAX on Linux */
    CONFIG_ERR_SIZE = 1024,       /* enough for every message this module writes into err */
    CONFIG_MAX_ID_BYTES = 64,     /* as a bundle's ids */
};

/* How the screen is put to sleep outside opening hours (`display_power:`). Every way draws the
 * screen black first, so a display that ignores the request still shows nothing. */
typedef enum DisplayPower {
    DISPLAY_POWER_DPMS,  /* the default: the display's own power saving, DPMS on X11, the
                            connector's DPMS property on KMS/DRM; where neither is offered
                            (Wayland, a display without DPMS) the screen stays black */
    DISPLAY_POWER_CEC,   /* HDMI-CEC: a TV is sent to standby with cec-client */
    DISPLAY_POWER_BLACK, /* only drawn black; the panel stays on */
} DisplayPower;

/* The setting's word for each DisplayPower ("dpms", "cec", "black"). */
const char *config_display_power_name(DisplayPower p);

/* Another bundle on some days (settings: bundles_by_date): from..to are local days, both
 * included (core/caldate.h day numbers). */
typedef struct DatedBundle {
    char *bundle; /* owned; a full path */
    int32_t from, to;
} DatedBundle;
enum { CONFIG_MAX_DATED = 64 };

typedef struct KioskConfig {
    char *path;          /* owned; the file read (or looked for) */
    bool found;          /* false when the file does not exist: everything is a default */
    bool ignored;        /* the file exists but nothing was read from it (unreadable, not
                            YAML, not a settings file): everything is a default */
    char *bundle;        /* owned; absolute folder, or NULL when not set (the command line or
                            the built-in default decides) */
    char *admin_pin;     /* owned; a yescrypt hash (pin_is_hash), or NULL when no PIN is set.
                            NULL must keep the admin screen locked, never open it. */
    int rotate;          /* degrees clockwise: 0, 90, 180 or 270; default 0 */
    bool has_hours;      /* false: no opening_hours given, `hours` is always open */
    Hours hours;
    char *stats;         /* owned; statistics database file, or NULL when `stats: off`;
                            default CONFIG_DEFAULT_STATS */
    int stats_keep_days; /* 1 .. CONFIG_MAX_STATS_KEEP_DAYS; default 365 */
    char *usb_dir;       /* owned; folder where USB sticks are mounted; default /media */
    int cache_mb;        /* CONFIG_MIN_CACHE_MB .. CONFIG_MAX_CACHE_MB; default 96 */
    char *here;          /* owned; id of the map region or floor plan place this kiosk
                            stands in (a "you are here" marker), or NULL when not set */
    DisplayPower display_power; /* default DISPLAY_POWER_DPMS */
    char *status_dir;    /* owned; folder where the running kiosk keeps status.json (fleet
                            health), or NULL when off (`status_dir: off`, or `stats: off`
                            without a status_dir); default: the folder of `stats` */
    char *prometheus_textfile; /* owned; a .prom file for node_exporter's textfile
                            collector, or NULL (the default: none) */
    DatedBundle *dated;  /* owned; sorted by `from`, never overlapping */
    size_t n_dated;
} KioskConfig;

/* Reads the config at `path` (NULL: CONFIG_DEFAULT_PATH) into `out`, which always ends up
 * holding a complete config to be released with config_free(). Returns true when the file
 * does not exist (defaults) or is correct. Otherwise every problem is added to `diags` as
 * file:line:col, the function returns false, and `out` holds the defaults for the settings
 * that were wrong and the values of those that were right, so a caller may go on. */
bool config_load(const char *path, KioskConfig *out, Diags *diags);

/* config_dated.c: reads `bundles_by_date` (n) into c->dated, after c->bundle was read: overlaps
 * are errors, days that no bundle covers warnings. False after an error (c->dated then empty). */
struct YNode;
bool config_read_dated(const struct YNode *n, const char *file, Diags *diags, KioskConfig *c);
/* The dated bundle for local day `day` (caldate day number), or NULL when none is set. */
const char *config_dated_bundle(const KioskConfig *c, int32_t day);
void config_free_dated(KioskConfig *c);

/* Whether a parsed file is a settings file at all (not a link to /etc/shadow, a passwd file or
 * another program's settings): 'key: value' lines, at least one of them a setting or a near
 * typo of one, and no more unknown keys than there are settings. When not, `why` (n bytes)
 * says why without quoting the file, and *at is the node to point at. */
bool config_is_settings_tree(const struct YNode *root, const struct YNode **at, char *why,
                             size_t n);

/* Frees what `c` owns and zeroes it. NULL and a zeroed config are allowed. */
void config_free(KioskConfig *c);

/* Writes `hash` (a pin_hash() result) as the admin_pin of the config at `path`: replaces the
 * value on the admin_pin line (keeping a comment after it), or appends an admin_pin line;
 * every other byte of the file stays as it was. Creates the file, and missing folders (mode
 * 0755), when needed. The file is replaced atomically (a temporary file in the same folder,
 * fsync, rename). Run as root on a system with the group CONFIG_SERVICE_GROUP, the file ends
 * up root:CONFIG_SERVICE_GROUP mode 0640, so the service can read it; otherwise it keeps its
 * owner and group (a new file: the caller's) with mode 0600, or 0640 when its group is
 * CONFIG_SERVICE_GROUP and could read it before; never readable by others. A symbolic link is
 * followed, not replaced. On failure writes a plain-language reason into err (n bytes;
 * CONFIG_ERR_SIZE is enough) and leaves the file untouched. */
bool config_set_pin_hash(const char *path, const char *hash, char *err, size_t n);
/* The same with another service group (tests). */
bool config_set_pin_hash_for(const char *path, const char *hash, const char *group, char *err,
                             size_t n);

/* False, with a warning such as "/etc/kiosk/config.yaml can be read by other users (mode
 * 0644); run: chmod 600 /etc/kiosk/config.yaml" (with the service group on the system: "run:
 * chown root:kiosk ... && chmod 640 ..."), when the file holds an admin_pin and others, or a
 * group other than CONFIG_SERVICE_GROUP, may read it, or when group or others may change it
 * (whatever it holds). True, with warning set to "", otherwise (also when the file does not
 * exist). */
bool config_check_permissions(const char *path, char *warning, size_t n);
/* The same with another service group (tests). */
bool config_check_permissions_for(const char *path, const char *group, char *warning, size_t n);

#endif
