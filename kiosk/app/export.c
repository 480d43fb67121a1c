/* export.c: `kiosk --stats-export FILE [DB]`: a consistent copy of a running kiosk's
 * statistics, for carrying to the organisers or to a shared folder (ops/stats_export).
 *
 * Without DB the copy is of the statistics file the kiosk itself writes: the `stats:` of its
 * settings (--config, $KIOSK_CONFIG or /etc/kiosk/config.yaml), so an operator needs to know
 * no path. When the settings cannot be read (a normal user may not read them: they hold the
 * PIN hash) or statistics are off, it says so and how to name the file instead, rather than
 * copying the default path that the kiosk may not be using. */
#include <stdio.h>

#include "app/options.h"
#include "bundle/diag.h"
#include "ops/config.h"
#include "ops/stats.h"

int stats_export_run(const Options *o, const char *file, char **dbs, int n)
{
    if (n > 1) {
        fprintf(stderr, "kiosk: --stats-export FILE takes one statistics file to copy (%d given)\n", n);
        return 2;
    }
    if (n == 1) return stats_export(dbs[0], file, stdout, stderr);
    KioskConfig cfg;
    Diags d;
    diags_init(&d);
    config_load(o->config, &cfg, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    int rc = 1;
    const char *where = cfg.path ? cfg.path : CONFIG_DEFAULT_PATH;
    if (cfg.ignored)
        fprintf(stderr, "kiosk: cannot tell from the settings %s which statistics file the kiosk "
                "writes (see above); name it: kiosk --stats-export %s %s\n", where, file,
                CONFIG_DEFAULT_STATS);
    else if (!cfg.stats)
        fprintf(stderr, "kiosk: statistics are off in %s (stats: off); to copy a file, name it: "
                "kiosk --stats-export %s DB\n", where, file);
    else
        rc = stats_export(cfg.stats, file, stdout, stderr);
    config_free(&cfg);
    return rc;
}
