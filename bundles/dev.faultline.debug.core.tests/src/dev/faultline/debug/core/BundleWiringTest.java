package dev.faultline.debug.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The debug model runs the adapter in process: its bundle must wire to the pom-first adapter bundle. */
class BundleWiringTest {

    @Test
    void debugCoreResolvesInTheEclipseRuntime() {
        Bundle core = Platform.getBundle(FaultlineDebugCore.PLUGIN_ID);
        assertNotNull(core, "the debug core bundle is installed");
        assertEquals(FaultlineDebugCore.PLUGIN_ID, FrameworkUtil.getBundle(FaultlineDebugCore.class).getSymbolicName());
    }

    @Test
    void adapterClassesLoadThroughTheCoreBundleFromTheAdapterBundle() throws Exception {
        Bundle core = Platform.getBundle(FaultlineDebugCore.PLUGIN_ID);
        Class<?> cli = core.loadClass("dev.faultline.dap.cli.Main");
        Bundle owner = FrameworkUtil.getBundle(cli);
        assertNotNull(owner, "adapter classes come from an OSGi bundle, not a copy on the class path");
        assertEquals(FaultlineDebugCore.ADAPTER_BUNDLE_ID, owner.getSymbolicName());
    }
}
