# install.cmake: what `cmake --install` puts where (GNUInstallDirs), and the Debian package.
#
# The package is built with the /usr prefix, so the paths compiled into app/paths.h are the
# ones the package installs to:
#   cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
#     && cmake --build build-deb --target package        -> build-deb/kiosk_VERSION_ARCH.deb
# Its dependencies on libraries come from the binary (dpkg-shlibdeps, package dpkg-dev); the
# data it needs but does not link (fonts, hyphenation patterns) are listed below. The
# maintainer scripts in packaging/debian/ make the user, the state folder and the settings'
# owner. Nothing here names a processor: the same sources build the arm64 package.

set(KIOSK_SHARE ${CMAKE_INSTALL_DATADIR}/kiosk)
# systemd looks in /lib/systemd/system for a distribution's units, in
# PREFIX/lib/systemd/system (e.g. /usr/local/...) for locally installed ones.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(KIOSK_UNIT_DIR_DEFAULT /lib/systemd/system)
else()
  set(KIOSK_UNIT_DIR_DEFAULT ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
endif()
set(KIOSK_SYSTEMD_UNIT_DIR ${KIOSK_UNIT_DIR_DEFAULT} CACHE PATH "where the systemd unit goes")
# The same for udev's rules (udev also reads /usr/local/lib/udev/rules.d).
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(KIOSK_UDEV_DIR_DEFAULT /lib/udev/rules.d)
else()
  set(KIOSK_UDEV_DIR_DEFAULT ${CMAKE_INSTALL_PREFIX}/lib/udev/rules.d)
endif()
set(KIOSK_UDEV_RULES_DIR ${KIOSK_UDEV_DIR_DEFAULT} CACHE PATH "where the udev rule for USB sticks goes")

install(TARGETS kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY assets/ DESTINATION ${KIOSK_SHARE}/assets PATTERN kiosk.service EXCLUDE)
install(DIRECTORY content/techniekpact/ DESTINATION ${KIOSK_SHARE}/bundles/techniekpact)

# The unit of assets/ runs /usr/local/bin/kiosk (a hand install); the installed one runs the
# binary installed beside it.
file(READ ${PROJECT_SOURCE_DIR}/assets/kiosk.service KIOSK_UNIT)
string(REPLACE "ExecStart=/usr/local/bin/kiosk" "ExecStart=${CMAKE_INSTALL_FULL_BINDIR}/kiosk"
  KIOSK_UNIT "${KIOSK_UNIT}")
string(REPLACE "file:///usr/local/share/kiosk/README.md" "file://${CMAKE_INSTALL_FULL_DOCDIR}/operating.md"
  KIOSK_UNIT "${KIOSK_UNIT}")
file(WRITE ${PROJECT_BINARY_DIR}/packaging/kiosk.service "${KIOSK_UNIT}")
install(FILES ${PROJECT_BINARY_DIR}/packaging/kiosk.service DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
install(FILES docs/operating.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# USB sticks on a system without a desktop: mounted read-only below /media (the default
# usb_dir) by systemd-mount; docs/operating.md, "USB sticks".
install(FILES packaging/udev/90-kiosk-usb.rules DESTINATION ${KIOSK_UDEV_RULES_DIR})

# The settings file: only for the /usr prefix, whose sysconfdir is /etc, where the kiosk looks
# (CONFIG_DEFAULT_PATH). A conffile: dpkg never overwrites the organiser's edits.
if(CMAKE_INSTALL_FULL_SYSCONFDIR STREQUAL "/etc")
  install(FILES packaging/config.yaml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk)
endif()

# ---- the Debian package (CPack DEB) -----------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
if(NOT CPACK_PACKAGE_CONTACT)
  set(CPACK_PACKAGE_CONTACT "kiosk maintainers <kiosk@example.org>")
endif()
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fullscreen touch kiosk that shows a content bundle")
set(CPACK_PACKAGE_DESCRIPTION "kiosk shows a folder of YAML files and pictures (a content
bundle) fullscreen as touch-navigable screens, picks up a new bundle without a
restart, keeps the last good one on screen and runs unattended as a systemd
service (user kiosk, KMS/DRM, no desktop needed).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)      # kiosk_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)       # library dependencies read from the binary
set(CPACK_STRIP_FILES ON)
# What the binary needs without linking it: the fonts it draws with (fontconfig finds them),
# the hyphenation patterns libhyphen loads, adduser for the maintainer scripts, procps for
# the unit's ExecReload=/bin/kill.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, procps, fonts-inter, fonts-dejavu-core, fonts-noto-color-emoji, hyphen-nl, hyphen-de, hyphen-en-us, hyphen-fr, hyphen-es, hyphen-uk")
# libmpv2 plays video clips; it is loaded with dlopen, so without it the kiosk runs and shows
# the clips' posters (kiosk/platform/player.c).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-symbola, libmpv2")
# cec-client, for display_power: cec (a TV sent to standby outside opening hours)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cec-utils")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
  ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
  ${PROJECT_SOURCE_DIR}/packaging/debian/postrm
  ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# A cross build (CMAKE_SYSTEM_PROCESSOR aarch64) gets the target's architecture, not the
# build machine's (cpack asks dpkg --print-architecture otherwise).
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
endif()
include(CPack)
