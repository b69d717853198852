# install.cmake - `cmake --install` rules and the Debian package (CPack).
#
# Included at the END of the top-level CMakeLists.txt (it needs the targets
# maas, maas_static and maas_core to exist):
#
#   include(cmake/install.cmake)
#
#   cmake --install build --prefix /usr/local     # or: cd build && cpack  (.deb and .tar.gz)
#
# What goes where (relative to the prefix; LIBDIR is GNUInstallDirs', `lib`
# for the default prefix and for the .deb, `lib/x86_64-linux-gnu` when
# configured with -DCMAKE_INSTALL_PREFIX=/usr):
#
#   LIBDIR/sqlite3/maas.so                   the loadable module (MAAS_INSTALL_MODULEDIR)
#   LIBDIR/libmaas_static.a, libmaas_core.a  the static library (both archives are needed)
#   include/maas.h, include/maas_version.h   its header
#   LIBDIR/pkgconfig/sqlite-maas.pc          pkg-config: Cflags/Libs for the static
#                                            library; variables moduledir, module
#   LIBDIR/cmake/sqlite-maas/                find_package(sqlite-maas): targets
#                                            sqlite-maas::static, sqlite-maas::loadable,
#                                            variable SQLITE_MAAS_LOADABLE (path of maas.so)
#   share/sqlite-maas/sql/                   the views, user tables and reports of sql/
#   lib/python3/dist-packages/sqlite_maas/   the Python helper (MAAS_INSTALL_PYTHON), with
#                                            VERSION (its __version__) and LICENSE
#   share/doc/sqlite-maas/                   README.md, docs/ and copyright (LICENSE in
#                                            Debian's machine-readable format)
#
# Why LIBDIR/sqlite3/ for the module: Debian has no policy for SQLite
# extensions, and the one package that ships a bare loadable module, sqlite3-pcre,
# puts it in /usr/lib/sqlite3/pcre.so.  A directory of its own keeps a file
# without the `lib` prefix out of the linker's search path, and the file keeps
# the name maas.so, so SQLite still derives the entry point sqlite3_maas_init
# from it (`.load /usr/lib/sqlite3/maas`).
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(MAAS_INSTALL_MODULEDIR "${CMAKE_INSTALL_LIBDIR}/sqlite3" CACHE STRING
    "Where maas.so goes, relative to the prefix")
set(MAAS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/sqlite-maas" CACHE STRING
    "Where the CMake package files go, relative to the prefix")
