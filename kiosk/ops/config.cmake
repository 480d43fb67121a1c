# Local config file, admin PIN and opening hours: pure modules (no SDL), with their own tests.
# Included from the top-level CMakeLists.txt after include(CTest) and after kiosk_core exists.
# (pin.c lives in kiosk_core: the session checks the PIN through it.)
add_library(kiosk_config STATIC
  kiosk/ops/config.c
  kiosk/ops/hours.c
)
target_link_libraries(kiosk_config PUBLIC kiosk_core crypt)

if(BUILD_TESTING)
  foreach(name test_config test_pin test_hours)
    add_executable(${name} tests/ops/${name}.c)
    target_include_directories(${name} PRIVATE tests/unit)
    target_link_libraries(${name} PRIVATE kiosk_config)
    add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  endforeach()
endif()
