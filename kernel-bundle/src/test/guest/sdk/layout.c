/*
 * Compile-time checks of the SDK's layouts and numbers against the reference
 * (sel4-riscv64-abi.md): compiling this file is the test. Also compiled as C++.
 */
#include <stddef.h>
#include <sel4/sel4.h>

#ifdef __cplusplus
#define CHECK(expr) static_assert(expr, #expr)
#define ALIGNOF(type) alignof(type)
#else
#define CHECK(expr) _Static_assert(expr, #expr)
#define ALIGNOF(type) _Alignof(type)
#endif

/* §1.1 */
CHECK(seL4_SysCall == -1 && seL4_SysReplyRecv == -2 && seL4_SysSend == -3 && seL4_SysNBSend == -4);
CHECK(seL4_SysRecv == -5 && seL4_SysReply == -6 && seL4_SysYield == -7 && seL4_SysNBRecv == -8);
CHECK(seL4_SysDebugPutChar == -9 && seL4_SysDebugDumpScheduler == -10 && seL4_SysDebugHalt == -11);
CHECK(seL4_SysDebugCapIdentify == -12 && seL4_SysDebugSnapshot == -13 && seL4_SysDebugNameThread == -14);

/* §1.4 */
CHECK(sizeof(seL4_MessageInfo_t) == 8);
CHECK(seL4_MsgLengthBits == 7 && seL4_MsgExtraCapBits == 2 && seL4_MsgMaxLength == 120 && seL4_MsgMaxExtraCaps == 3);

/* §1.5 */
CHECK(sizeof(seL4_IPCBuffer) == 1024 && ALIGNOF(seL4_IPCBuffer) == 1024);
CHECK(offsetof(seL4_IPCBuffer, tag) == 0);
CHECK(offsetof(seL4_IPCBuffer, msg) == 8 && sizeof(((seL4_IPCBuffer *) 0)->msg) == 960);
CHECK(offsetof(seL4_IPCBuffer, userData) == 968);
CHECK(offsetof(seL4_IPCBuffer, caps_or_badges) == 976 && sizeof(((seL4_IPCBuffer *) 0)->caps_or_badges) == 24);
CHECK(offsetof(seL4_IPCBuffer, receiveCNode) == 1000);
CHECK(offsetof(seL4_IPCBuffer, receiveIndex) == 1008);
CHECK(offsetof(seL4_IPCBuffer, receiveDepth) == 1016);

/* §2 */
CHECK(seL4_Fault_NullFault == 0 && seL4_Fault_CapFault == 1 && seL4_Fault_UnknownSyscall == 2);
CHECK(seL4_Fault_UserException == 3 && seL4_Fault_VMFault == 5);
CHECK(seL4_CapFault_IP == 0 && seL4_CapFault_Addr == 1 && seL4_CapFault_InRecvPhase == 2);
CHECK(seL4_CapFault_LookupFailureType == 3 && seL4_CapFault_BitsLeft == 4);
CHECK(seL4_CapFault_DepthMismatch_BitsFound == 5 && seL4_CapFault_GuardMismatch_GuardFound == 5);
CHECK(seL4_CapFault_GuardMismatch_BitsFound == 6);
CHECK(seL4_UnknownSyscall_FaultIP == 0 && seL4_UnknownSyscall_SP == 1 && seL4_UnknownSyscall_RA == 2);
CHECK(seL4_UnknownSyscall_A0 == 3 && seL4_UnknownSyscall_A6 == 9 && seL4_UnknownSyscall_Syscall == 10);
CHECK(seL4_UnknownSyscall_Length == 11);
CHECK(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1 && seL4_UserException_Number == 2);
CHECK(seL4_UserException_Code == 3 && seL4_UserException_Length == 4);
CHECK(seL4_VMFault_IP == 0 && seL4_VMFault_Addr == 1 && seL4_VMFault_PrefetchFault == 2);
CHECK(seL4_VMFault_FSR == 3 && seL4_VMFault_Length == 4);

