package dev.faultline.debug.core.sourcelookup;

import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupDirector;

/** Finds the source of a Faultline stack frame: DWARF paths first, then the configured containers. */
public final class FaultlineSourceLookupDirector extends AbstractSourceLookupDirector {

    @Override
    public void initializeParticipants() {
        addParticipants(new org.eclipse.debug.core.sourcelookup.ISourceLookupParticipant[] {new FaultlineSourceLookupParticipant()});
    }
}
