# check_architecture_doc.cmake - docs/architecture.md names every source
# file under extension/, and what it says of each agrees with the file's own
# header comment (the ctest `architecture`), so that the page stays true when
# a file is added, moved or changes its job.
#
#   cmake -DMAAS_ROOT=/path/to/checkout -P cmake/check_architecture_doc.cmake
#
# A file is described by a table row of the page, "| `name.cpp` | what |" or
# "| `stem.hpp/.cpp` | what |" (one row for the pair).  Its header comment is
# the block of comment lines the file opens with (both files' for a pair).
# The row agrees with the header when:
#   1. every `quoted` term of the row (a name, a function, a path) appears in
#      the header, letter for letter;
#   2. at least half of the row's other words of four letters or more (minus
#      a few words that say nothing: with, that, every, ...) appear in the
#      header, compared by their first five letters, ignoring case, so that
#      "prices" finds "price" and "merged" finds "merge";
#   3. each SQL function the row names (`maas_...`) is registered by that
#      file, when the file registers functions (a row of sql/ may mention a
#      function registered elsewhere only if the file registers none).
# So a row that copies the header's key words passes, and one left behind
# when the code moved (a function in another file, a job the file no longer
# has) fails, naming the file and what is missing.
cmake_minimum_required(VERSION 3.16)
file(READ ${MAAS_ROOT}/docs/architecture.md page)
# Semicolons and brackets would split CMake lists: neither matters to words.
string(REGEX REPLACE "[][;]" " " page "${page}")
file(GLOB_RECURSE files RELATIVE ${MAAS_ROOT}/extension
  ${MAAS_ROOT}/extension/*.cpp ${MAAS_ROOT}/extension/*.hpp ${MAAS_ROOT}/extension/*.h ${MAAS_ROOT}/extension/*.in)
list(SORT files)

set(kSkipWords with that this what from their them they into also each every when which only then than have
  does like used none once other given where there these those some more most same both read reads)

# The leading comment lines of a file.
function(header_of path out)
  file(READ ${path} text)
  string(REGEX REPLACE "[][;]" " " text "${text}")
  string(REGEX MATCH "^([ \t]*(//|/\\*|\\*)[^\n]*\n)+" head "${text}")
  set(${out} "${head}" PARENT_SCOPE)
endfunction()

# The SQL functions a file registers: {"maas_name", ...} in a FunctionList.
function(registered_by path out)
  file(READ ${path} text)
  string(REGEX MATCHALL "{\"maas_[a-z0-9_]+\"," found "${text}")
  set(names)
  foreach(entry ${found})
    string(REGEX REPLACE "^{\"(maas_[a-z0-9_]+)\",$" "\\1" name "${entry}")
    list(APPEND names ${name})
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

set(all_registered)
foreach(file ${files})
  registered_by(${MAAS_ROOT}/extension/${file} names)
  list(APPEND all_registered ${names})
endforeach()

set(missing)
set(problems)
set(count 0)
foreach(file ${files})
  get_filename_component(name ${file} NAME)
  get_filename_component(stem ${file} NAME_WE)
  get_filename_component(dir ${file} DIRECTORY)
  # The row: "stem.hpp/.cpp" for a pair, else the file's own name.
  set(row_name "${stem}.hpp/.cpp")
  string(REGEX MATCH "\n\\| `${row_name}` \\| ([^\n]*) \\|[ \t]*\n" row "${page}")
  set(paths ${MAAS_ROOT}/extension/${dir}/${stem}.hpp ${MAAS_ROOT}/extension/${dir}/${stem}.cpp)
  if(NOT row)
    set(row_name "${name}")
    string(REPLACE "." "\\." name_pattern "${name}")
    string(REGEX MATCH "\n\\| `${name_pattern}` \\| ([^\n]*) \\|[ \t]*\n" row "${page}")
    set(paths ${MAAS_ROOT}/extension/${file})
  endif()
  if(NOT row)
    list(APPEND missing ${file})
    continue()
  endif()
  if(row_name IN_LIST checked_rows)
    continue()  # the pair's other file
  endif()
  list(APPEND checked_rows ${row_name})
  math(EXPR count "${count} + 1")
  set(description "${CMAKE_MATCH_1}")

  set(header "")
  set(registered)
  foreach(path ${paths})
    if(EXISTS ${path})
      header_of(${path} head)
      string(APPEND header "${head}")
      registered_by(${path} names)
      list(APPEND registered ${names})
    endif()
  endforeach()
  string(TOLOWER "${header}" header_lower)

  # 1. Quoted terms, and 3. the SQL functions among them.
  string(REGEX MATCHALL "`[^`]+`" quoted "${description}")
  foreach(term ${quoted})
    string(REGEX REPLACE "^`(.*)`$" "\\1" term "${term}")
    string(FIND "${header}" "${term}" at)
    if(at EQUAL -1)
      list(APPEND problems "${row_name}: `${term}` is not in the file's header comment")
    endif()
    if(registered AND term IN_LIST all_registered AND NOT term IN_LIST registered)
      list(APPEND problems "${row_name}: names ${term}, which another file registers")
    endif()
  endforeach()

  # 2. The other words.
  string(REGEX REPLACE "`[^`]*`" " " plain "${description}")
  string(REGEX REPLACE "\\([^)]*\\.(md|cpp|hpp)\\)" " " plain "${plain}")  # link targets
  string(REGEX MATCHALL "[A-Za-z][A-Za-z]+" words "${plain}")
  set(total 0)
  set(found 0)
  set(absent)
  foreach(word ${words})
    string(LENGTH "${word}" length)
    string(TOLOWER "${word}" word)
    if(length LESS 4 OR word IN_LIST kSkipWords)
      continue()
    endif()
    math(EXPR total "${total} + 1")
    string(SUBSTRING "${word}" 0 5 prefix)
    string(FIND "${header_lower}" "${prefix}" at)
    if(at EQUAL -1)
      list(APPEND absent ${word})
    else()
      math(EXPR found "${found} + 1")
    endif()
  endforeach()
  math(EXPR needed "(${total} + 1) / 2")
  if(found LESS needed)
    list(JOIN absent ", " shown)
    list(APPEND problems "${row_name}: ${found} of the row's ${total} words are in the file's header comment, "
      "fewer than half (absent: ${shown})")
  endif()
endforeach()

set(report "")
if(missing)
  list(JOIN missing "\n  extension/" shown)
  string(APPEND report "docs/architecture.md does not name:\n  extension/${shown}\n")
endif()
if(problems)
  list(JOIN problems "\n  " shown)
  string(APPEND report "docs/architecture.md disagrees with the files' header comments:\n  ${shown}\n"
    "Make the row and the header say the same (rules: cmake/check_architecture_doc.cmake).\n")
endif()
if(report)
  message(FATAL_ERROR "${report}")
endif()
list(LENGTH files total_files)
message(STATUS "docs/architecture.md names all ${total_files} files under extension/, "
  "and its ${count} rows agree with their header comments")
