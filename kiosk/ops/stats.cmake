# Usage statistics (kiosk/ops/stats.h): a SQLite file per kiosk and the organisers' report.
# Included from the top-level CMakeLists.txt after include(CTest), so paths are relative to the
# source root and BUILD_TESTING is known. No SDL here: the module is pure C plus libsqlite3.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)

add_library(kiosk_stats STATIC
  kiosk/ops/stats.c
  kiosk/ops/stats_report.c
)
target_include_directories(kiosk_stats PUBLIC kiosk)
target_link_libraries(kiosk_stats PUBLIC kiosk_fileio PkgConfig::SQLITE3)

if(BUILD_TESTING)
  # A separate program that writes visits in a loop, for the test to kill -9 mid-write; and
  # that holds the write lock for a while, for the busy-timeout tests.
  add_executable(stats_writer tests/ops/stats_writer.c)
  target_link_libraries(stats_writer PRIVATE kiosk_stats)

  add_executable(test_stats tests/ops/test_stats.c)
  target_include_directories(test_stats PRIVATE tests/unit)
  target_link_libraries(test_stats PRIVATE kiosk_stats)
  target_compile_definitions(test_stats PRIVATE
    STATS_WRITER_PATH="$<TARGET_FILE:stats_writer>")
  add_dependencies(test_stats stats_writer)
  add_test(NAME test_stats COMMAND test_stats WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  # KIOSK_TEST_ENV is set in tests/CMakeLists.txt, which is read after this file.
  set_tests_properties(test_stats PROPERTIES TIMEOUT 120 ENVIRONMENT
    "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()
