/* test_pin.c: the admin PIN is stored only as a salted yescrypt hash, and guessing is slowed
 * down by a lockout that is stepped here on a fake clock. */
#include <crypt.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "ops/pin.h"

static void test_pin_rules(void)
{
    CHECK(pin_valid("1234"));
    CHECK(pin_valid("000000000000"));
    CHECK(!pin_valid("123"));
    CHECK(!pin_valid("1234567890123"));
    CHECK(!pin_valid(""));
    CHECK(!pin_valid(NULL));
    CHECK(!pin_valid("12a4"));
    CHECK(!pin_valid("1234 "));
    CHECK(!pin_valid("-1234"));
    CHECK(!pin_valid("١٢٣٤")); /* Arabic-Indic digits are not 0-9 */
    CHECK_STR(pin_problem("123"), "a PIN has at least 4 digits");
    CHECK_STR(pin_problem("1234567890123"), "a PIN has at most 12 digits");
    CHECK_STR(pin_problem("12 34"), "a PIN has only digits (0 to 9)");
    CHECK(pin_problem("4711") == NULL);
}

static void test_hash_is_salted_yescrypt_without_the_pin(void)
{
    char a[PIN_HASH_SIZE], b[PIN_HASH_SIZE];
    CHECK(pin_hash("482915", a, sizeof a));
    CHECK(pin_hash("482915", b, sizeof b));
    CHECK(strncmp(a, "$y$", 3) == 0);
    CHECK(strcmp(a, b) != 0); /* a fresh salt each time */
    CHECK(strstr(a, "482915") == NULL);
    CHECK(strstr(b, "482915") == NULL);
    CHECK(pin_is_hash(a));
    CHECK(strlen(a) > 40);
}

static void test_verify(void)
{
    char h[PIN_HASH_SIZE];
    CHECK(pin_hash("482915", h, sizeof h));
    CHECK(pin_verify("482915", h));
    CHECK(!pin_verify("482916", h));
    CHECK(!pin_verify("48291", h));
    CHECK(!pin_verify("4829150", h));
    CHECK(!pin_verify("", h));
    CHECK(!pin_verify(NULL, h));
    CHECK(!pin_verify("482915", NULL));
    CHECK(!pin_verify("482915", ""));
}

static void test_tampered_hashes_are_rejected(void)
{
    char h[PIN_HASH_SIZE];
    CHECK(pin_hash("1234", h, sizeof h));
    size_t len = strlen(h);
    char t[PIN_HASH_SIZE];

    /* one character changed in the hash part, in the salt, and in the cost */
    memcpy(t, h, len + 1);
    t[len - 1] = t[len - 1] == 'A' ? 'B' : 'A';
    CHECK(!pin_verify("1234", t));
    const char *salt = strchr(h + 3, '$') + 1;
    memcpy(t, h, len + 1);
    t[salt - h] = t[salt - h] == 'A' ? 'B' : 'A';
    CHECK(!pin_verify("1234", t));
    memcpy(t, h, len + 1);
    t[3] = t[3] == 'j' ? 'k' : 'j';
    CHECK(!pin_verify("1234", t));

    /* shortened, lengthened, and the salt alone (the hash cut off) */
    memcpy(t, h, len + 1);
    t[len - 5] = '\0';
    CHECK(!pin_verify("1234", t));
    memcpy(t, h, len + 1);
    strcat(t, "A");
    CHECK(!pin_verify("1234", t));
    memcpy(t, h, len + 1);
    *strrchr(t, '$') = '\0';
    CHECK(!pin_verify("1234", t));

    /* other methods are never tried, even with the right PIN, though libxcrypt knows them */
    static struct crypt_data data; /* static: 32 KB */
    const char *des = crypt_r("1234", "ab", &data);
    CHECK(des && des[0] != '*');
    if (des) CHECK(!pin_verify("1234", des));
    const char *md5 = crypt_r("1234", "$1$saltsalt$", &data);
    CHECK(md5 && md5[0] == '$');
    if (md5) CHECK(!pin_verify("1234", md5));
    CHECK(!pin_verify("1234", "1234"));
    CHECK(!pin_is_hash("1234"));
    CHECK(!pin_is_hash("$y$"));
    CHECK(!pin_is_hash("$y$j9T$salt$hash\n"));
    CHECK(!pin_is_hash("$y$j9T$salt$hash extra"));
}

