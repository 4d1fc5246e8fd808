package dev.faultline.debug.ui.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.actions.IWatchExpressionFactoryAdapter2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.model.FaultlineWatchExpressionDelegate;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Workbench;

/** The Variables view's Watch on a Faultline variable: the expression the adapter names it by, which reads it back. */
class WatchExpressionFactoryTest {

    @AfterEach
    void cleanUp() throws CoreException {
        Workbench.cleanUp();
    }

    @Test
    void watchOnAMemberDeepInAGlobalWatchesItsCExpression() throws Exception {
        Workbench.showDebugPerspective();
        ExamplesProject.breakpointAt("ipc/ipc.c", "printf(\"\\n\");");
        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), false));
            FaultlineThread thread = (FaultlineThread) events.await("the breakpoint", DebugEvents.stopOf(FaultlineThread.class), 60)
                    .getSource();
            IStackFrame top = thread.getTopStackFrame();
            IVariable globals = child(top.getVariables(), "Globals");
            IVariable clients = child(globals.getValue().getVariables(), "clients");
            IVariable name = child(child(clients.getValue().getVariables(), "[1]").getValue().getVariables(), "name");

            // As the Watch command asks: the factory's plug-in may load for it.
            IWatchExpressionFactoryAdapter2 factory = Adapters.adapt(name, IWatchExpressionFactoryAdapter2.class, true);
            assertTrue(factory != null, "the plug-in's factory serves Faultline variables");
            assertTrue(factory.canCreateWatchExpression(name), "a member has an expression");
            assertEquals("clients[1].name", factory.createWatchExpression(name));
            assertFalse(factory.canCreateWatchExpression(globals), "a scope's group names no value");
            assertEquals(name.getValue().getValueString(), FaultlineWatchExpressionDelegate
                    .evaluate("clients[1].name", top).getValue().getValueString(), "the watch reads what the view shows");
        }
    }

    private static IVariable child(IVariable[] variables, String name) throws DebugException {
        for (IVariable variable : variables) {
            if (variable.getName().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name);
    }
}
