/* Names seL4 defines only with MCS, SMP or on other architectures: declaring each as a variable
   compiles only while the SDK leaves it undefined (reference §1.1, §2.1, §4.1, §4.4). */
#include <sel4/sel4.h>

int seL4_SysNBSendRecv, seL4_SysNBSendWait, seL4_SysWait, seL4_SysNBWait;
int seL4_SysDebugSendIPI, seL4_SysDebugGetThreadAffinity, seL4_SysDebugRun, seL4_SysSetTLSBase;
int seL4_SchedContextObject, seL4_ReplyObject, seL4_SchedContext, seL4_SchedControl;
int seL4_NBSendRecv, seL4_NBSendWait, seL4_NBWait, seL4_DebugSendIPI, seL4_SetTLSBase;
int seL4_TCB_SetAffinity, seL4_TCB_SetTimeoutEndpoint, seL4_SchedContext_Bind, seL4_SchedControl_Configure;
int seL4_SchedControl_ConfigureFlags, TCBSetAffinity, TCBSetTimeoutEndpoint, SchedControlConfigureFlags;
int seL4_Fault_Timeout, seL4_Fault_DebugException, seL4_TimeoutReply_Length, seL4_FastMessageRegisters;
int seL4_UserException_FLAGS, seL4_RISCV_Tera_Page_Object, seL4_NumHWBreakpoints;