static void test_hash_refuses_bad_input(void)
{
    char h[PIN_HASH_SIZE] = "x";
    CHECK(!pin_hash("12", h, sizeof h));
    CHECK_STR(h, "");
    CHECK(!pin_hash("abcd", h, sizeof h));
    char small[20] = "x";
    CHECK(!pin_hash("1234", small, sizeof small)); /* too small for any yescrypt hash */
    CHECK_STR(small, "");
}

/* Two wrong PINs are free; the 3rd locks for 30 s, each further one doubles the lock (60,
 * 120, 240, 480 s) up to 900 s (15 min). */
static void test_guard_schedule_on_a_fake_clock(void)
{
    PinGuard g = {0};
    int64_t now = 1000000;
    CHECK(pin_guard_allowed(&g, now));
    CHECK_INT(pin_guard_wait_ms(&g, now), 0);

    pin_guard_failed(&g, now);
    CHECK(pin_guard_allowed(&g, now)); /* 1st wrong PIN: try again at once */
    pin_guard_failed(&g, now += 2000);
    CHECK(pin_guard_allowed(&g, now)); /* 2nd */
    pin_guard_failed(&g, now += 2000);  /* 3rd: locked for 30 s */
    CHECK(!pin_guard_allowed(&g, now));
    CHECK_INT(pin_guard_wait_ms(&g, now), 30000);
    CHECK_INT(pin_guard_wait_ms(&g, now + 29999), 1);
    CHECK(!pin_guard_allowed(&g, now + 29999));
    CHECK(pin_guard_allowed(&g, now + 30000));

    int64_t expected[] = {60000, 120000, 240000, 480000, 900000, 900000, 900000};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        now += pin_guard_wait_ms(&g, now) + 500; /* wait out the lock, type for half a second */
        CHECK(pin_guard_allowed(&g, now));
        pin_guard_failed(&g, now);
        CHECK_INT(pin_guard_wait_ms(&g, now), expected[i]);
    }

    /* a right PIN after the lock resets everything: three free tries again */
    now += pin_guard_wait_ms(&g, now);
    CHECK(pin_guard_allowed(&g, now));
    pin_guard_succeeded(&g);
    pin_guard_failed(&g, now);
    pin_guard_failed(&g, now);
    CHECK(pin_guard_allowed(&g, now));
    pin_guard_failed(&g, now);
    CHECK_INT(pin_guard_wait_ms(&g, now), 30000);
}

static void test_guard_edge_cases(void)
{
    /* wrong PINs typed while locked (if the screen let them through) lock longer, from then */
    PinGuard g = {0};
    for (int i = 0; i < 3; i++) pin_guard_failed(&g, 0);
    pin_guard_failed(&g, 10000);
    CHECK_INT(pin_guard_wait_ms(&g, 10000), 60000);

    /* a clock that goes backwards never makes the wait longer than the lock itself */
    CHECK_INT(pin_guard_wait_ms(&g, -5000000), 60000);

    /* thousands of wrong PINs: still 15 minutes, no overflow */
    for (int i = 0; i < 5000; i++) pin_guard_failed(&g, 20000);
    CHECK_INT(pin_guard_wait_ms(&g, 20000), PIN_GUARD_MAX_LOCK_MS);
    CHECK(pin_guard_allowed(&g, 20000 + PIN_GUARD_MAX_LOCK_MS));
}

int main(void)
{
    RUN(test_pin_rules);
    RUN(test_hash_is_salted_yescrypt_without_the_pin);
    RUN(test_verify);
    RUN(test_tampered_hashes_are_rejected);
    RUN(test_hash_refuses_bad_input);
    RUN(test_guard_schedule_on_a_fake_clock);
    RUN(test_guard_edge_cases);
    return check_summary();
}
