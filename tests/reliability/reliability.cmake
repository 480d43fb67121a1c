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

# Peak memory of --render-all on the worst bundle that passes --check (Release build made by
# the script in the build folder; big inputs generated there at test time).
find_program(PYTHON3 python3)
if(PYTHON3)
  add_test(NAME render_rss COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/render_rss.sh ${CMAKE_SOURCE_DIR}
    ${CMAKE_BINARY_DIR}/render-rss)
  set_tests_properties(render_rss PROPERTIES TIMEOUT 1500)
else()
  message(WARNING "python3 not found: the render_rss test is skipped (apt-get install python3)")
endif()
