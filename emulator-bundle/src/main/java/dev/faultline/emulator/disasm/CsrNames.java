package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.PrivilegedSpec.V1_10;
import static dev.faultline.emulator.disasm.PrivilegedSpec.V1_11;
import static dev.faultline.emulator.disasm.PrivilegedSpec.V1_12;
import static dev.faultline.emulator.disasm.PrivilegedSpec.V1_9_1;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the CSRs that objdump knows, by number, as listed in the RISC-V privileged
 * specification ("Currently allocated RISC-V ... CSR addresses" tables of the user, supervisor,
 * hypervisor and machine levels, with the Sstc, Smstateen, Sscofpmf and AIA extensions) and in the
 * RISC-V debug specification, for each version of the privileged specification. A number without a
 * name prints in hex.
 */
final class CsrNames {

    private static final String[] GROUPS = {
        // Named alike in every version objdump knows.
        // Unprivileged floating-point, vector, entropy-source, counter and timer CSRs
        "001 fflags 002 frm 003 fcsr 008 vstart 009 vxsat 00a vxrm 00f vcsr 015 seed c00 cycle "
            + "c01 time c02 instret c20 vl c21 vtype c22 vlenb c80 cycleh c81 timeh c82 instreth",
        // Supervisor-level CSRs
        "100 sstatus 104 sie 105 stvec 10c sstateen0 10d sstateen1 "
            + "10e sstateen2 10f sstateen3 114 sieh 140 sscratch 141 sepc 142 scause 144 sip "
            + "14d stimecmp 150 siselect 151 sireg 154 siph 15c stopei 15d stimecmph "
            + "5a8 scontext da0 scountovf db0 stopi",
        // Hypervisor and virtual-supervisor CSRs
        "200 vsstatus 204 vsie 205 vstvec 214 vsieh 240 vsscratch 241 vsepc 242 vscause "
            + "243 vstval 244 vsip 24d vstimecmp 250 vsiselect 251 vsireg 254 vsiph 25c vstopei "
            + "25d vstimecmph 280 vsatp 600 hstatus 602 hedeleg 603 hideleg 604 hie 605 htimedelta "
            + "606 hcounteren 607 hgeie 608 hvien 609 hvictl 60a henvcfg 60c hstateen0 60d hstateen1 "
            + "60e hstateen2 60f hstateen3 613 hidelegh 615 htimedeltah 618 hvienh 61a henvcfgh "
            + "61c hstateen0h 61d hstateen1h 61e hstateen2h 61f hstateen3h 643 htval 644 hip 645 hvip "
            + "646 hviprio1 647 hviprio2 64a htinst 655 hviph 656 hviprio1h 657 hviprio2h 680 hgatp "
            + "6a8 hcontext e12 hgeip eb0 vstopi",
        // Machine-level CSRs
        "300 mstatus 301 misa 302 medeleg 303 mideleg 304 mie 305 mtvec 308 mvien "
            + "309 mvip 30c mstateen0 30d mstateen1 30e mstateen2 30f mstateen3 "
            + "313 midelegh 314 mieh 318 mvienh 319 mviph 31c mstateen0h "
            + "31d mstateen1h 31e mstateen2h 31f mstateen3h 340 mscratch 341 mepc "
            + "342 mcause 344 mip 350 miselect 351 mireg 354 miph "
            + "35c mtopei b00 mcycle b02 minstret b80 mcycleh b82 minstreth "
            + "f11 mvendorid f12 marchid f13 mimpid f14 mhartid fb0 mtopi",
        // Debug and trigger CSRs
        "7a0 tselect 7a1 tdata1 7a2 tdata2 7a3 tdata3 7a4 tinfo 7a5 tcontrol 7a8 mcontext "
            + "7aa mscontext 7b0 dcsr 7b1 dpc 7b2 dscratch0 7b3 dscratch1",
    };

