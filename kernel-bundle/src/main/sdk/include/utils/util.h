/* seL4's libutils umbrella as tutorial code uses it: attributes, arithmetic, logging, assert. */
#pragma once

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <utils/arith.h>
#include <utils/attribute.h>
#include <utils/zf_log.h>
#include <utils/zf_log_if.h>

#ifdef __cplusplus
#define compile_time_assert(name, expr) static_assert(expr, #name)
#else
#define compile_time_assert(name, expr) _Static_assert(expr, #name)
#endif
