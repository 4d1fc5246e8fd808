package dev.faultline.debug.core;

/**
 * The identifiers the Faultline debugger is known by in Eclipse: the bundle, the debug model
 * and the views' contributions all name it through these constants.
 */
public final class FaultlineDebugCore {

    /** This bundle's symbolic name. */
    public static final String PLUGIN_ID = "dev.faultline.debug.core";

    /** The debug model identifier every Faultline debug element reports. */
    public static final String MODEL_ID = "dev.faultline.debug.model";

    /** The adapter bundle the model talks to, in process or in its own JVM. */
    public static final String ADAPTER_BUNDLE_ID = "dev.faultline.dap";

    private FaultlineDebugCore() {
    }
}
