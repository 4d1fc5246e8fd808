package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CIEs and FDEs of .debug_frame (DWARF 5 section 6.4.1, CIE versions 1, 3 and 4) or of
 * .eh_frame (Linux Standard Base: CIE id 0, pc-relative CIE pointers, 'z', 'R', 'L', 'P', 'S'
 * augmentations and pointer encodings).
 */
final class CallFrameParser {

    private final DwarfSection section;
    private final boolean ehFrame;
    private final int defaultAddressSize;
    private final Map<Long, Cie> cies = new HashMap<>();

    private CallFrameParser(DwarfSection section, int defaultAddressSize) {
        this.section = section;
        this.ehFrame = section.name().equals(".eh_frame");
        this.defaultAddressSize = defaultAddressSize;
    }

    /** Every FDE of the section, in section order. */
    static List<Fde> parse(DwarfSection section, int addressSize) throws DwarfFormatException {
        return new CallFrameParser(section, addressSize).fdes();
    }

    private List<Fde> fdes() throws DwarfFormatException {
        List<Fde> fdes = new ArrayList<>();
        long offset = 0;
        while (offset < section.size()) {
            SectionCursor in = section.cursor(offset);
            UnitExtent extent = in.unitExtent("call frame entry");
            if (extent.end() == extent.contentStart()) {
                if (ehFrame) {
                    break; // .eh_frame ends with a zero terminator
                }
                offset = extent.end();
                continue;
            }
            in.limitTo(extent.end(), "the call frame entry");
            long idAt = in.position();
            long id = in.offset(extent.offsetSize(), "CIE id or CIE pointer");
            if (isCie(id, extent.offsetSize())) {
                cie(offset);
            } else {
                fdes.add(fde(in, extent, idAt, id));
            }
            offset = extent.end();
        }
        return fdes;
    }

    private boolean isCie(long id, int offsetSize) {
        if (ehFrame) {
            return id == 0;
        }
        return offsetSize == 4 ? id == 0xffffffffL : id == -1L;
    }

    private Cie cie(long offset) throws DwarfFormatException {
        Cie known = cies.get(offset);
        if (known != null) {
            return known;
        }
        SectionCursor in = section.cursor(offset);
        UnitExtent extent = in.unitExtent("CIE");
        in.limitTo(extent.end(), "the CIE");
        long id = in.offset(extent.offsetSize(), "CIE id");
        if (!isCie(id, extent.offsetSize())) {
            throw in.errorAt(offset, "expected a CIE where an FDE's CIE pointer points, found an FDE");
        }
        Cie cie = readCie(in, offset, extent);
        cies.put(offset, cie);
        return cie;
    }

    private Cie readCie(SectionCursor in, long offset, UnitExtent extent) throws DwarfFormatException {
        long versionAt = in.position();
        int version = in.u8("CIE version");
        if (version != 1 && version != 3 && version != 4) {
            throw in.errorAt(versionAt, "expected CIE version 1, 3 or 4, found " + version);
        }
        String augmentation = in.cstring("CIE augmentation");
        int addressSize = defaultAddressSize;
        if (augmentation.contains("eh")) {
            in.skip(addressSize, "eh_data");
        }
        if (version == 4) {
            addressSize = in.u8("CIE address_size");
            if (addressSize != 4 && addressSize != 8) {
                throw in.errorAt(in.position() - 1, "expected a CIE address_size of 4 or 8, found " + addressSize);
            }
            in.u8("CIE segment_selector_size");
        }
        long codeAlignment = in.uleb("code_alignment_factor");
        long dataAlignment = in.sleb("data_alignment_factor");
        long raAt = in.position();
        long ra = version == 1 ? in.u8("return_address_register") : in.uleb("return_address_register");
        if (ra > 0xffff) {
            throw in.errorAt(raAt, "expected a return_address_register up to 0xffff, found " + Long.toUnsignedString(ra));
        }
        Augmentation parsed = augmentation(in, augmentation);
        return new Cie(offset, version, augmentation, addressSize, codeAlignment, dataAlignment, (int) ra,
                parsed.fdeEncoding, parsed.signalFrame, new CfiInstructions(section, in.position(), extent.end()));
    }

    /** The 'z' augmentation data of a CIE; an augmentation without 'z' that is not empty cannot be skipped. */
    private Augmentation augmentation(SectionCursor in, String augmentation) throws DwarfFormatException {
        Augmentation result = new Augmentation();
        if (augmentation.isEmpty() || augmentation.equals("eh")) {
            return result;
        }
        if (!augmentation.startsWith("z")) {
            throw in.error("expected an empty augmentation or one starting with 'z', found \"" + augmentation + "\"");
        }
        long length = in.count("CIE augmentation data length", 1);
        long end = in.position() + length;
        letters:
        for (char c : augmentation.substring(1).toCharArray()) {
            long at = in.position();
            switch (c) {
                case 'R' -> {
                    result.fdeEncoding = in.u8("FDE pointer encoding");
                    PointerEncoding.check(result.fdeEncoding, in, at);
                }
                case 'L' -> PointerEncoding.check(in.u8("LSDA encoding"), in, at);
                case 'P' -> {
                    int encoding = in.u8("personality encoding");
                    PointerEncoding.check(encoding, in, at);
                    PointerEncoding.read(in, encoding, 8);
                }
                case 'S' -> result.signalFrame = true;
                default -> {
                    break letters; // an unknown letter: the length lets us skip the rest of the data
                }
            }
            if (in.position() > end) {
                throw in.errorAt(at, "expected the augmentation data to fit in its length " + length);
            }
        }
        in.seek(end);
        return result;
    }

    private Fde fde(SectionCursor in, UnitExtent extent, long idAt, long id) throws DwarfFormatException {
        long cieOffset = ehFrame ? idAt - id : id;
        if (cieOffset < 0 || cieOffset >= section.size()) {
            throw in.errorAt(idAt, "expected a CIE pointer inside the section, found 0x" + Long.toHexString(id));
        }
        Cie cie = cie(cieOffset);
        long initialLocation;
        long range;
        if (ehFrame) {
            initialLocation = PointerEncoding.read(in, cie.fdeEncoding(), cie.addressSize());
            range = PointerEncoding.value(in, cie.fdeEncoding() & 0x0f, cie.addressSize());
        } else {
            initialLocation = in.unsigned(cie.addressSize(), "FDE initial_location");
            range = in.unsigned(cie.addressSize(), "FDE address_range");
        }
        if (cie.hasAugmentationData()) {
            in.skip(in.count("FDE augmentation data length", 1), "FDE augmentation data");
        }
        return new Fde(extent.start(), cie, initialLocation, range,
                new CfiInstructions(section, in.position(), extent.end()));
    }

    /** What a CIE's augmentation says about its FDEs. */
    private static final class Augmentation {
        int fdeEncoding = PointerEncoding.ABSPTR;
        boolean signalFrame;
    }
}
