# The Debian packages, built by CPack (`make package`, or `cpack` in a build folder):
#   aul               the kiosk: kiosk, kiosk-sync and kioskctl, their assets, the systemd
#                     units, /etc/aul/kiosk.conf (a conffile), the users aul and aul-sync,
#                     /var/lib/aul and its private/ (made by the postinst)
#   aul-national-api  the reference national server, which belongs to the national office,
#                     not to a village board
# tests/platform/package.sh checks what they hold; tests/platform/install-check.sh installs
# them into a fresh Debian 12.
set(AUL_DEB_SOURCE ${CMAKE_CURRENT_LIST_DIR})
set(AUL_DEB_MAINTAINER "Aul maintainers <maintainers@users.noreply.r-seed-fa223f04.example>"
    CACHE STRING "Maintainer field of the packages")

# The changelog's newest entry must be this version: bumping project(VERSION) without
# saying what changed fails here rather than shipping a package that contradicts itself.
file(STRINGS ${AUL_DEB_SOURCE}/changelog AUL_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT AUL_CHANGELOG_TOP MATCHES "^aul \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "platform/debian/changelog starts with '${AUL_CHANGELOG_TOP}': "
                      "add an entry for version ${PROJECT_VERSION} at its top")
endif()
# Debian wants the changelog compressed, reproducibly (no name or time in the gzip header).
set(AUL_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/debian/changelog.gz)
add_custom_command(OUTPUT ${AUL_CHANGELOG_GZ}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/debian
  COMMAND gzip -9nc ${AUL_DEB_SOURCE}/changelog > ${AUL_CHANGELOG_GZ}
  DEPENDS ${AUL_DEB_SOURCE}/changelog VERBATIM)
add_custom_target(aul_changelog ALL DEPENDS ${AUL_CHANGELOG_GZ})

# Both packages carry the README (their manual), the copyright and the changelog in their
# own doc folder, and their lintian overrides.
function(aul_package_docs component package)
  install(FILES ${CMAKE_SOURCE_DIR}/README.md ${AUL_DEB_SOURCE}/copyright ${AUL_CHANGELOG_GZ}
          DESTINATION share/doc/${package} COMPONENT ${component})
  install(FILES ${AUL_DEB_SOURCE}/${package}.lintian-overrides
          DESTINATION share/lintian/overrides RENAME ${package} COMPONENT ${component})
endfunction()

# --- aul: what a village board runs
install(TARGETS kiosk kiosk-sync kioskctl RUNTIME DESTINATION bin COMPONENT kiosk)
install(DIRECTORY ${AUL_ASSETS_DIR}/i18n DESTINATION share/aul COMPONENT kiosk)
# The voice's tables and any shipped recordings (voice/LANG/KEY.wav).
install(DIRECTORY ${AUL_ASSETS_DIR}/voice DESTINATION share/aul COMPONENT kiosk)
install(FILES ${AUL_ASSETS_DIR}/demo/catalog.json DESTINATION share/aul/demo COMPONENT kiosk)
# The pristine settings beside the live ones, to compare an edited /etc/aul/kiosk.conf with.
install(FILES ${AUL_ASSETS_DIR}/config/kiosk.conf.example DESTINATION share/aul COMPONENT kiosk)
install(FILES ${AUL_ASSETS_DIR}/config/kiosk.conf.example DESTINATION /etc/aul RENAME kiosk.conf COMPONENT kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/platform/systemd/aul-kiosk.service ${CMAKE_SOURCE_DIR}/platform/systemd/aul-kiosk-sync.service
        DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES ${AUL_ASSETS_DIR}/demo/FORMAT.md DESTINATION share/doc/aul RENAME catalogue-format.md COMPONENT kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/platform/udev/90-aul-usb.rules DESTINATION /lib/udev/rules.d COMPONENT kiosk)
aul_package_docs(kiosk aul)

# --- aul-national-api: the national office's server
install(TARGETS national-api RUNTIME DESTINATION bin COMPONENT national)
install(FILES ${CMAKE_SOURCE_DIR}/sync/PROTOCOL.md DESTINATION share/doc/aul-national-api COMPONENT national)
# Examples for the national office: one instance as a systemd service, two behind haproxy.
install(FILES ${CMAKE_SOURCE_DIR}/platform/systemd/aul-national-api.service ${CMAKE_SOURCE_DIR}/platform/haproxy/aul-national.cfg
        DESTINATION share/doc/aul-national-api/examples COMPONENT national)
aul_package_docs(national aul-national-api)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME aul)
set(CPACK_PACKAGE_VENDOR "Aul")
set(CPACK_PACKAGE_CONTACT "${AUL_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL kiosk national)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # NAME_VERSION_ARCH.deb
# The architecture is this machine's (dpkg --print-architecture), or in a cross build the
# target's, which the toolchain file sets (platform/debian/toolchain-aarch64.cmake: arm64).
# dpkg-shlibdeps then resolves the programs' libraries in the target's multiarch folders
# (the arm64 libraries installed beside the host's): cpack runs it with DEB_HOST_ARCH set.
if(CMAKE_CROSSCOMPILING)
  if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    message(FATAL_ERROR "a cross build's toolchain file must set CPACK_DEBIAN_PACKAGE_ARCHITECTURE")
  endif()
  set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_BINARY_DIR}/debian/cpack-cross.cmake)
  file(WRITE ${CPACK_PROJECT_CONFIG_FILE}
       "set(ENV{DEB_HOST_ARCH} ${CPACK_DEBIAN_PACKAGE_ARCHITECTURE})\n")
endif()
set(CPACK_DEBIAN_PACKAGE_SOURCE aul)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # library packages from dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME aul)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
# Beyond the linked libraries: the fonts and the GL libraries and drivers the kiosk opens
# at run time (SDL loads EGL itself; ImGui's GL loader opens libGL.so.1), espeak-ng's voices,
# adduser for the postinst.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "adduser, fonts-noto-core, fonts-font-awesome, libegl1, libgl1, libgl1-mesa-dri, espeak-ng-data")
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS "cage")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${AUL_DEB_SOURCE}/conffiles;${AUL_DEB_SOURCE}/postinst;${AUL_DEB_SOURCE}/prerm;${AUL_DEB_SOURCE}/postrm")
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "civic touchscreen kiosk for village community centres
Aul runs on a board with a touchscreen in a village community centre.
Residents browse the national catalogue of non-governmental organisations
and report local problems as proposals, by touch alone, in Kazakh, Russian
or English, with a voice that reads each screen aloud for residents who
read poorly. Everything is saved on the kiosk first and delivered to the
national server when the line allows, so the kiosk works offline for days.

This package holds the kiosk app, kiosk-sync (its only link to the
national server), the kioskctl staff command line, their systemd units and
the settings file /etc/aul/kiosk.conf.")

set(CPACK_DEBIAN_NATIONAL_PACKAGE_NAME aul-national-api)
set(CPACK_DEBIAN_NATIONAL_PACKAGE_SECTION net)
set(CPACK_DEBIAN_NATIONAL_DESCRIPTION "reference national server for Aul kiosks
The HTTPS API Aul kiosks sync with: enrolment, delivery of proposals and
volunteer sign-ups, their statuses, the catalogue by cursor and heartbeats,
with an operators' command line beside it. It belongs to the national
office, not to a village board.")

include(CPack)
