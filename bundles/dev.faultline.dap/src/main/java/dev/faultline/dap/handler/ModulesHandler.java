package dev.faultline.dap.handler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.Source;

import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Program;
import dev.faultline.emulator.elf.Segment;

/** modules (one per program image, with its address range and DWARF status) and loadedSources (the files its line tables name). */
public final class ModulesHandler {

    private final DapSession session;

    public ModulesHandler(DapSession session) {
        this.session = session;
    }

    public ModulesResponse modules() {
        Module[] modules = session.call(debuggee -> {
            List<Program> programs = debuggee.machine().programs();
            Module[] answer = new Module[programs.size()];
            for (int i = 0; i < answer.length; i++) {
                Program program = programs.get(i);
                Module module = new Module();
                module.setId(i + 1);
                module.setName(program.name());
                module.setPath(program.path().toString());
                module.setSymbolStatus(program.symbolStatus());
                module.setIsUserCode(true);
                List<Segment> segments = program.elf().loadSegments();
                if (!segments.isEmpty()) {
                    long low = segments.stream().mapToLong(Segment::virtualAddress).min().orElse(0);
                    long high = segments.stream().mapToLong(Segment::endAddress).max().orElse(0);
                    module.setAddressRange("0x" + Long.toHexString(low) + "-0x" + Long.toHexString(high));
                }
                answer[i] = module;
            }
            return answer;
        });
        ModulesResponse response = new ModulesResponse();
        response.setModules(modules);
        response.setTotalModules(modules.length);
        return response;
    }

    public LoadedSourcesResponse loadedSources() {
        TreeSet<String> files = session.call(debuggee -> {
            TreeSet<String> all = new TreeSet<>();
            for (Program program : debuggee.machine().programs()) {
                program.lineTable().ifPresent(table -> all.addAll(table.files()));
            }
            return all;
        });
        LoadedSourcesResponse response = new LoadedSourcesResponse();
        response.setSources(files.stream().filter(file -> Files.isRegularFile(Path.of(file))).map(DapSession::source)
                .toArray(Source[]::new));
        return response;
    }
}
