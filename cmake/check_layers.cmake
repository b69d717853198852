# check_layers.cmake - the layering rule of extension/, checked at configure
# time (include()d by CMakeLists.txt, so the build fails) and as the ctest
# `layers` (cmake -DMAAS_ROOT=... -P cmake/check_layers.cmake).
#
# The rule: a file of extension/core/ is plain C++.  It includes neither
# SQLite's headers (sqlite3.h, sqlite3ext.h) nor anything of extension/sqlite/
# (sqlite_api.hpp, connection.hpp, ...), so the core can be read, tested and
# fuzzed without SQLite.  The core target is also compiled without SQLite's
# include directory, but /usr/include is always visible, hence this check.
if(NOT MAAS_ROOT)
  message(FATAL_ERROR "check_layers.cmake: set MAAS_ROOT to the checkout")
endif()
# extension/tools/ is built from the core alone (a host program the build
# runs), so the same rule holds there.
file(GLOB maas_core_files ${MAAS_ROOT}/extension/core/* ${MAAS_ROOT}/extension/tools/*)
file(GLOB maas_sqlite_headers RELATIVE ${MAAS_ROOT}/extension/sqlite ${MAAS_ROOT}/extension/sqlite/*.hpp)
set(maas_layer_violations)
foreach(file ${maas_core_files})
  file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line ${includes})
    string(REGEX MATCH "[<\"]([^>\"]+)[>\"]" _ "${line}")
    set(target ${CMAKE_MATCH_1})
    get_filename_component(target_name ${target} NAME)
    list(FIND maas_sqlite_headers ${target_name} in_sqlite_layer)
    if(target MATCHES "sqlite3(ext)?\\.h$" OR target MATCHES "(^|/)sqlite/" OR NOT in_sqlite_layer EQUAL -1
       OR target_name STREQUAL "maas.h")
      file(RELATIVE_PATH shown ${MAAS_ROOT} ${file})
      list(APPEND maas_layer_violations "${shown}: ${line}")
    endif()
  endforeach()
endforeach()
if(maas_layer_violations)
  list(JOIN maas_layer_violations "\n  " shown)
  message(FATAL_ERROR "extension/core/ and extension/tools/ must not include SQLite or extension/sqlite/:\n  ${shown}")
endif()
# Every source and header of the extension lives in one of its folders.
file(GLOB maas_loose_files ${MAAS_ROOT}/extension/*.cpp ${MAAS_ROOT}/extension/*.hpp ${MAAS_ROOT}/extension/*.h)
if(maas_loose_files)
  message(FATAL_ERROR "extension/ holds files outside core/, sqlite/, include/ and tools/: ${maas_loose_files}")
endif()
