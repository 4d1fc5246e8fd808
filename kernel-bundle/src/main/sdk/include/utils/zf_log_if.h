/* Conditional logging of seL4's libutils: ZF_LOG?_IF(cond, fmt, ...) logs "[Cond failed: cond]"
   and the message when cond holds; ZF_LOGF_IF then aborts. fmt must be a string literal. */
#pragma once

#include <utils/zf_log.h>

#define ZF_LOG_IF_(log, cond, fmt, ...)                                  \
    do {                                                                 \
        if (cond) {                                                      \
            log("[Cond failed: %s]\n\t" fmt, #cond, ##__VA_ARGS__);      \
        }                                                                \
    } while (0)

#define ZF_LOGV_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGV, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGD_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGD, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGI_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGI, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGW_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGW, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGE_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGE, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGF_IF(cond, fmt, ...) ZF_LOG_IF_(ZF_LOGF, cond, fmt, ##__VA_ARGS__)
