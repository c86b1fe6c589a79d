# Install locations that depend on the prefix given to `cmake --install`,
# decided when the install runs rather than at configure time: a build
# configured with the default prefix and installed with `--prefix /usr` must
# still put its configuration in /etc (not /usr/etc), its systemd units in
# /lib/systemd/system (Debian 12's unit directory), its udev rules in
# /lib/udev/rules.d, and name the real paths
# of the helper and the docs inside the D-Bus and systemd files.
include_guard(GLOBAL)

# CMake code, run by the install script, that sets CMAKE_INSTALL_FULL_<dir>
# from the prefix in use (GNUInstallDirs' rules, /usr -> /etc included) and
# DMREMAP_UNITDIR. Directories given as absolute paths at configure time
# (as dh_auto_configure does with -DCMAKE_INSTALL_SYSCONFDIR=/etc) are kept.
function(_dmremap_install_dirs_code out_var)
    set(code "")
    foreach(dir BINDIR LIBEXECDIR DATADIR DOCDIR MANDIR SYSCONFDIR)
        set(value "${CMAKE_INSTALL_${dir}}")
        if(IS_ABSOLUTE "${value}")
            string(APPEND code "set(CMAKE_INSTALL_FULL_${dir} \"${value}\")\n")
        elseif(dir STREQUAL "SYSCONFDIR")
            string(APPEND code
                "if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")\n"
                "  set(CMAKE_INSTALL_FULL_${dir} \"/${value}\")\n"
                "else()\n"
                "  set(CMAKE_INSTALL_FULL_${dir} \"\${CMAKE_INSTALL_PREFIX}/${value}\")\n"
                "endif()\n")
        else()
            string(APPEND code "set(CMAKE_INSTALL_FULL_${dir} \"\${CMAKE_INSTALL_PREFIX}/${value}\")\n")
        endif()
    endforeach()
    string(APPEND code
        "if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")\n"
        "  set(DMREMAP_UNITDIR /lib/systemd/system)\n"
        "  set(DMREMAP_UDEVDIR /lib/udev)\n"
        "else()\n"
        "  set(DMREMAP_UNITDIR \"\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\")\n"
        "  set(DMREMAP_UDEVDIR \"\${CMAKE_INSTALL_PREFIX}/lib/udev\")\n"
        "endif()\n")
    set(${out_var} "${code}" PARENT_SCOPE)
endfunction()

# dmremap_install(DESTINATION <DIR>[/<subdir>] COMPONENT <component>
#                 [FILES <file>...] [TEMPLATES <file>.in...])
# <DIR> is one of BINDIR LIBEXECDIR DATADIR DOCDIR MANDIR SYSCONFDIR UNITDIR UDEVDIR.
# TEMPLATES are configured (@ONLY) at install time with the
# CMAKE_INSTALL_FULL_<dir> of that install and installed without ".in".
function(dmremap_install)
    cmake_parse_arguments(ARG "" "DESTINATION;COMPONENT" "FILES;TEMPLATES" ${ARGN})
    if(NOT ARG_DESTINATION MATCHES "^(BINDIR|LIBEXECDIR|DATADIR|DOCDIR|MANDIR|SYSCONFDIR|UNITDIR|UDEVDIR)(/.*)?$")
        message(FATAL_ERROR "dmremap_install: bad DESTINATION ${ARG_DESTINATION}")
    endif()
    if(NOT ARG_COMPONENT)
        message(FATAL_ERROR "dmremap_install: COMPONENT is required")
    endif()
    set(dir "${CMAKE_MATCH_1}")
    set(subdir "${CMAKE_MATCH_2}")
    if(dir STREQUAL "UNITDIR" OR dir STREQUAL "UDEVDIR")
        set(destination "\${DMREMAP_${dir}}${subdir}")
    else()
        set(destination "\${CMAKE_INSTALL_FULL_${dir}}${subdir}")
    endif()
    _dmremap_install_dirs_code(code)
    set(files "")
    foreach(file IN LISTS ARG_FILES)
        get_filename_component(file "${file}" ABSOLUTE)
        string(APPEND files " \"${file}\"")
    endforeach()
    foreach(template IN LISTS ARG_TEMPLATES)
        get_filename_component(template "${template}" ABSOLUTE)
        get_filename_component(name "${template}" NAME)
        string(REGEX REPLACE "\\.in$" "" name "${name}")
        set(configured "${CMAKE_CURRENT_BINARY_DIR}/install-time/${name}")
        string(APPEND code "configure_file(\"${template}\" \"${configured}\" @ONLY)\n")
        string(APPEND files " \"${configured}\"")
    endforeach()
    string(APPEND code "file(INSTALL DESTINATION \"${destination}\" TYPE FILE FILES${files})\n")
    install(CODE "${code}" COMPONENT ${ARG_COMPONENT})
endfunction()

# dmremap_install_man(<page>.<section> COMPONENT <component>): a hand-written
# page from docs/man, compressed as Debian ships man pages (gzip -9n, so the
# bytes do not depend on the build time).
function(dmremap_install_man page)
    cmake_parse_arguments(ARG "" "COMPONENT" "" ${ARGN})
    string(REGEX MATCH "[0-9]$" section "${page}")
    set(source ${PROJECT_SOURCE_DIR}/docs/man/${page})
    set(compressed ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz)
    add_custom_command(OUTPUT ${compressed}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
        COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" sh ${source} ${compressed}
        DEPENDS ${source}
        VERBATIM)
    add_custom_target(man-${page} ALL DEPENDS ${compressed})
    install(FILES ${compressed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section}
            COMPONENT ${ARG_COMPONENT})
endfunction()
