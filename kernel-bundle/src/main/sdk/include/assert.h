/* assert(): when e is false, prints "Assertion failed: e (file: function: line)" and aborts;
   nothing when NDEBUG is defined. Also static_assert for C11. */
#ifndef SEL4_SDK_ASSERT_DECLARED
#define SEL4_SDK_ASSERT_DECLARED
#ifdef __cplusplus
extern "C" {
#endif
void __assert_fail(const char *expression, const char *file, int line, const char *function)
    __attribute__((noreturn));
#ifdef __cplusplus
}
#endif
#endif

#undef assert
#ifdef NDEBUG
#define assert(e) ((void) 0)
#else
#define assert(e) ((e) ? (void) 0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif
