/*
 * seL4_MessageInfo_t, the tag word of every message (reference §1.4): label in bits 63..12,
 * capsUnwrapped in 11..9, extraCaps in 8..7, length in 6..0. The constructor takes
 * (label, capsUnwrapped, extraCaps, length); each field has get_/set_ (by value) and
 * ptr_get_/ptr_set_ (through a pointer) accessors, as libsel4's generated ones do.
 */
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>

typedef struct seL4_MessageInfo {
    seL4_Uint64 words[1];
} seL4_MessageInfo_t;

#define SEL4_MSGINFO_LABEL_MASK 0xfffffffffffffUL /* 52 bits */

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Uint64 label, seL4_Uint64 capsUnwrapped,
                                                            seL4_Uint64 extraCaps, seL4_Uint64 length)
{
    seL4_MessageInfo_t info;
    info.words[0] = (label & SEL4_MSGINFO_LABEL_MASK) << 12 | (capsUnwrapped & 0x7) << 9
                    | (extraCaps & 0x3) << 7 | (length & 0x7f);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_get_label(seL4_MessageInfo_t info)
{
    return (info.words[0] >> 12) & SEL4_MSGINFO_LABEL_MASK;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t info)
{
    return (info.words[0] >> 9) & 0x7;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t info)
{
    return (info.words[0] >> 7) & 0x3;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_get_length(seL4_MessageInfo_t info)
{
    return info.words[0] & 0x7f;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_label(seL4_MessageInfo_t info, seL4_Uint64 v)
{
    info.words[0] = (info.words[0] & ~(SEL4_MSGINFO_LABEL_MASK << 12)) | (v & SEL4_MSGINFO_LABEL_MASK) << 12;
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_capsUnwrapped(seL4_MessageInfo_t info, seL4_Uint64 v)
{
    info.words[0] = (info.words[0] & ~(0x7UL << 9)) | (v & 0x7) << 9;
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_extraCaps(seL4_MessageInfo_t info, seL4_Uint64 v)
{
    info.words[0] = (info.words[0] & ~(0x3UL << 7)) | (v & 0x3) << 7;
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_length(seL4_MessageInfo_t info, seL4_Uint64 v)
{
    info.words[0] = (info.words[0] & ~0x7fUL) | (v & 0x7f);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_ptr_get_label(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_label(*info);
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_ptr_get_capsUnwrapped(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_capsUnwrapped(*info);
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_ptr_get_extraCaps(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_extraCaps(*info);
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_MessageInfo_ptr_get_length(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_length(*info);
}

LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_label(seL4_MessageInfo_t *info, seL4_Uint64 v)
{
    *info = seL4_MessageInfo_set_label(*info, v);
}

LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_capsUnwrapped(seL4_MessageInfo_t *info, seL4_Uint64 v)
{
    *info = seL4_MessageInfo_set_capsUnwrapped(*info, v);
}

LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_extraCaps(seL4_MessageInfo_t *info, seL4_Uint64 v)
{
    *info = seL4_MessageInfo_set_extraCaps(*info, v);
}

LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_length(seL4_MessageInfo_t *info, seL4_Uint64 v)
{
    *info = seL4_MessageInfo_set_length(*info, v);
}
