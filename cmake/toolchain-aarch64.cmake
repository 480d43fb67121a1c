# toolchain-aarch64.cmake: cross-compiling for arm64 (Raspberry Pi 3/4/5 with a 64-bit OS) on a
# Debian amd64 machine, with Debian's multiarch packages rather than a separate sysroot:
#   crossbuild-essential-arm64 (aarch64-linux-gnu-gcc), the :arm64 -dev packages (headers are
#   shared, libraries and .pc files live in /usr/lib/aarch64-linux-gnu) and qemu-user-static,
#   which runs the test programs: ctest prefixes every test program with the emulator below.
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
# tests/cross/arm64.sh drives it (ctest cross_arm64).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# pkg-config must read the arm64 .pc files only: with the build machine's in its search path,
# it hands out x86-64 libraries that the cross linker skips or refuses. PKG_CONFIG_PATH (searched
# first) stays free for what the caller adds, such as a non-multiarch library unpacked aside.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")

# find_library() looks in /usr/lib/aarch64-linux-gnu (CMAKE_LIBRARY_ARCHITECTURE), never in
# /usr/lib/x86_64-linux-gnu; headers are shared by the architectures (/usr/include).

# An explicit emulator, not binfmt_misc (which a container rarely has). -L /: the arm64 loader
# and libraries are found where multiarch put them (/lib/ld-linux-aarch64.so.1,
# /usr/lib/aarch64-linux-gnu), not in qemu's default /etc/qemu-binfmt/aarch64.
find_program(KIOSK_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64)
if(KIOSK_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_AARCH64} -L /)
endif()
