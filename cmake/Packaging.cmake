# Debian packages, one per install component:
#   dm-remap-dkms     kernel/ source and dkms.conf in /usr/src (component dkms)
#   dm-remap-helper   helper, dm-remapctl, D-Bus, polkit, systemd (helper)
#   dm-remap-manager  the desktop app (manager)
# Build them with `cmake --build <build> --target package` (or `cpack` in
# the build directory); they land in <build>/packages. See docs/install.md.
# Included by the top-level CMakeLists.txt after every install rule.

set(DMREMAP_MAINTAINER "dm-remap maintainers <maintainers@dm-remap.example>"
    CACHE STRING "Maintainer field of the Debian packages")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dm-remap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${DMREMAP_MAINTAINER}")
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR}/packages)
# DESTDIR-style staging with the real prefix, so that the install-time
# directories of cmake/DmRemapInstall.cmake see /usr and use /etc and
# /lib/systemd/system.
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL dkms helper manager)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Maintainer scripts and per-package documents, from cmake/debian.
set(debian_in ${PROJECT_SOURCE_DIR}/cmake/debian)
set(debian_out ${CMAKE_BINARY_DIR}/debian)
foreach(script dkms.postinst dkms.prerm helper.postinst helper.prerm helper.postrm)
    string(REPLACE "." ";" parts ${script})
    list(GET parts 0 component)
    list(GET parts 1 name)
    configure_file(${debian_in}/${script}.in ${debian_out}/${component}/${name} @ONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                                    GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
configure_file(${debian_in}/manager.conffiles ${debian_out}/manager/conffiles COPYONLY)
configure_file(${debian_in}/changelog.in ${debian_out}/changelog @ONLY)
# Debian ships changelogs compressed with gzip -9n (no name, no time stamp).
execute_process(COMMAND gzip -9n -c ${debian_out}/changelog
                OUTPUT_FILE ${debian_out}/changelog.gz
                COMMAND_ERROR_IS_FATAL ANY)

set(CPACK_DEBIAN_DKMS_PACKAGE_NAME dm-remap-dkms)
set(CPACK_DEBIAN_HELPER_PACKAGE_NAME dm-remap-helper)
set(CPACK_DEBIAN_MANAGER_PACKAGE_NAME dm-remap-manager)
foreach(component dkms helper manager)
    string(TOUPPER ${component} upper)
    # Every Debian package carries its own copyright and changelog; a plain
    # `cmake --install` does not want them (EXCLUDE_FROM_ALL: only CPack,
    # which installs per component, gets them).
    install(FILES ${debian_in}/copyright ${debian_out}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${CPACK_DEBIAN_${upper}_PACKAGE_NAME}
            COMPONENT ${component} EXCLUDE_FROM_ALL)
endforeach()

set(CPACK_DEBIAN_DKMS_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DKMS_PACKAGE_SECTION kernel)
set(CPACK_DEBIAN_DKMS_PACKAGE_DEPENDS "dkms")
set(CPACK_DEBIAN_DKMS_PACKAGE_RECOMMENDS "linux-headers-amd64 | linux-headers-generic | linux-headers")
set(CPACK_DEBIAN_DKMS_PACKAGE_CONTROL_EXTRA ${debian_out}/dkms/postinst ${debian_out}/dkms/prerm)
set(CPACK_DEBIAN_DKMS_DESCRIPTION
"device-mapper target that moves failing blocks to a spare disk (DKMS)
The dm-remap target pairs an ageing main disk with a spare disk: a block
whose write fails on the main disk is moved to the spare and read from
there from then on, and the spare's metadata records every move.
This package holds the module's source; DKMS builds it for every kernel
that has its headers installed, and again on each kernel update.")

set(CPACK_DEBIAN_HELPER_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_HELPER_PACKAGE_SHLIBDEPS ON)
# Qt's SQLite driver (the history database) is a plugin loaded at run time,
# so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_HELPER_PACKAGE_DEPENDS "dbus, polkitd, smartmontools, dmsetup, kpartx, libqt6sql6-sqlite")
set(CPACK_DEBIAN_HELPER_PACKAGE_RECOMMENDS "dm-remap-dkms (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_HELPER_PACKAGE_SUGGESTS "dm-remap-manager")
set(CPACK_DEBIAN_HELPER_PACKAGE_CONTROL_EXTRA
    ${debian_out}/helper/postinst ${debian_out}/helper/prerm ${debian_out}/helper/postrm)
set(CPACK_DEBIAN_HELPER_DESCRIPTION
"D-Bus service and command-line tool for dm-remap pairs and disk health
dm-remap-helper is a root service on the system bus: it lists the disks,
reads their SMART data, and creates, watches and removes dm-remap pairs
(an ageing main disk joined with a spare that takes over its failing
blocks). Every call is authorized by polkit. dm-remapctl is its
command-line client; a systemd unit starts the recorded pairs at boot.")

set(CPACK_DEBIAN_MANAGER_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_MANAGER_PACKAGE_SHLIBDEPS ON)
# The SVG icon engine and the platform plugins are loaded at run time, so
# dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_MANAGER_PACKAGE_DEPENDS
    "dm-remap-helper (= ${PROJECT_VERSION}), libqt6svg6, libqt6charts6, qt6-qpa-plugins")
set(CPACK_DEBIAN_MANAGER_PACKAGE_CONTROL_EXTRA ${debian_out}/manager/conffiles)
set(CPACK_DEBIAN_MANAGER_DESCRIPTION
"desktop app for disk health and dm-remap pairs
Disk Remap Manager shows the SMART health of every disk in plain words,
a map of the bad blocks, and pairs an ageing disk with a spare disk with
a wizard. It warns with desktop notifications when new bad blocks appear
or the spare runs low, from the system tray.")

include(CPack)
