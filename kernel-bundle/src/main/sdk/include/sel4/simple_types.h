/*
 * Fixed-width integers and the boolean type of libsel4 (seL4_Int8 ... seL4_Uint64, seL4_Bool),
 * for the LP64 RISC-V ABI, where a 64-bit integer is a long.
 */
#pragma once

typedef signed char seL4_Int8;
typedef unsigned char seL4_Uint8;
typedef signed short seL4_Int16;
typedef unsigned short seL4_Uint16;
typedef signed int seL4_Int32;
typedef unsigned int seL4_Uint32;
typedef signed long seL4_Int64;
typedef unsigned long seL4_Uint64;

typedef seL4_Int8 seL4_Bool;
#define seL4_True 1
#define seL4_False 0

#ifdef __cplusplus
#define seL4_Null 0
#else
#define seL4_Null ((void *)0)
#endif
