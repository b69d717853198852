# check_layers.cmake - the layering rule of extension/, checked at configure
# time (include()d by CMakeLists.txt, so the build fails) and as the ctest
# `layers` (cmake -DMAAS_ROOT=... -P cmake/check_layers.cmake).
#
# The rules:
# 1. A file of extension/core/ is plain C++.  It includes neither SQLite's
#    headers (sqlite3.h, sqlite3ext.h) nor anything of extension/sqlite/
#    (sqlite_api.hpp, connection.hpp, ...), so the core can be read, tested
#    and fuzzed without SQLite.  The core target is also compiled without
#    SQLite's include directory, but /usr/include is always visible, hence
#    this check.
# 2. The core is in rooms, one folder per concern, and a room includes only
#    its own headers and those of the rooms it builds on (below), so the
#    dependencies point one way: base <- money, time <- bill <- cards <-
#    pricing, and usage (the counts read from stored usage) beside cards.
#    bill (the user's prepaid packs and their ledger) sits below cards
#    because the Catalog carries the checked packs, as it carries fx rates.
# 3. Every file of the core is in a room (nothing loose in extension/core/).
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST) when run with -P
if(NOT MAAS_ROOT)
  message(FATAL_ERROR "check_layers.cmake: set MAAS_ROOT to the checkout")
endif()
set(maas_room_base_may "")
set(maas_room_money_may base time)
set(maas_room_time_may base)
set(maas_room_bill_may base money time)
set(maas_room_cards_may base money time bill)
set(maas_room_usage_may base)
set(maas_room_pricing_may base money time bill cards usage)
# extension/tools/ is built from the card parsers (a host program the build
# runs): rule 1 holds there, and it may use the rooms the cards use.
set(maas_room_tools_may base money time bill cards)
set(maas_rooms base money time bill cards usage pricing)

# The room of each core header, by its name (every room is on the include path).
foreach(room ${maas_rooms})
  file(GLOB headers RELATIVE ${MAAS_ROOT}/extension/core/${room} ${MAAS_ROOT}/extension/core/${room}/*.hpp)
  foreach(header ${headers})
    set(maas_room_of_${header} ${room})
  endforeach()
endforeach()

file(GLOB maas_core_loose LIST_DIRECTORIES false ${MAAS_ROOT}/extension/core/*)
file(GLOB maas_core_files ${MAAS_ROOT}/extension/core/*/* ${MAAS_ROOT}/extension/tools/*)
file(GLOB maas_sqlite_headers RELATIVE ${MAAS_ROOT}/extension/sqlite ${MAAS_ROOT}/extension/sqlite/*.hpp)
set(maas_layer_violations)
foreach(path ${maas_core_loose})
  file(RELATIVE_PATH shown ${MAAS_ROOT} ${path})
  list(APPEND maas_layer_violations "${shown}: not in a room (${maas_rooms})")
endforeach()
foreach(file ${maas_core_files})
  get_filename_component(dir ${file} DIRECTORY)
  get_filename_component(room ${dir} NAME)
  file(RELATIVE_PATH shown ${MAAS_ROOT} ${file})
  if(NOT DEFINED maas_room_${room}_may)
    list(APPEND maas_layer_violations "${shown}: in no known room (${maas_rooms})")
    continue()
  endif()
  file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line ${includes})
    string(REGEX MATCH "[<\"]([^>\"]+)[>\"]" _ "${line}")
    set(target ${CMAKE_MATCH_1})
    get_filename_component(target_name ${target} NAME)
    list(FIND maas_sqlite_headers ${target_name} in_sqlite_layer)
    if(target MATCHES "sqlite3(ext)?\\.h$" OR target MATCHES "(^|/)sqlite/" OR NOT in_sqlite_layer EQUAL -1
       OR target_name STREQUAL "maas.h")
      list(APPEND maas_layer_violations "${shown}: ${line} (SQLite or extension/sqlite/)")
    elseif(DEFINED maas_room_of_${target_name})
      set(target_room ${maas_room_of_${target_name}})
      if(NOT target_room STREQUAL room AND NOT target_room IN_LIST maas_room_${room}_may)
        list(APPEND maas_layer_violations "${shown}: ${line} (room ${room} may include only: ${room} ${maas_room_${room}_may})")
      endif()
    endif()
  endforeach()
endforeach()
if(maas_layer_violations)
  list(JOIN maas_layer_violations "\n  " shown)
  message(FATAL_ERROR "extension/core/ and extension/tools/ break the layering rules (cmake/check_layers.cmake):\n  ${shown}")
endif()
# Every source and header of the extension lives in one of its folders.
file(GLOB maas_loose_files ${MAAS_ROOT}/extension/*.cpp ${MAAS_ROOT}/extension/*.hpp ${MAAS_ROOT}/extension/*.h)
if(maas_loose_files)
  message(FATAL_ERROR "extension/ holds files outside core/, sqlite/, include/ and tools/: ${maas_loose_files}")
endif()
