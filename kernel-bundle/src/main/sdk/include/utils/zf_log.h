/*
 * The logging macros of seL4's libutils (ZF_LOGV ... ZF_LOGF): one line on the console,
 * "function@file:line message". Levels below ZF_LOG_LEVEL (default ZF_LOG_INFO) print nothing;
 * ZF_LOGF prints at any level and then aborts.
 */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define ZF_LOG_VERBOSE 1
#define ZF_LOG_DEBUG 2
#define ZF_LOG_INFO 3
#define ZF_LOG_WARN 4
#define ZF_LOG_ERROR 5
#define ZF_LOG_FATAL 6
#define ZF_LOG_NONE 0xff

#ifndef ZF_LOG_LEVEL
#define ZF_LOG_LEVEL ZF_LOG_INFO
#endif

static inline void __attribute__((format(printf, 5, 6)))
zf_log_write(int level, const char *function, const char *file, int line, const char *format, ...)
{
    va_list args;
    if (level < ZF_LOG_LEVEL && level != ZF_LOG_FATAL) {
        return;
    }
    printf("%s@%s:%d ", function, file, line);
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
}

#define ZF_LOGV(...) zf_log_write(ZF_LOG_VERBOSE, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define ZF_LOGD(...) zf_log_write(ZF_LOG_DEBUG, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define ZF_LOGI(...) zf_log_write(ZF_LOG_INFO, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define ZF_LOGW(...) zf_log_write(ZF_LOG_WARN, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define ZF_LOGE(...) zf_log_write(ZF_LOG_ERROR, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define ZF_LOGF(...)                                                              \
    do {                                                                          \
        zf_log_write(ZF_LOG_FATAL, __func__, __FILE__, __LINE__, __VA_ARGS__);    \
        abort();                                                                  \
    } while (0)
