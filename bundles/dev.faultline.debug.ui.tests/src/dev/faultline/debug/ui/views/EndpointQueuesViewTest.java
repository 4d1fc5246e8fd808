package dev.faultline.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.ui.Screenshots;

/** Opens the Endpoint Queues view in a real workbench and checks what it shows. */
class EndpointQueuesViewTest {

    private IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeView() {
        IViewPart view = page().findView(EndpointQueuesView.ID);
        if (view != null) {
            page().hideView(view);
        }
    }

    @Test
    void viewOpensFromItsIdUnderTheFaultlineCategory() throws Exception {
        IViewPart view = page().showView(EndpointQueuesView.ID);
        assertTrue(view instanceof EndpointQueuesView, "the view id maps to the view class, got " + view);
        assertEquals("Endpoint Queues", view.getTitle());
        assertNotNull(PlatformUI.getWorkbench().getViewRegistry().find(EndpointQueuesView.ID));
        assertEquals("Faultline", categoryOf(EndpointQueuesView.ID));
    }

    private static String categoryOf(String viewId) {
        for (var category : PlatformUI.getWorkbench().getViewRegistry().getCategories()) {
            for (var descriptor : category.getViews()) {
                if (descriptor.getId().equals(viewId)) {
                    return category.getLabel();
                }
            }
        }
        return null;
    }

    @Test
    void withoutASessionTheViewSaysSoAndListsItsColumns() throws Exception {
        EndpointQueuesView view = (EndpointQueuesView) page().showView(EndpointQueuesView.ID);
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let the view lay itself out before it is inspected and photographed
        }
        assertTrue(view.shownMessage().startsWith(KernelView.NO_SESSION), view.shownMessage());
        assertArrayEquals(EndpointQueuesView.COLUMNS, view.columnHeaders());

        Shell shell = view.getSite().getShell();
        Path png = Screenshots.save(shell, "endpoint-queues-no-session.png");
        assertTrue(Screenshots.distinctColours(png) > 8,
                "the screenshot shows a rendered workbench, not a blank screen: " + png);
    }
}
