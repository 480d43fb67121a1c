/* test_config_owner.c: who may read the settings file, which holds the PIN hash.
 *
 * The service runs as user kiosk and must read /etc/kiosk/config.yaml; other users must not.
 * So `kiosk --set-pin` run as root, with the service group on the system, leaves root:GROUP
 * 0640, and otherwise keeps the owner and never lets others read; the start-up warning
 * accepts the service group and no other. A group that every system has stands in for
 * `kiosk` (config_set_pin_hash_for). The root-only parts say when they are left out. */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ops/config.h"
#include "ops/pin.h"

#define NO_GROUP "kiosk-test-no-such-group"

static char dir[64];
static char path[128];
static char group[64]; /* an existing group that is not ours: the stand-in for kiosk */
static gid_t group_gid;

/* A new file (ours: owner and group of this process) holding one setting. */
static void fresh_file(mode_t mode)
{
    unlink(path);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("rotate: 90\n", f);
        fclose(f);
    }
    CHECK(chmod(path, mode) == 0);
}

static void set_pin(const char *service)
{
    char hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE];
    CHECK(pin_hash("2468", hash, sizeof hash));
    CHECK(config_set_pin_hash_for(path, hash, service, err, sizeof err));
    if (err[0]) fprintf(stderr, "  %s\n", err);
}

static struct stat stat_of(void)
{
    struct stat st = {0};
    CHECK(stat(path, &st) == 0);
    return st;
}

static void test_without_the_service_group_the_owner_stays_and_others_lose_read(void)
{
    fresh_file(0644);
    struct stat before = stat_of();
    set_pin(NO_GROUP);
    struct stat after = stat_of();
    CHECK_INT(after.st_mode & 0777, 0600);
    CHECK_INT(after.st_uid, before.st_uid);
    CHECK_INT(after.st_gid, before.st_gid);

    /* group-readable by a group that is not the service's: that read goes too */
    CHECK(chmod(path, 0640) == 0);
    set_pin(NO_GROUP);
    CHECK_INT(stat_of().st_mode & 0777, 0600);
}

static void test_root_gives_the_service_group_read(void)
{
    if (geteuid() != 0) {
        fprintf(stderr, "  (not root: root's chown to the service group is not tried)\n");
        return;
    }
    fresh_file(0600);
    CHECK(chown(path, 4321, 4321) == 0); /* someone else's file: root makes it root's */
    set_pin(group);
    struct stat st = stat_of();
    CHECK_INT(st.st_uid, 0);
    CHECK_INT(st.st_gid, group_gid);
    CHECK_INT(st.st_mode & 0777, 0640);
    char warning[CONFIG_ERR_SIZE];
    CHECK(config_check_permissions_for(path, group, warning, sizeof warning));
    CHECK_STR(warning, "");
    /* and again: it stays so */
    set_pin(group);
    CHECK_INT(stat_of().st_mode & 0777, 0640);
    CHECK_INT(stat_of().st_gid, group_gid);
}

static void test_warning_accepts_the_service_group_only(void)
{
    fresh_file(0600);
    set_pin(NO_GROUP); /* now it holds an admin_pin */
    char warning[CONFIG_ERR_SIZE], want[CONFIG_ERR_SIZE];
    CHECK(chmod(path, 0640) == 0);
    /* the file's group is ours, not the service group (find_group): a warning, whose fix
     * keeps the service able to read */
    CHECK(!config_check_permissions_for(path, group, warning, sizeof warning));
    snprintf(want, sizeof want,
             "%s can be read by other users (mode 0640); run: chown root:%s %s && chmod 640 %s",
             path, group, path, path);
    CHECK_STR(warning, want);
    CHECK(chmod(path, 0644) == 0);
    CHECK(!config_check_permissions_for(path, group, warning, sizeof warning));
    /* without the group on the system: the old advice */
    snprintf(want, sizeof want, "%s can be read by other users (mode 0644); run: chmod 600 %s",
             path, path);
    CHECK(!config_check_permissions_for(path, NO_GROUP, warning, sizeof warning));
    CHECK_STR(warning, want);
    if (geteuid() == 0) {
        CHECK(chown(path, 0, group_gid) == 0);
        CHECK(chmod(path, 0640) == 0);
        CHECK(config_check_permissions_for(path, group, warning, sizeof warning));
        CHECK(chmod(path, 0660) == 0); /* the service may read, never change */
        CHECK(!config_check_permissions_for(path, group, warning, sizeof warning));
        CHECK(strstr(warning, "can be changed by other users (mode 0660)") != NULL);
    }
}

/* An existing group other than our own (root's is 0): daemon, bin, sys... on every system. */
static bool find_group(void)
{
    setgrent();
    for (struct group *g; (g = getgrent());) {
        if (g->gr_gid == getegid() || g->gr_gid == 0 || strlen(g->gr_name) >= sizeof group)
            continue;
        snprintf(group, sizeof group, "%s", g->gr_name);
        group_gid = g->gr_gid;
        endgrent();
        return true;
    }
    endgrent();
    return false;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/kiosk-owner-XXXXXX");
    if (!mkdtemp(dir) || !find_group()) {
        fprintf(stderr, "no temporary folder or no second group\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    RUN(test_without_the_service_group_the_owner_stays_and_others_lose_read);
    RUN(test_root_gives_the_service_group_read);
    RUN(test_warning_accepts_the_service_group_only);
    unlink(path);
    rmdir(dir);
    return check_summary();
}