set(MAAS_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where sqlite-maas.pc goes, relative to the prefix")
option(MAAS_INSTALL_PYTHON "Install the Python helper python/sqlite_maas" ON)
set(MAAS_INSTALL_PYTHONDIR "lib/python3/dist-packages" CACHE STRING
    "Where the Python helper goes, relative to the prefix (Debian's python3 reads /usr/lib/python3/dist-packages)")
set(MAAS_INSTALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/sqlite-maas")
set(MAAS_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/sqlite-maas")

# --- make the static targets exportable ------------------------------------
# The targets name their include directories and libsqlite3 by absolute paths
# of this machine's source and build trees, which install(EXPORT) refuses.
# Keep those for the build tree and give the installed targets the installed
# header directory and CMake's SQLite::SQLite3 instead.  Entries already
# written with $<BUILD_INTERFACE:...> are left alone, so once the top-level
# CMakeLists.txt writes them that way itself this only adds the install
# include directory (a duplicate then is harmless).
function(maas_exportable_interface target install_include_dir)
  get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set(fixed "")
  if(dirs)
    foreach(dir IN LISTS dirs)
      if(dir MATCHES "^\\$<" OR NOT IS_ABSOLUTE "${dir}")
        list(APPEND fixed "${dir}")
      else()
        # The source and build trees, and /usr/include for sqlite3.h, which
        # the installed target gets from SQLite::SQLite3 instead.
        list(APPEND fixed "$<BUILD_INTERFACE:${dir}>")
      endif()
    endforeach()
  endif()
  if(install_include_dir)
    list(APPEND fixed "$<INSTALL_INTERFACE:${install_include_dir}>")
  endif()
  set_property(TARGET ${target} PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${fixed}")

  get_target_property(libs ${target} INTERFACE_LINK_LIBRARIES)
  if(libs)
    set(fixed "")
    foreach(lib IN LISTS libs)
      if(SQLITE3_LIBRARY AND lib STREQUAL "${SQLITE3_LIBRARY}")
        list(APPEND fixed "$<BUILD_INTERFACE:${lib}>" "$<INSTALL_INTERFACE:SQLite::SQLite3>")
      else()
        list(APPEND fixed "${lib}")
      endif()
    endforeach()
    set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${fixed}")
  endif()
endfunction()
maas_exportable_interface(maas_static "${CMAKE_INSTALL_INCLUDEDIR}")
maas_exportable_interface(maas_core "")  # its headers are internal: nothing to install
set_target_properties(maas_static PROPERTIES EXPORT_NAME static)
set_target_properties(maas_core PROPERTIES EXPORT_NAME core)
set_target_properties(maas PROPERTIES EXPORT_NAME loadable)
set_target_properties(maas_nofs PROPERTIES EXPORT_NAME loadable_nofs)

# --- the files --------------------------------------------------------------
# maas_nofs.so beside maas.so: the same functions without maas_load_card,
# for hosts that let untrusted people type SQL (docs/install-and-clients.md).
install(TARGETS maas maas_nofs EXPORT sqlite-maas-targets
  LIBRARY DESTINATION "${MAAS_INSTALL_MODULEDIR}")
install(TARGETS maas_static maas_core EXPORT sqlite-maas-targets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(FILES
  "${PROJECT_SOURCE_DIR}/extension/include/maas.h"
  "${PROJECT_BINARY_DIR}/generated/maas_version.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(EXPORT sqlite-maas-targets
  NAMESPACE sqlite-maas::
  FILE sqlite-maasTargets.cmake
  DESTINATION "${MAAS_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/sqlite-maasConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/install/sqlite-maasConfig.cmake"
  INSTALL_DESTINATION "${MAAS_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR MAAS_INSTALL_MODULEDIR)
# 0.x: a minor version may break the interface, so only the same minor matches.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/install/sqlite-maasConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/install/sqlite-maasConfig.cmake"
  "${PROJECT_BINARY_DIR}/install/sqlite-maasConfigVersion.cmake"
  DESTINATION "${MAAS_INSTALL_CMAKEDIR}")

# pkg-config: relocatable, the prefix is found from the .pc file's own place.
file(RELATIVE_PATH MAAS_PC_TO_PREFIX "/prefix/${MAAS_INSTALL_PKGCONFIGDIR}" "/prefix")
string(REGEX REPLACE "/$" "" MAAS_PC_TO_PREFIX "${MAAS_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/sqlite-maas.pc.in"
  "${PROJECT_BINARY_DIR}/install/sqlite-maas.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/install/sqlite-maas.pc"
  DESTINATION "${MAAS_INSTALL_PKGCONFIGDIR}")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/sql/"
  DESTINATION "${MAAS_INSTALL_DATADIR}/sql"
  FILES_MATCHING PATTERN "*.sql")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${MAAS_INSTALL_DOCDIR}")

# share/doc/sqlite-maas/copyright: LICENSE (MIT, "Expat" in Debian's names) in
# the machine-readable format of Debian policy 12.5, made from LICENSE at
# configure time so that the license text has one home.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/LICENSE")
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" maas_license)
if(NOT maas_license MATCHES "\nCopyright \\(c\\) ([^\n]+)\n")
  message(FATAL_ERROR "LICENSE has no 'Copyright (c) YEARS HOLDER' line")
endif()
set(maas_copyright "${CMAKE_MATCH_1}")
string(FIND "${maas_license}" "${CMAKE_MATCH_0}" maas_at)
string(LENGTH "${CMAKE_MATCH_0}" maas_length)
math(EXPR maas_at "${maas_at} + ${maas_length}")
string(SUBSTRING "${maas_license}" ${maas_at} -1 maas_license)
string(STRIP "${maas_license}" maas_license)
string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" maas_license "${maas_license}")  # a blank line is " ."
string(REPLACE "\n" "\n " maas_license " ${maas_license}")
file(WRITE "${PROJECT_BINARY_DIR}/install/copyright.new"
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: sqlite-maas

Files: *
Copyright: ${maas_copyright}
License: Expat
${maas_license}
")
configure_file("${PROJECT_BINARY_DIR}/install/copyright.new" "${PROJECT_BINARY_DIR}/install/copyright" COPYONLY)
install(FILES "${PROJECT_BINARY_DIR}/install/copyright" DESTINATION "${MAAS_INSTALL_DOCDIR}")
if(EXISTS "${PROJECT_SOURCE_DIR}/docs")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${MAAS_INSTALL_DOCDIR}")
endif()
if(MAAS_INSTALL_PYTHON)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/python/sqlite_maas"
    DESTINATION "${MAAS_INSTALL_PYTHONDIR}"
    PATTERN "__pycache__" EXCLUDE)
  # Its __version__ is read from VERSION beside it (python/ holds no copy).
  install(FILES "${PROJECT_SOURCE_DIR}/VERSION" "${PROJECT_SOURCE_DIR}/LICENSE"
    DESTINATION "${MAAS_INSTALL_PYTHONDIR}/sqlite_maas")
endif()

# --- the Debian package and the release archive: `cd build && cpack` -------
# build/sqlite-maas_<VERSION>_amd64.deb and
# build/sqlite-maas-<VERSION>-linux-x86_64.tar.gz (the install tree, relative
# to the prefix: cmake/cpack_generators.cmake sets what differs between them).
if(CMAKE_SOURCE_DIR STREQUAL PROJECT_SOURCE_DIR)
  # Not a cache entry, so a tree configured when this was "DEB" makes both too.
  set(CPACK_GENERATOR "DEB;TGZ")
  string(TOLOWER "${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}" CPACK_MAAS_ARCHIVE_PLATFORM)  # CPACK_*: seen by cpack
  set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/cpack_generators.cmake")
  set(CPACK_PACKAGE_NAME "sqlite-maas")
  set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
  set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
  set(CPACK_PACKAGE_CONTACT "sqlite-maas maintainers <maintainers@users.noreply.r-seed-f623ab96.example>"
      CACHE STRING "Maintainer field of the .deb")
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
      "SQLite extension: iFlytek Xingchen MaaS prices and exact cost functions")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
  set(CPACK_PACKAGE_DESCRIPTION
"A loadable SQLite extension that adds the iFlytek Xingchen MaaS price list as
the table maas_rates and functions that price inference, fine-tuning and
deployment exactly (maas_cost, ...). Load it with
'.load ${CPACK_PACKAGING_INSTALL_PREFIX}/${MAAS_INSTALL_MODULEDIR}/maas' or link
the static library libmaas_static.a.")
  set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")  # sqlite-maas_<VERSION>_amd64.deb
  set(CPACK_DEBIAN_PACKAGE_SECTION "database")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  # maas.so links only libc and libm (dpkg-shlibdeps finds those, with
  # versions; the C++ runtime is linked in) and not libsqlite3: it runs inside whichever SQLite loads it,
  # so that dependency is stated by hand (3.37 is the oldest it accepts).
  find_program(MAAS_DPKG_SHLIBDEPS dpkg-shlibdeps)
  if(MAAS_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsqlite3-0 (>= 3.37)")
  else()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsqlite3-0 (>= 3.37), libc6")
  endif()
  # Linking the static library needs SQLite's headers and .so link.
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, libsqlite3-dev")
  include(CPack)
endif()
