package dev.faultline.kernel.object.invocation;

import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.CSpace.CNodeOperand;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;

/**
 * CNode_Rotate (seL4 decodeCNodeInvocation's rotate case and invokeCNodeRotate): the pivot's cap
 * moves to the destination and the source's to the pivot, each with new cap data; when source
 * and destination are one slot, it swaps with the pivot.
 */
final class Rotation {

    private Rotation() {
    }

    static Invocation decode(InvocationRequest request, Cte destination, KernelServices services) throws SyscallError {
        if (request.length() < 8 || request.extraCaps().size() < 2) {
            throw SyscallError.truncatedMessage("Rotate needs 8 words and 2 caps");
        }
        long sourceData = request.mr(2);
        long pivotData = request.mr(5);
        long pivotDepth = request.mr(4);
        long sourceDepth = request.mr(7);
        Cte pivot = CSpace.lookupSlotForCNodeOp(CNodeOperand.SOURCE, request.extraCap(0), request.mr(3), pivotDepth);
        Cte source = CSpace.lookupSlotForCNodeOp(CNodeOperand.SOURCE, request.extraCap(1), request.mr(6), sourceDepth);
        if (pivot == source || pivot == destination) {
            throw SyscallError.illegalOperation("the pivot must differ from the source and the destination");
        }
        if (source != destination) {
            CNodeDecoder.ensureEmpty(destination);
        }
        if (source.isEmpty()) {
            throw SyscallError.failedLookup(true, new LookupFailure.MissingCapability((int) sourceDepth), "the source is empty");
        }
        if (pivot.isEmpty()) {
            throw SyscallError.failedLookup(false, new LookupFailure.MissingCapability((int) pivotDepth), "the pivot is empty");
        }
        Capability newSource = Cdt.updateCapData(Cdt.BadgeUse.PRESERVE, sourceData, source.cap());
        Capability newPivot = Cdt.updateCapData(Cdt.BadgeUse.PRESERVE, pivotData, pivot.cap());
        if (newSource.isNull() || newPivot.isNull()) {
            throw SyscallError.illegalOperation("the cap data does not apply to the caps rotated");
        }
        return () -> {
            if (source == destination) {
                Cdt.swap(newSource, source, newPivot, pivot);
            } else {
                Cdt.move(newPivot, pivot, destination);
                Cdt.move(newSource, source, pivot);
            }
            CNodeDecoder.journal(services, request, "rotate", source, destination, newSource);
            return Invocation.NO_REPLY;
        };
    }
}
