package dev.faultline.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The adapter is a plain jar with a generated manifest; inside OSGi every import must wire. */
class AdapterBundleTest {

    private static Bundle bundle(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(AdapterBundleTest.class);
        return Arrays.stream(self.getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private static Set<String> wiredProviders(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        assertNotNull(wiring, bundle.getSymbolicName() + " is resolved");
        return wiring.getRequiredWires(null).stream()
                .map(BundleWire::getProviderWiring)
                .map(w -> w.getBundle().getSymbolicName())
                .collect(Collectors.toSet());
    }

    @Test
    void everyPackageTheAdapterImportsIsWired() {
        BundleWiring wiring = bundle("dev.faultline.dap").adapt(BundleWiring.class);
        assertNotNull(wiring, "dev.faultline.dap is resolved");
        Set<String> imported = wiring.getRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(r -> r.getDirectives().get("filter"))
                .collect(Collectors.toSet());
        Set<String> wired = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(w -> w.getRequirement().getDirectives().get("filter"))
                .collect(Collectors.toSet());
        assertEquals(imported, wired);
    }

    @Test
    void kernelWiresToNothingButTheEmulatorAndTheFramework() {
        Set<String> providers = wiredProviders(bundle("dev.faultline.kernel"));
        providers.remove("org.eclipse.osgi");
        providers.remove("dev.faultline.emulator");
        assertTrue(providers.isEmpty(), "the kernel depends on the emulator only, but wires to " + providers);
    }

    @Test
    void cliClassComesFromTheAdapterBundle() throws Exception {
        Class<?> cli = bundle("dev.faultline.dap").loadClass("dev.faultline.dap.cli.Main");
        assertEquals("dev.faultline.dap", FrameworkUtil.getBundle(cli).getSymbolicName());
    }
}
