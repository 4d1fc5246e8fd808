package dev.faultline.debug.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows as a PNG build artifact, so a person can check what a test saw. */
public final class Screenshots {

    private Screenshots() {
    }

    /** The folder the build names (target/screenshots), else the working directory. */
    public static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("faultline.screenshots", "screenshots"));
        Files.createDirectories(folder);
        return folder;
    }

    /** Captures the shell's area of the screen into a PNG file and returns its path. */
    public static Path save(Shell shell, String fileName) throws IOException {
        shell.forceActive();
        shell.redraw();
        shell.update();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            return write(image, fileName);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static Path write(Image image, String fileName) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        Path file = folder().resolve(fileName);
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /** How many distinct pixel values a PNG holds: a blank capture has one or two. */
    public static int distinctColours(Path png) {
        ImageData data = new ImageLoader().load(png.toString())[0];
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 2) {
            for (int x = 0; x < data.width; x += 2) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }
}
