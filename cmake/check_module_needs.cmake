# check_module_needs.cmake - the loadable modules need no shared library but
# glibc: libc, libm and the dynamic loader (the ctest `module_needs`): the C++ runtime is linked
# in (CMakeLists.txt, MAAS_STATIC_CXX_RUNTIME), which keeps load-to-first-
# result short in hosts written in C, and libsqlite3 is never linked (every
# call goes through the routine table SQLite hands over).
#
#   cmake -DOBJDUMP=objdump -DMODULE=build/maas.so -P cmake/check_module_needs.cmake
execute_process(COMMAND ${OBJDUMP} -p ${MODULE} OUTPUT_VARIABLE headers RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot read the dynamic section of ${MODULE}")
endif()
string(REGEX MATCHALL "NEEDED +[^\n]+" needed "${headers}")
set(unexpected)
foreach(entry ${needed})
  string(REGEX REPLACE "NEEDED +" "" library "${entry}")
  if(NOT library MATCHES "^(libc\\.so|libm\\.so|ld-linux[-a-z0-9_]*\\.so)\\.[0-9]+$")
    list(APPEND unexpected ${library})
  endif()
endforeach()
if(unexpected)
  message(FATAL_ERROR "${MODULE} needs ${unexpected}: only glibc (libc, libm, the dynamic loader) is expected")
endif()
message(STATUS "${MODULE} needs only: ${needed}")
