package dev.faultline.debug.ui.launch;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.ui.sourcelookup.SourceLookupTab;

/** The tab groups of the two launch configuration types: their own tab, then source lookup and the common tab. */
public final class FaultlineTabGroups {

    private FaultlineTabGroups() {
    }

    /** "Faultline Program". */
    public static final class Program extends AbstractLaunchConfigurationTabGroup {
        @Override
        public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
            setTabs(new ILaunchConfigurationTab[] {new FaultlineProgramTab(), new SourceLookupTab(), new CommonTab()});
        }
    }

    /** "Faultline Attach". */
    public static final class Attach extends AbstractLaunchConfigurationTabGroup {
        @Override
        public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
            setTabs(new ILaunchConfigurationTab[] {new FaultlineAttachTab(), new SourceLookupTab(), new CommonTab()});
        }
    }
}
