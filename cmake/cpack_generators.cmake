# cpack_generators.cmake - per-generator CPack settings, read by cpack for
# each generator it runs (CPACK_PROJECT_CONFIG_FILE, set in install.cmake).
#
#   cd build && cpack            # sqlite-maas_VERSION_amd64.deb and sqlite-maas-VERSION-linux-x86_64.tar.gz
#   cd build && cpack -G TGZ     # the release archive alone
#
# The .deb installs under /usr.  The release archive (TGZ) is the install
# tree itself, relative to the prefix, under one top directory named like the
# file: sqlite-maas-VERSION-linux-x86_64/lib/sqlite3/maas.so and so on
# (the layout is in docs/install-and-clients.md).  The pkg-config file and the
# CMake package find their prefix from where they are, so it can be unpacked
# anywhere.
if(CPACK_GENERATOR STREQUAL "TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "")
  set(CPACK_SET_DESTDIR OFF)
  set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${CPACK_PACKAGE_VERSION}-${CPACK_MAAS_ARCHIVE_PLATFORM}")
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
