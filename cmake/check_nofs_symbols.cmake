# check_nofs_symbols.cmake - build/maas_nofs.so cannot touch the filesystem:
# it imports no call that opens, reads or inspects a file (the ctest
# `nofs_symbols`).  Its file-reading function is not compiled in at all
# (MAAS_NO_FILESYSTEM); this checks the linked result, whatever the source.
#
#   cmake -DNM=nm -DMODULE=build/maas_nofs.so -P cmake/check_nofs_symbols.cmake
execute_process(COMMAND ${NM} -D --undefined-only ${MODULE} OUTPUT_VARIABLE imports RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot list the imports of ${MODULE}")
endif()
set(found)
foreach(call open open64 openat openat64 creat fopen fopen64 freopen fdopen opendir fdopendir read pread
             stat stat64 fstat fstat64 lstat fstatat statx access faccessat readlink realpath mmap dlopen
             __xstat __fxstat __lxstat _ZNSt13basic_filebufIcSt11char_traitsIcEE4openEPKcSt13_Ios_Openmode)
  if(imports MATCHES "[ \t]U ${call}(@|\n)")
    list(APPEND found ${call})
  endif()
endforeach()
if(found)
  message(FATAL_ERROR "${MODULE} imports file calls: ${found}")
endif()
message(STATUS "${MODULE} imports no file call")
