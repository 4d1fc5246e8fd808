/* sel4_strerror(): the name of a seL4_Error ("seL4_InvalidCapability"), as libsel4utils gives it. */
#pragma once

#include <sel4/errors.h>

static inline const char *sel4_strerror(int errcode)
{
    static const char *const names[] = {
        "seL4_NoError", "seL4_InvalidArgument", "seL4_InvalidCapability", "seL4_IllegalOperation",
        "seL4_RangeError", "seL4_AlignmentError", "seL4_FailedLookup", "seL4_TruncatedMessage",
        "seL4_DeleteFirst", "seL4_RevokeFirst", "seL4_NotEnoughMemory",
    };
    if (errcode < 0 || errcode >= (int) (sizeof(names) / sizeof(names[0]))) {
        return "unknown seL4 error";
    }
    return names[errcode];
}