/* §3: the UserContext is 32 words in wire order. */
CHECK(sizeof(seL4_UserContext) == 32 * 8);
CHECK(offsetof(seL4_UserContext, pc) == 0 * 8 && offsetof(seL4_UserContext, ra) == 1 * 8);
CHECK(offsetof(seL4_UserContext, sp) == 2 * 8 && offsetof(seL4_UserContext, gp) == 3 * 8);
CHECK(offsetof(seL4_UserContext, s0) == 4 * 8 && offsetof(seL4_UserContext, s1) == 5 * 8);
CHECK(offsetof(seL4_UserContext, s2) == 6 * 8 && offsetof(seL4_UserContext, s3) == 7 * 8);
CHECK(offsetof(seL4_UserContext, s4) == 8 * 8 && offsetof(seL4_UserContext, s5) == 9 * 8);
CHECK(offsetof(seL4_UserContext, s6) == 10 * 8 && offsetof(seL4_UserContext, s7) == 11 * 8);
CHECK(offsetof(seL4_UserContext, s8) == 12 * 8 && offsetof(seL4_UserContext, s9) == 13 * 8);
CHECK(offsetof(seL4_UserContext, s10) == 14 * 8 && offsetof(seL4_UserContext, s11) == 15 * 8);
CHECK(offsetof(seL4_UserContext, a0) == 16 * 8 && offsetof(seL4_UserContext, a1) == 17 * 8);
CHECK(offsetof(seL4_UserContext, a2) == 18 * 8 && offsetof(seL4_UserContext, a3) == 19 * 8);
CHECK(offsetof(seL4_UserContext, a4) == 20 * 8 && offsetof(seL4_UserContext, a5) == 21 * 8);
CHECK(offsetof(seL4_UserContext, a6) == 22 * 8 && offsetof(seL4_UserContext, a7) == 23 * 8);
CHECK(offsetof(seL4_UserContext, t0) == 24 * 8 && offsetof(seL4_UserContext, t1) == 25 * 8);
CHECK(offsetof(seL4_UserContext, t2) == 26 * 8 && offsetof(seL4_UserContext, t3) == 27 * 8);
CHECK(offsetof(seL4_UserContext, t4) == 28 * 8 && offsetof(seL4_UserContext, t5) == 29 * 8);
CHECK(offsetof(seL4_UserContext, t6) == 30 * 8 && offsetof(seL4_UserContext, tp) == 31 * 8);

/* §4.1, the 15.0/16.0 column. */
CHECK(InvalidInvocation == 0 && UntypedRetype == 1 && TCBReadRegisters == 2 && TCBWriteRegisters == 3);
CHECK(TCBCopyRegisters == 4 && TCBConfigure == 5 && TCBSetPriority == 6 && TCBSetMCPriority == 7);
CHECK(TCBSetSchedParams == 8 && TCBSetIPCBuffer == 9 && TCBSetSpace == 10 && TCBSuspend == 11);
CHECK(TCBResume == 12 && TCBBindNotification == 13 && TCBUnbindNotification == 14 && TCBSetTLSBase == 15);
CHECK(TCBSetFlags == 16 && CNodeRevoke == 17 && CNodeDelete == 18 && CNodeCancelBadgedSends == 19);
CHECK(CNodeCopy == 20 && CNodeMint == 21 && CNodeMove == 22 && CNodeMutate == 23 && CNodeRotate == 24);
CHECK(CNodeSaveCaller == 25 && IRQIssueIRQHandler == 26 && IRQAckIRQ == 27 && IRQSetIRQHandler == 28);
CHECK(IRQClearIRQHandler == 29 && DomainSetSet == 30 && DomainScheduleConfigure == 31);
CHECK(DomainScheduleSetStart == 32 && nInvocationLabels == 33 && (int) nSeL4ArchInvocationLabels == 33);
CHECK(RISCVPageTableMap == 33 && RISCVPageTableUnmap == 34 && RISCVPageMap == 35 && RISCVPageUnmap == 36);
CHECK(RISCVPageGetAddress == 37 && RISCVASIDControlMakePool == 38 && RISCVASIDPoolAssign == 39);
CHECK(RISCVIRQIssueIRQHandlerTrigger == 40 && nArchInvocationLabels == 41);

/* §4.4 */
CHECK(seL4_UntypedObject == 0 && seL4_TCBObject == 1 && seL4_EndpointObject == 2);
CHECK(seL4_NotificationObject == 3 && seL4_CapTableObject == 4);
CHECK((int) seL4_RISCV_Giga_Page == 5 && (int) seL4_RISCV_4K_Page == 6 && (int) seL4_RISCV_Mega_Page == 7);
CHECK((int) seL4_RISCV_PageTableObject == 8 && (int) seL4_ObjectTypeCount == 9);
CHECK(seL4_RISCV_Tera_Page == 0xffffffff);
CHECK(seL4_TCBBits == 11 && seL4_EndpointBits == 4 && seL4_NotificationBits == 5 && seL4_SlotBits == 5);
CHECK(seL4_PageBits == 12 && seL4_LargePageBits == 21 && seL4_HugePageBits == 30 && seL4_TeraPageBits == 39);
CHECK(seL4_PageTableBits == 12 && seL4_PageTableEntryBits == 3 && seL4_PageTableIndexBits == 9);
CHECK(seL4_VSpaceBits == 12 && seL4_IPCBufferSizeBits == 10 && seL4_BootInfoFrameBits == 12);
CHECK(seL4_WordBits == 64 && seL4_WordSizeBits == 3 && sizeof(seL4_Word) == 8 && sizeof(seL4_CPtr) == 8);
CHECK(seL4_NumASIDPoolsBits == 7 && seL4_ASIDPoolIndexBits == 9 && seL4_ASIDPoolBits == 12);
CHECK(seL4_MinUntypedBits == 4 && seL4_MaxUntypedBits == 38 && seL4_UntypedRetypeMaxObjects == 256);
CHECK(seL4_UserTop == 0x3ffffff000UL && seL4_UserVSpaceTop == 0x3fffffefffUL);
CHECK(seL4_GuardSizeBits == 6 && seL4_GuardBits == 58 && seL4_BadgeBits == 64);
CHECK(seL4_MinPrio == 0 && seL4_MaxPrio == 255);
CHECK(seL4_RISCV_ExecuteNever == 1 && seL4_RISCV_Default_VMAttributes == 0);

