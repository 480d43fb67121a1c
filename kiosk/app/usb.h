/* usb.h: finding a bundle on a USB stick below the folder where sticks are mounted. */
#ifndef KIOSK_USB_H
#define KIOSK_USB_H

#include <stddef.h>

/* The first folder holding a bundle.yaml below `dir` (a stick at /media/user/LABEL/, or with
 * the bundle one level deeper; at most three levels), or "" when there is none. */
void usb_find_bundle(const char *dir, char *out, size_t n);

#endif
