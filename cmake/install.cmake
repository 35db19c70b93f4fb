# `cmake --install`: the folio command, libfolio (one static library per
# pipeline stage) with its headers under include/folio/, the CMake package
# (find_package(folio) gives folio::folio) and the man page.
include(CMakePackageConfigHelpers)

set(FOLIO_LIBRARIES folio_core folio_image folio_model folio_load folio_text folio_frame folio_layout
    folio_paint folio)
install(TARGETS folio_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The qpdf pass, loaded by the command (and by programs embedding libfolio) on first use.
install(TARGETS folio_pdf_finish LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/folio)
install(TARGETS ${FOLIO_LIBRARIES} EXPORT folioTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY src/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/folio
  FILES_MATCHING PATTERN "*.hpp"
  PATTERN "cli" EXCLUDE
  PATTERN "internal.hpp" EXCLUDE)

set(FOLIO_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/folio)
install(EXPORT folioTargets NAMESPACE folio:: DESTINATION ${FOLIO_CMAKE_DIR})
configure_package_config_file(cmake/folioConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/folioConfig.cmake INSTALL_DESTINATION ${FOLIO_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/folioConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/folioConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/folioConfigVersion.cmake cmake/FindHyphen.cmake
  DESTINATION ${FOLIO_CMAKE_DIR})

install(FILES man/folio.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# share/folio: the bundled fonts (with their licences), the sample layouts with
# their themes, images and CSV files, and the sample data. The installed binary
# finds them relative to itself (src/core/share_dir.hpp), so the tree can move.
set(FOLIO_SHARE_DESTINATION ${CMAKE_INSTALL_DATADIR}/folio)
install(DIRECTORY fonts layouts data DESTINATION ${FOLIO_SHARE_DESTINATION})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
