/*
 * Capability rights and CNode cap data, the two one-word bitfields invocations take
 * (reference §5.3, §5.4). seL4_CapRights_new takes (grantReply, grant, read, write): bit 3
 * AllowGrantReply, bit 2 AllowGrant, bit 1 AllowRead, bit 0 AllowWrite. seL4_CNode_CapData_new
 * takes (guard, guardSize): guard in bits 63..6, guardSize in 5..0; Mint and Mutate take its word.
 */
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>

typedef struct seL4_CapRights {
    seL4_Uint64 words[1];
} seL4_CapRights_t;

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_new(seL4_Uint64 capAllowGrantReply, seL4_Uint64 capAllowGrant,
                                                        seL4_Uint64 capAllowRead, seL4_Uint64 capAllowWrite)
{
    seL4_CapRights_t rights;
    rights.words[0] = (capAllowGrantReply & 1) << 3 | (capAllowGrant & 1) << 2 | (capAllowRead & 1) << 1
                      | (capAllowWrite & 1);
    return rights;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CapRights_get_capAllowGrantReply(seL4_CapRights_t rights)
{
    return (rights.words[0] >> 3) & 1;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CapRights_get_capAllowGrant(seL4_CapRights_t rights)
{
    return (rights.words[0] >> 2) & 1;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CapRights_get_capAllowRead(seL4_CapRights_t rights)
{
    return (rights.words[0] >> 1) & 1;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CapRights_get_capAllowWrite(seL4_CapRights_t rights)
{
    return rights.words[0] & 1;
}

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowGrantReply(seL4_CapRights_t rights, seL4_Uint64 v)
{
    rights.words[0] = (rights.words[0] & ~(1UL << 3)) | (v & 1) << 3;
    return rights;
}

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowGrant(seL4_CapRights_t rights, seL4_Uint64 v)
{
    rights.words[0] = (rights.words[0] & ~(1UL << 2)) | (v & 1) << 2;
    return rights;
}

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowRead(seL4_CapRights_t rights, seL4_Uint64 v)
{
    rights.words[0] = (rights.words[0] & ~(1UL << 1)) | (v & 1) << 1;
    return rights;
}

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowWrite(seL4_CapRights_t rights, seL4_Uint64 v)
{
    rights.words[0] = (rights.words[0] & ~1UL) | (v & 1);
    return rights;
}

/* The usual rights sets (reference §5.3); like libsel4's, they are seL4_CapRights_t values. */
#define seL4_AllRights seL4_CapRights_new(1, 1, 1, 1)
#define seL4_CanRead seL4_CapRights_new(0, 0, 1, 0)
#define seL4_CanWrite seL4_CapRights_new(0, 0, 0, 1)
#define seL4_CanGrant seL4_CapRights_new(0, 1, 0, 0)
#define seL4_CanGrantReply seL4_CapRights_new(1, 0, 0, 0)
#define seL4_ReadWrite seL4_CapRights_new(0, 0, 1, 1)
#define seL4_NoWrite seL4_CapRights_new(1, 1, 1, 0)
#define seL4_NoRead seL4_CapRights_new(1, 1, 0, 1)
#define seL4_NoRights seL4_CapRights_new(0, 0, 0, 0)

typedef struct seL4_CNode_CapData {
    seL4_Uint64 words[1];
} seL4_CNode_CapData_t;

LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_new(seL4_Uint64 guard, seL4_Uint64 guardSize)
{
    seL4_CNode_CapData_t data;
    data.words[0] = (guard & 0x3ffffffffffffffUL) << 6 | (guardSize & 0x3f);
    return data;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CNode_CapData_get_guard(seL4_CNode_CapData_t data)
{
    return data.words[0] >> 6;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_CNode_CapData_get_guardSize(seL4_CNode_CapData_t data)
{
    return data.words[0] & 0x3f;
}

LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_set_guard(seL4_CNode_CapData_t data, seL4_Uint64 v)
{
    data.words[0] = (data.words[0] & 0x3fUL) | (v & 0x3ffffffffffffffUL) << 6;
    return data;
}

LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_set_guardSize(seL4_CNode_CapData_t data, seL4_Uint64 v)
{
    data.words[0] = (data.words[0] & ~0x3fUL) | (v & 0x3f);
    return data;
}