/* §5 */
CHECK(seL4_NoError == 0 && seL4_InvalidArgument == 1 && seL4_InvalidCapability == 2);
CHECK(seL4_IllegalOperation == 3 && seL4_RangeError == 4 && seL4_AlignmentError == 5);
CHECK(seL4_FailedLookup == 6 && seL4_TruncatedMessage == 7 && seL4_DeleteFirst == 8);
CHECK(seL4_RevokeFirst == 9 && seL4_NotEnoughMemory == 10 && seL4_NumErrors == 11);
CHECK(sizeof(seL4_Error) == sizeof(int));
CHECK(seL4_NoFailure == 0 && seL4_InvalidRoot == 1 && seL4_MissingCapability == 2);
CHECK(seL4_DepthMismatch == 3 && seL4_GuardMismatch == 4);
CHECK(sizeof(seL4_CapRights_t) == 8 && sizeof(seL4_CNode_CapData_t) == 8);

/* §6.1 */
CHECK(seL4_CapNull == 0 && seL4_CapInitThreadTCB == 1 && seL4_CapInitThreadCNode == 2);
CHECK(seL4_CapInitThreadVSpace == 3 && seL4_CapInitThreadPD == 3 && seL4_CapIRQControl == 4);
CHECK(seL4_CapASIDControl == 5 && seL4_CapInitThreadASIDPool == 6 && seL4_CapIOPortControl == 7);
CHECK(seL4_CapIOSpace == 8 && seL4_CapBootInfoFrame == 9 && seL4_CapInitThreadIPCBuffer == 10);
CHECK(seL4_CapDomain == 11 && seL4_CapSMMUSIDControl == 12 && seL4_CapSMMUCBControl == 13);
CHECK(seL4_CapInitThreadSC == 14 && seL4_CapSMC == 15 && seL4_NumInitialCaps == 16);

/* §6.2 */
CHECK(sizeof(seL4_SlotRegion) == 16 && offsetof(seL4_SlotRegion, end) == 8);
CHECK(sizeof(seL4_UntypedDesc) == 16 && offsetof(seL4_UntypedDesc, paddr) == 0);
CHECK(offsetof(seL4_UntypedDesc, sizeBits) == 8 && offsetof(seL4_UntypedDesc, isDevice) == 9);
CHECK(offsetof(seL4_BootInfo, extraLen) == 0 && offsetof(seL4_BootInfo, nodeID) == 8);
CHECK(offsetof(seL4_BootInfo, numNodes) == 16 && offsetof(seL4_BootInfo, numIOPTLevels) == 24);
CHECK(offsetof(seL4_BootInfo, ipcBuffer) == 32 && offsetof(seL4_BootInfo, empty) == 40);
CHECK(offsetof(seL4_BootInfo, sharedFrames) == 56 && offsetof(seL4_BootInfo, userImageFrames) == 72);
CHECK(offsetof(seL4_BootInfo, userImagePaging) == 88 && offsetof(seL4_BootInfo, ioSpaceCaps) == 104);
CHECK(offsetof(seL4_BootInfo, extraBIPages) == 120 && offsetof(seL4_BootInfo, initThreadCNodeSizeBits) == 136);
CHECK(offsetof(seL4_BootInfo, initThreadDomain) == 144 && offsetof(seL4_BootInfo, untyped) == 152);
CHECK(offsetof(seL4_BootInfo, untypedList) == 168 && sizeof(seL4_BootInfo) == 3848);
CHECK(sizeof(seL4_BootInfoHeader) == 16 && SEL4_BOOTINFO_HEADER_FDT == 6);

/* §8 and the MCS/SMP-only names that must stay absent. */
#if defined(seL4_FastMessageRegisters) || defined(CONFIG_KERNEL_MCS) || defined(CONFIG_ENABLE_SMP_SUPPORT)
#error "an MCS, SMP or non-RISC-V name is defined"
#endif
