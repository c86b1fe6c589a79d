# VM test support, included by tests/vm/CMakeLists.txt and usable from other
# test folders once it is included:
#
#   add_vm_test(NAME <name> SCRIPT <guest-script>
#               [KERNELS all|default] [TIMEOUT <seconds>]
#               [DISKS <kind>:<size>:<serial>[:<model>] ...]
#               [VM_ARGS <vm-run options> ...] [ARGS <script args> ...]
#               [NO_MODULE])
#
# registers one ctest test per kernel, named vm.<name>.<kernel version>,
# labelled "vm", that boots the kernel with the dm-remap.ko built for it (unless
# NO_MODULE) and runs the guest script. DISKS are fresh sparse images made per
# run (see vm-run --scratch-disk). Results and logs go to
# <binary dir>/vm-out/<name>-<kernel>, also visible in the guest as $OUT.

set(VM_RUN ${CMAKE_CURRENT_LIST_DIR}/vm-run)
set(VM_CACHE_DIR ${CMAKE_BINARY_DIR}/tests/vm/cache)

# Every installed kernel with its image and headers: one lane each.
file(GLOB _vm_module_dirs LIST_DIRECTORIES true /lib/modules/*)
set(VM_KERNELS "")
foreach(dir IN LISTS _vm_module_dirs)
    get_filename_component(version ${dir} NAME)
    if(EXISTS /boot/vmlinuz-${version} AND EXISTS ${dir}/build/Makefile)
        list(APPEND VM_KERNELS ${version})
    endif()
endforeach()
list(SORT VM_KERNELS COMPARE NATURAL)
# The default lane is the newest 6.1 kernel, Debian 12's own.
set(VM_DEFAULT_KERNEL "")
foreach(version IN LISTS VM_KERNELS)
    if(version MATCHES "^6\\.1\\.")
        set(VM_DEFAULT_KERNEL ${version})
    endif()
endforeach()

# dm-remap.ko for one kernel, built from a copy of kernel/ (out-of-tree builds
# write into their source folder).
function(vm_module_path version out_var)
    string(REGEX REPLACE "[^A-Za-z0-9]" "_" id ${version})
    set(${out_var} ${CMAKE_BINARY_DIR}/tests/vm/module/${id}/dm-remap.ko PARENT_SCOPE)
endfunction()

function(vm_module_target version out_var)
    string(REGEX REPLACE "[^A-Za-z0-9]" "_" id ${version})
    set(${out_var} dm-remap-module-${id} PARENT_SCOPE)
endfunction()

function(add_vm_test)
    cmake_parse_arguments(VT "NO_MODULE" "NAME;SCRIPT;KERNELS;TIMEOUT"
                          "DISKS;VM_ARGS;ARGS" ${ARGN})
    if(NOT VT_NAME OR NOT VT_SCRIPT)
        message(FATAL_ERROR "add_vm_test: NAME and SCRIPT are required")
    endif()
    if(NOT VT_KERNELS)
        set(VT_KERNELS all)
    endif()
    if(NOT VT_TIMEOUT)
        set(VT_TIMEOUT 600)
    endif()
    if(VT_KERNELS STREQUAL "all")
        set(kernels ${VM_KERNELS})
    elseif(VT_KERNELS STREQUAL "default")
        set(kernels ${VM_DEFAULT_KERNEL})
    else()
        message(FATAL_ERROR "add_vm_test: KERNELS must be all or default")
    endif()
    get_filename_component(script ${VT_SCRIPT} ABSOLUTE)
    set(disk_args "")
    foreach(disk IN LISTS VT_DISKS)
        list(APPEND disk_args --scratch-disk ${disk})
    endforeach()
    foreach(version IN LISTS kernels)
        set(module_args "")
        if(NOT VT_NO_MODULE)
            vm_module_target(${version} module_target)
            if(NOT TARGET ${module_target})
                continue()
            endif()
            vm_module_path(${version} module)
            set(module_args --module ${module})
        endif()
        set(test vm.${VT_NAME}.${version})
        add_test(NAME ${test}
                 COMMAND ${VM_RUN} --kernel ${version} ${module_args}
                         --build-dir ${VM_CACHE_DIR}
                         --out ${CMAKE_CURRENT_BINARY_DIR}/vm-out/${VT_NAME}-${version}
                         --timeout ${VT_TIMEOUT} ${disk_args} ${VT_VM_ARGS}
                         ${script} ${VT_ARGS})
        math(EXPR ctest_timeout "${VT_TIMEOUT} + 60")
        # One QEMU at a time: the machine has two cores.
        set_tests_properties(${test} PROPERTIES LABELS vm TIMEOUT ${ctest_timeout}
                             RESOURCE_LOCK qemu)
    endforeach()
endfunction()
