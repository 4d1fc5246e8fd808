/* ZF_LOG?_IFERR(err, fmt, ...) of libsel4utils: logs "[Err <name>]:" and the message when err is
   not seL4_NoError; ZF_LOGF_IFERR then aborts. fmt must be a string literal. */
#pragma once

#include <sel4/errors.h>
#include <sel4utils/strerror.h>
#include <utils/zf_log.h>

#define ZF_LOG_IFERR_(log, err, fmt, ...)                                            \
    do {                                                                             \
        if ((err) != seL4_NoError) {                                                 \
            log("[Err %s]:\n\t" fmt, sel4_strerror(err), ##__VA_ARGS__);             \
        }                                                                            \
    } while (0)

#define ZF_LOGD_IFERR(err, fmt, ...) ZF_LOG_IFERR_(ZF_LOGD, err, fmt, ##__VA_ARGS__)
#define ZF_LOGI_IFERR(err, fmt, ...) ZF_LOG_IFERR_(ZF_LOGI, err, fmt, ##__VA_ARGS__)
#define ZF_LOGW_IFERR(err, fmt, ...) ZF_LOG_IFERR_(ZF_LOGW, err, fmt, ##__VA_ARGS__)
#define ZF_LOGE_IFERR(err, fmt, ...) ZF_LOG_IFERR_(ZF_LOGE, err, fmt, ##__VA_ARGS__)
#define ZF_LOGF_IFERR(err, fmt, ...) ZF_LOG_IFERR_(ZF_LOGF, err, fmt, ##__VA_ARGS__)
