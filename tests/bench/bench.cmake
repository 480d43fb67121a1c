# tests/bench/bench.cmake: the benchmark's helper programs (run by tests/bench/run.sh; not
# part of the pass/fail tests). Included from the top-level CMakeLists.txt.

# Frame times of scripted sessions, scrolling a big grid, and small helpers (display-list
# dump, SVG to PNG, generated photos).
add_executable(bench_session tests/bench/bench_session.c)
target_link_libraries(bench_session PRIVATE kiosk_platform m)
# Asynchronous picture decoding (the window's worker thread), when this kiosk has it.
file(READ ${CMAKE_CURRENT_LIST_DIR}/../../kiosk/platform/draw.h _bench_draw_h)
string(FIND "${_bench_draw_h}" "drawer_set_async" _bench_async)
if(NOT _bench_async EQUAL -1)
  target_compile_definitions(bench_session PRIVATE BENCH_HAVE_ASYNC=1)
endif()

# The floor: the least SDL program that shows a home-like screen.
add_executable(minimal_sdl tests/bench/minimal_sdl.c)
target_link_libraries(minimal_sdl PRIVATE PkgConfig::SDL)

# Judging the screen from outside: polls the X server's pixels (needs libx11-dev).
find_package(X11)
if(X11_FOUND)
  add_executable(xwait tests/bench/xwait.c)
  target_include_directories(xwait PRIVATE ${X11_INCLUDE_DIR})
  target_link_libraries(xwait PRIVATE ${X11_LIBRARIES})
endif()
