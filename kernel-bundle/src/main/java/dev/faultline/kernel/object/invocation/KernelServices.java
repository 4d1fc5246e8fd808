package dev.faultline.kernel.object.invocation;

import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.IpcContext;
import dev.faultline.kernel.ipc.Signals;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.thread.ThreadControl;

/** What performing an invocation may use: IPC, signals, thread control, object creation and deletion. */
public record KernelServices(IpcContext context, Ipc ipc, Signals signals, ThreadControl threads, ObjectSpace objects) {
}
