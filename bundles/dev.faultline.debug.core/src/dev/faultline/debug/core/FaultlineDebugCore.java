package dev.faultline.debug.core;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The identifiers the Faultline debugger is known by in Eclipse: the bundle, the debug model,
 * the launch configuration types and their attributes, the breakpoint markers. Everything that
 * names Faultline in plugin.xml or in a launch configuration names it through these constants.
 */
public final class FaultlineDebugCore {

    /** This bundle's symbolic name. */
    public static final String PLUGIN_ID = "dev.faultline.debug.core";

    /** The debug model identifier every Faultline debug element reports. */
    public static final String MODEL_ID = "dev.faultline.debug.model";

    /** The adapter bundle the model talks to, in process or in its own JVM. */
    public static final String ADAPTER_BUNDLE_ID = "dev.faultline.dap";

    /** Launch configuration type: a root-task ELF or a system description, launched on a new machine. */
    public static final String PROGRAM_LAUNCH_TYPE = "dev.faultline.debug.core.launch.program";

    /** Launch configuration type: a machine that `faultline debug --listen` already runs. */
    public static final String ATTACH_LAUNCH_TYPE = "dev.faultline.debug.core.launch.attach";

    /** String: the program's path (variables such as ${workspace_loc} allowed). */
    public static final String ATTR_PROGRAM = PLUGIN_ID + ".program";

    /** Boolean: stop before the first instruction. */
    public static final String ATTR_STOP_ON_ENTRY = PLUGIN_ID + ".stopOnEntry";

    /** List of strings: the adapter's exception filter ids (fault kinds) that stop every launch of this configuration. */
    public static final String ATTR_FAULT_FILTERS = PLUGIN_ID + ".faultFilters";

    /** String: an {@link dev.faultline.debug.core.launch.AdapterMode} name, where the adapter runs. */
    public static final String ATTR_ADAPTER_MODE = PLUGIN_ID + ".adapterMode";

    /** String: the host `faultline debug --listen` listens on. */
    public static final String ATTR_HOST = PLUGIN_ID + ".host";

    /** Integer: its port. */
    public static final String ATTR_PORT = PLUGIN_ID + ".port";

    /** String: the listener's --token, empty for none. */
    public static final String ATTR_TOKEN = PLUGIN_ID + ".token";

    /** Marker type of line breakpoints in C, header and assembly files. */
    public static final String LINE_BREAKPOINT_MARKER = PLUGIN_ID + ".lineBreakpointMarker";

    /** Marker type of fault breakpoints (one per exception filter, on the workspace root). */
    public static final String FAULT_BREAKPOINT_MARKER = PLUGIN_ID + ".faultBreakpointMarker";

    /** Marker type of address breakpoints (instruction breakpoints, on the workspace root). */
    public static final String ADDRESS_BREAKPOINT_MARKER = PLUGIN_ID + ".addressBreakpointMarker";

    /** Marker type of watchpoints (data breakpoints, on the workspace root). */
    public static final String WATCHPOINT_MARKER = PLUGIN_ID + ".watchpointMarker";

    /** Content type of guest sources (C, headers, assembly), which the Generic Editor opens. */
    public static final String GUEST_SOURCE_CONTENT_TYPE = PLUGIN_ID + ".guestSource";

    private FaultlineDebugCore() {
    }

    /** Logs a problem the user did not cause and cannot act on at once, to the error log. */
    public static void log(String message, Throwable cause) {
        ILog.of(FaultlineDebugCore.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
    }
}
