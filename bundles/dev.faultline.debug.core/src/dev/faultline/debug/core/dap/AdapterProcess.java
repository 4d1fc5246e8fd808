package dev.faultline.debug.core.dap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * The adapter in a JVM of its own, `java -cp ... dev.faultline.dap.cli.Main debug` over stdio, as
 * VS Code runs it: a guest that spins or exhausts memory cannot take the workbench with it. The
 * class path is the installed bundles' own jars; the JVM is the one Eclipse runs on.
 */
public final class AdapterProcess implements AdapterTransport {

    /** The bundles the adapter's class path needs, by symbolic name. */
    static final List<String> CLASS_PATH_BUNDLES = List.of("dev.faultline.dap", "dev.faultline.kernel",
            "dev.faultline.emulator", "org.eclipse.lsp4j.debug", "org.eclipse.lsp4j.jsonrpc", "org.eclipse.lsp4j.jsonrpc.debug", "com.google.gson");

    private final Process process;

    private AdapterProcess(Process process) {
        this.process = process;
    }

    public static AdapterProcess start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = List.of(java, "-cp", classPath(), "dev.faultline.dap.cli.Main", "debug");
        return new AdapterProcess(new ProcessBuilder(command).start());
    }

    /** The class path of `faultline debug` made of the installed bundles (also how a test starts a listening machine). */
    public static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String name : CLASS_PATH_BUNDLES) {
            Bundle bundle = Platform.getBundle(name);
            if (bundle == null) {
                throw new IOException("the bundle " + name + " is not installed: the adapter cannot start in its own JVM");
            }
            File location = FileLocator.getBundleFileLocation(bundle)
                    .orElseThrow(() -> new IOException("the bundle " + name + " is not a file on this machine"));
            entries.add(location.getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }

    @Override
    public InputStream input() {
        return process.getInputStream();
    }

    @Override
    public OutputStream output() {
        return process.getOutputStream();
    }

    /** What the adapter prints on stderr (its own reports; never protocol). */
    public InputStream errors() {
        return process.getErrorStream();
    }

    @Override
    public String describe() {
        return "adapter in its own JVM, pid " + process.pid();
    }

    @Override
    public String token() {
        return null;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
