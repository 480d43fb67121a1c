# reliability.cmake: long-running harnesses (included from tests/CMakeLists.txt).
#   monkey: random input into a headless Session, invariants checked after every event;
#   soak:   a simulated month of opening hours with a daily hot swap, resources measured.
# Both are deterministic (seeded PRNG, simulated clock) and print "N passed, N failed".

foreach(harness monkey soak)
  add_executable(${harness} ${CMAKE_CURRENT_LIST_DIR}/${harness}.c)
  target_include_directories(${harness} PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../unit)
  target_link_libraries(${harness} PRIVATE kiosk_platform)
endforeach()

add_test(NAME monkey COMMAND monkey --events 200000 --seed 1 WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME soak_short COMMAND soak --days 3 WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(monkey soak_short PROPERTIES TIMEOUT 600 ENVIRONMENT "${KIOSK_TEST_ENV}")