    /** CSRs that some versions of the privileged specification add, rename or drop. */
    private static final List<Era> ERAS = List.of(
            // The N extension's user trap CSRs and the S-mode delegation registers, gone in 1.12.
            new Era(V1_9_1, V1_12, "000 ustatus 004 uie 005 utvec 040 uscratch 041 uepc 042 ucause 044 uip "
                    + "102 sedeleg 103 sideleg"),
            // 1.9.1's names and its base-and-bound registers, renamed or dropped in 1.10.
            new Era(V1_9_1, V1_10, "043 ubadaddr 143 sbadaddr 180 sptbr 343 mbadaddr 320 mucounteren "
                    + "321 mscounteren 322 mhcounteren 380 mbase 381 mbound 382 mibase 383 mibound 384 mdbase "
                    + "385 mdbound"),
            new Era(V1_10, V1_12, "043 utval"),
            new Era(V1_10, null, "106 scounteren 143 stval 180 satp 306 mcounteren 343 mtval "
                    + numbered(0x3a0, "pmpcfg", 0, 3, "") + numbered(0x3b0, "pmpaddr", 0, 15, "")),
            new Era(V1_11, null, "320 mcountinhibit"),
            new Era(V1_12, null, "10a senvcfg 30a menvcfg 310 mstatush 31a menvcfgh 34a mtinst 34b mtval2 "
                    + "747 mseccfg 757 mseccfgh f15 mconfigptr "
                    + numbered(0x3a4, "pmpcfg", 4, 15, "") + numbered(0x3c0, "pmpaddr", 16, 63, "")));

    private static final Map<PrivilegedSpec, Map<Integer, String>> NAMES = namesByVersion();

    private CsrNames() {
    }

    /** The CSR's name in a version of the privileged specification, or "0x..." when it has none. */
    static String of(int csr, PrivilegedSpec version) {
        String name = NAMES.get(version).get(csr);
        return name != null ? name : "0x" + Integer.toHexString(csr);
    }

    private static Map<PrivilegedSpec, Map<Integer, String>> namesByVersion() {
        String common = String.join(" ", GROUPS)
                + numbered(0xc03, "hpmcounter", 3, 31, "") + numbered(0xc83, "hpmcounter", 3, 31, "h")
                + numbered(0xb03, "mhpmcounter", 3, 31, "") + numbered(0xb83, "mhpmcounter", 3, 31, "h")
                + numbered(0x323, "mhpmevent", 3, 31, "") + numbered(0x723, "mhpmevent", 3, 31, "h");
        Map<PrivilegedSpec, Map<Integer, String>> byVersion = new EnumMap<>(PrivilegedSpec.class);
        for (PrivilegedSpec version : PrivilegedSpec.values()) {
            Map<Integer, String> names = new HashMap<>();
            put(names, common);
            for (Era era : ERAS) {
                if (era.includes(version)) {
                    put(names, era.names());
                }
            }
            byVersion.put(version, Map.copyOf(names));
        }
        return byVersion;
    }

    private static void put(Map<Integer, String> names, String numbersAndNames) {
        String[] words = numbersAndNames.trim().split(" +");
        for (int i = 0; i < words.length; i += 2) {
            names.put(Integer.parseInt(words[i], 16), words[i + 1]);
        }
    }

    /** A family of consecutive CSRs named prefix + index (+ "h" for the RV32 upper halves), as table text. */
    private static String numbered(int first, String prefix, int from, int to, String suffix) {
        StringBuilder text = new StringBuilder(" ");
        for (int index = from; index <= to; index++) {
            text.append(Integer.toHexString(first + index - from)).append(' ').append(prefix).append(index)
                    .append(suffix).append(' ');
        }
        return text.toString();
    }

    /** Names that hold from one version up to, not including, another (null: still current). */
    private record Era(PrivilegedSpec from, PrivilegedSpec until, String names) {
        boolean includes(PrivilegedSpec version) {
            return version.compareTo(from) >= 0 && (until == null || version.compareTo(until) < 0);
        }
    }
}
