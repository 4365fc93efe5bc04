# Helpers shared by every Meshdeck target.

# Warnings for our own targets; -Werror when MESHDECK_WERROR is on (CI turns it on).
function(meshdeck_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(MESHDECK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# A static library of ours: warnings, the generated include folder, the folder's own headers.
function(meshdeck_add_library target)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target}
        PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/.." "${PROJECT_BINARY_DIR}/generated")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    meshdeck_set_warnings(${target})
    # Remember the sources for lupdate, which otherwise scans only the app target's own.
    foreach(src IN LISTS ARG_SOURCES)
        if(src MATCHES "\\.(cpp|h)$")
            get_filename_component(abs "${src}" ABSOLUTE)
            set_property(GLOBAL APPEND PROPERTY MESHDECK_TR_SOURCES "${abs}")
        endif()
    endforeach()
endfunction()

# One test executable per unit, registered in one line:
#   meshdeck_add_test(tst_result LABEL unit SOURCES tst_result.cpp LIBS meshdeck_core)
# LABEL is one of unit, integration, gui, bench; bench tests are left out of the default run by
# packaging/dev.sh test (ctest -LE bench).
function(meshdeck_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT;WRAPPER" "SOURCES;LIBS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_LABEL)
        message(FATAL_ERROR "meshdeck_add_test(${name}): LABEL is required")
    endif()
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    meshdeck_set_warnings(${name})
    # WRAPPER: a shell script the test runs under (a private D-Bus session, a keyring).
    if(ARG_WRAPPER)
        add_test(NAME ${name} COMMAND sh "${ARG_WRAPPER}" $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS ${ARG_LABEL}
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}")
endfunction()
