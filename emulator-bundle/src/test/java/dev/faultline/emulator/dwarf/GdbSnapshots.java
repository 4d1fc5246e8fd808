package dev.faultline.emulator.dwarf;

import dev.faultline.emulator.testing.Toolchain;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Stops a guest under qemu-riscv64's gdb stub with gdb-multiarch at temporary breakpoints and
 * records, at each stop, the registers, the stack memory and gdb's own backtrace (pc and CFA,
 * "frame at", of every frame): the reference the unwinder is checked against.
 */
final class GdbSnapshots {

    /** One stop: x0..x31, pc, the stack bytes from sp up, and gdb's real (not tail-call) frames as {pc, cfa}. */
    record Snapshot(String breakpoint, long[] x, long pc, long stackBase, byte[] stack, List<long[]> gdbFrames) {

        RegisterReader registers() {
            return r -> r >= 0 && r < 32 ? OptionalLong.of(x[r]) : OptionalLong.empty();
        }

        MemoryReader memory() {
            return (address, size) -> {
                long offset = address - stackBase;
                if (offset < 0 || offset + size > stack.length) {
                    return OptionalLong.empty();
                }
                long value = 0;
                for (int i = size - 1; i >= 0; i--) {
                    value = value << 8 | (stack[(int) offset + i] & 0xff);
                }
                return OptionalLong.of(value);
            };
        }
    }

    private GdbSnapshots() {
    }

    /** Runs the guest once, stopping at each breakpoint spec in order (gdb tbreak syntax). */
    static List<Snapshot> take(Path elf, String name, List<String> breakpoints) throws IOException {
        Path dir = Toolchain.buildDir().resolve("gdb-" + name);
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path old : files.toList()) {
                Files.delete(old);
            }
        }
        int port = freePort();
        Path script = dir.resolve("commands.gdb");
        Files.writeString(script, commands(port, dir, breakpoints));
        Process qemu = new ProcessBuilder(Toolchain.QEMU, "-g", String.valueOf(port), elf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        try {
            Toolchain.ProcessResult gdb = Toolchain.run(List.of("gdb-multiarch", "-nx", "-batch", "-x", script.toString(),
                    elf.toString()), Duration.ofMinutes(1), "gdb-multiarch");
            List<Snapshot> snapshots = new ArrayList<>();
            for (int i = 0; i < breakpoints.size(); i++) {
                Path text = dir.resolve("stop" + i + ".txt");
                if (!Files.exists(text)) {
                    throw new AssertionError("gdb did not stop at " + breakpoints.get(i) + ":\n" + gdb.stdoutText() + gdb.stderr());
                }
                snapshots.add(parse(breakpoints.get(i), Files.readAllLines(text), Files.readAllBytes(dir.resolve("stop" + i + ".bin"))));
            }
            return snapshots;
        } finally {
            qemu.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String commands(int port, Path dir, List<String> breakpoints) {
        StringBuilder gdb = new StringBuilder();
        gdb.append("set pagination off\nset confirm off\n");
        gdb.append("python\nimport gdb, re\n");
        gdb.append("def dump(n):\n");
        gdb.append("    gdb.newest_frame().select()\n");
        gdb.append("    with open('").append(dir).append("/stop%d.txt' % n, 'w') as out:\n");
        gdb.append("        for i in range(32):\n");
        gdb.append("            out.write('x%d %x\\n' % (i, int(gdb.parse_and_eval('$x%d' % i)) & 0xffffffffffffffff))\n");
        gdb.append("        out.write('pc %x\\n' % (int(gdb.parse_and_eval('$pc')) & 0xffffffffffffffff))\n");
        gdb.append("        sp = int(gdb.parse_and_eval('$sp')) & 0xffffffffffffffff\n");
        gdb.append("        top = int(gdb.parse_and_eval('(long)&dwarf_guest_stack_top')) & 0xffffffffffffffff\n");
        gdb.append("        out.write('stack %x\\n' % sp)\n");
        gdb.append("        frame = gdb.newest_frame()\n");
        gdb.append("        while frame is not None and frame.is_valid():\n");
        gdb.append("            frame.select()\n");
        gdb.append("            info = gdb.execute('info frame', to_string=True)\n");
        gdb.append("            cfa = re.search(r'frame at (0x[0-9a-f]+)', info).group(1)\n");
        gdb.append("            tail = 1 if frame.type() == gdb.TAILCALL_FRAME else 0\n");
        gdb.append("            out.write('frame %x %s %d\\n' % (frame.pc(), cfa[2:], tail))\n");
        gdb.append("            try:\n                frame = frame.older()\n            except gdb.error:\n                frame = None\n");
        gdb.append("    gdb.execute('dump binary memory ").append(dir).append("/stop%d.bin 0x%x 0x%x' % (n, sp, top))\n");
        gdb.append("end\n");
        gdb.append("target remote 127.0.0.1:").append(port).append('\n');
        for (int i = 0; i < breakpoints.size(); i++) {
            gdb.append("tbreak ").append(breakpoints.get(i)).append("\ncontinue\npython dump(").append(i).append(")\n");
        }
        gdb.append("kill\n");
        return gdb.toString();
    }

    private static Snapshot parse(String breakpoint, List<String> lines, byte[] stack) {
        long[] x = new long[32];
        long pc = 0;
        long base = 0;
        List<long[]> frames = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "pc" -> pc = Long.parseUnsignedLong(parts[1], 16);
                case "stack" -> base = Long.parseUnsignedLong(parts[1], 16);
                case "frame" -> {
                    // gdb makes up frames for tail calls from DW_TAG_call_site; CFI cannot see those
                    if (parts[3].equals("0")) {
                        frames.add(new long[] {Long.parseUnsignedLong(parts[1], 16), Long.parseUnsignedLong(parts[2], 16)});
                    }
                }
                default -> x[Integer.parseInt(parts[0].substring(1))] = Long.parseUnsignedLong(parts[1], 16);
            }
        }
        return new Snapshot(breakpoint, x, pc, base, stack, frames);
    }
}
