/* setpin.c: `kiosk --set-pin`: ask for the admin PIN twice and store its salted hash.
 *
 * The PIN is read without echo from the terminal (or as one line from stdin, for scripts),
 * hashed with yescrypt (ops/pin) and written into the local config file, which the service
 * can read and other users cannot (root:kiosk 0640 when root runs it; config_set_pin_hash).
 * The buffers that held it are wiped. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app/options.h"
#include "ops/config.h"
#include "ops/pin.h"

static bool read_line(const char *prompt, char *buf, size_t n)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)n, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (ok) buf[strcspn(buf, "\r\n")] = '\0';
    return ok;
}

int set_pin_run(const Options *o)
{
    const char *path = o->config ? o->config : CONFIG_DEFAULT_PATH;
    char pin[64] = "", again[64] = "", hash[PIN_HASH_SIZE], err[CONFIG_ERR_SIZE];
    int rc = 1;
    if (!read_line("New admin PIN (4-12 digits): ", pin, sizeof pin)) goto out;
    const char *why = pin_problem(pin);
    if (why) {
        fprintf(stderr, "kiosk: %s\n", why);
        goto out;
    }
    if (isatty(STDIN_FILENO) && (!read_line("Same PIN again: ", again, sizeof again) ||
                                 strcmp(pin, again) != 0)) {
        fprintf(stderr, "kiosk: the two PINs differ; nothing was changed\n");
        goto out;
    }
    if (!pin_hash(pin, hash, sizeof hash)) {
        fprintf(stderr, "kiosk: could not hash the PIN (is yescrypt available?)\n");
        goto out;
    }
    if (!config_set_pin_hash(path, hash, err, sizeof err)) {
        fprintf(stderr, "kiosk: %s\n", err);
        goto out;
    }
    printf("The admin PIN is set (stored as a salted hash in %s).\n", path);
    rc = 0;
out:
    explicit_bzero(pin, sizeof pin); /* not optimised away, unlike memset */
    explicit_bzero(again, sizeof again);
    return rc;
}
