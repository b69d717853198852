# check_architecture_doc.cmake - docs/architecture.md names every source
# file under extension/ (the ctest `architecture`), so that the page stays
# true when a file is added or moved.
#
#   cmake -DMAAS_ROOT=/path/to/checkout -P cmake/check_architecture_doc.cmake
file(READ ${MAAS_ROOT}/docs/architecture.md page)
file(GLOB_RECURSE files RELATIVE ${MAAS_ROOT}/extension
  ${MAAS_ROOT}/extension/*.cpp ${MAAS_ROOT}/extension/*.hpp ${MAAS_ROOT}/extension/*.h ${MAAS_ROOT}/extension/*.in)
set(missing)
foreach(file ${files})
  get_filename_component(name ${file} NAME)
  get_filename_component(stem ${file} NAME_WE)
  # A row names "stem.hpp/.cpp", "stem.hpp" or "stem.cpp".
  string(FIND "${page}" "`${name}`" exact)
  string(FIND "${page}" "`${stem}.hpp/.cpp`" pair)
  if(exact EQUAL -1 AND pair EQUAL -1)
    list(APPEND missing ${file})
  endif()
endforeach()
if(missing)
  list(JOIN missing "\n  extension/" shown)
  message(FATAL_ERROR "docs/architecture.md does not name:\n  extension/${shown}")
endif()
list(LENGTH files count)
message(STATUS "docs/architecture.md names all ${count} files under extension/")
