/*
 * The seL4 configuration Faultline models (reference §0): riscv64, Sv39, non-MCS, uniprocessor,
 * debug build with printing, FPU on. Code tests these CONFIG_ macros as it would against a
 * generated seL4 autoconf.h. What is off is deliberately left undefined: CONFIG_KERNEL_MCS,
 * CONFIG_ENABLE_SMP_SUPPORT, CONFIG_HARDWARE_DEBUG_API, CONFIG_SET_TLS_BASE_SELF,
 * CONFIG_ENABLE_BENCHMARKS, CONFIG_LIB_SEL4_USE_THREAD_LOCALS.
 */
#pragma once

#define CONFIG_ARCH_RISCV 1
#define CONFIG_ARCH_RISCV64 1
#define CONFIG_SEL4_ARCH riscv64
#define CONFIG_WORD_SIZE 64
#define CONFIG_PT_LEVELS 3
#define CONFIG_HAVE_FPU 1
#define CONFIG_RISCV_EXT_F 1
#define CONFIG_RISCV_EXT_D 1
#define CONFIG_MAX_NUM_NODES 1
#define CONFIG_NUM_PRIORITIES 256
#define CONFIG_NUM_DOMAINS 1
#define CONFIG_TIME_SLICE 5
#define CONFIG_RETYPE_FAN_OUT_LIMIT 256
#define CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS 230
#define CONFIG_DEBUG_BUILD 1
#define CONFIG_PRINTING 1
