package dev.faultline.emulator.dwarf;

/**
 * Reads one attribute value in a given form (DWARF 5 section 7.5.6): the one place that knows how
 * many bytes each form takes, shared by .debug_info and the DWARF 5 line table header.
 */
final class FormReader {

    /** An indirect form names another form; more than one level would be a loop in corrupt data. */
    private static final int MAX_INDIRECTION = 1;

    private FormReader() {
    }

    /** Reads a value; unitOffset turns unit-relative references into .debug_info offsets. */
    static AttributeValue read(SectionCursor in, int attribute, int form, long implicitConst, UnitFormat format,
            long unitOffset) throws DwarfFormatException {
        return read(in, attribute, form, implicitConst, format, unitOffset, 0);
    }

    private static AttributeValue read(SectionCursor in, int attribute, int form, long implicitConst,
            UnitFormat format, long unitOffset, int depth) throws DwarfFormatException {
        switch (form) {
            case DwarfForm.ADDR:
                return number(attribute, form, FormClass.ADDRESS, in.unsigned(format.addressSize(), "DW_FORM_addr"));
            case DwarfForm.DATA1, DwarfForm.FLAG:
                return number(attribute, form, form == DwarfForm.FLAG ? FormClass.FLAG : FormClass.CONSTANT,
                        in.u8("DW_FORM_data1"));
            case DwarfForm.DATA2:
                return number(attribute, form, FormClass.CONSTANT, in.u16("DW_FORM_data2"));
            case DwarfForm.DATA4:
                return number(attribute, form, FormClass.CONSTANT, in.u32("DW_FORM_data4"));
            case DwarfForm.DATA8:
                return number(attribute, form, FormClass.CONSTANT, in.u64("DW_FORM_data8"));
            case DwarfForm.DATA16:
                return block(attribute, form, FormClass.WIDE_CONSTANT, in.bytes(16, "DW_FORM_data16"));
            case DwarfForm.SDATA:
                return number(attribute, form, FormClass.SIGNED_CONSTANT, in.sleb("DW_FORM_sdata"));
            case DwarfForm.UDATA:
                return number(attribute, form, FormClass.CONSTANT, in.uleb("DW_FORM_udata"));
            case DwarfForm.IMPLICIT_CONST:
                return number(attribute, form, FormClass.SIGNED_CONSTANT, implicitConst);
            case DwarfForm.FLAG_PRESENT:
                return number(attribute, form, FormClass.FLAG, 1);
            case DwarfForm.STRING:
                return new AttributeValue(attribute, form, FormClass.INLINE_STRING, 0, in.cstring("DW_FORM_string"), null);
            case DwarfForm.INDIRECT:
                return indirect(in, attribute, format, unitOffset, depth);
            default:
                return readOther(in, attribute, form, format, unitOffset);
        }
    }

    private static AttributeValue indirect(SectionCursor in, int attribute, UnitFormat format, long unitOffset,
            int depth) throws DwarfFormatException {
        long at = in.position();
        long actual = in.uleb("DW_FORM_indirect form");
        if (depth >= MAX_INDIRECTION || actual == DwarfForm.INDIRECT || actual == DwarfForm.IMPLICIT_CONST
                || actual > 0xffff) {
            throw in.errorAt(at, "expected a form after DW_FORM_indirect, found 0x" + Long.toHexString(actual));
        }
        return read(in, attribute, (int) actual, 0, format, unitOffset, depth + 1);
    }

    private static AttributeValue readOther(SectionCursor in, int attribute, int form, UnitFormat format,
            long unitOffset) throws DwarfFormatException {
        int offsetSize = format.offsetSize();
        switch (form) {
            case DwarfForm.BLOCK1:
                return block(attribute, form, FormClass.BLOCK, in.bytes(in.u8("DW_FORM_block1 length"), "DW_FORM_block1"));
            case DwarfForm.BLOCK2:
                return block(attribute, form, FormClass.BLOCK, in.bytes(in.u16("DW_FORM_block2 length"), "DW_FORM_block2"));
            case DwarfForm.BLOCK4:
                return block(attribute, form, FormClass.BLOCK, in.bytes(in.u32("DW_FORM_block4 length"), "DW_FORM_block4"));
            case DwarfForm.BLOCK, DwarfForm.EXPRLOC:
                return block(attribute, form, FormClass.BLOCK, in.bytes(in.count("block length", 1), "block"));
            case DwarfForm.REF1:
                return number(attribute, form, FormClass.REFERENCE, unitOffset + in.u8("DW_FORM_ref1"));
            case DwarfForm.REF2:
                return number(attribute, form, FormClass.REFERENCE, unitOffset + in.u16("DW_FORM_ref2"));
            case DwarfForm.REF4:
                return number(attribute, form, FormClass.REFERENCE, unitOffset + in.u32("DW_FORM_ref4"));
            case DwarfForm.REF8:
                return number(attribute, form, FormClass.REFERENCE, unitOffset + in.u64("DW_FORM_ref8"));
            case DwarfForm.REF_UDATA:
                return number(attribute, form, FormClass.REFERENCE, unitOffset + in.uleb("DW_FORM_ref_udata"));
            case DwarfForm.REF_ADDR:
                // DWARF 2 used an address-sized ref_addr; from version 3 it is offset-sized.
                return number(attribute, form, FormClass.REFERENCE,
                        in.unsigned(format.version() <= 2 ? format.addressSize() : offsetSize, "DW_FORM_ref_addr"));
            case DwarfForm.REF_SIG8:
                return number(attribute, form, FormClass.SIGNATURE, in.u64("DW_FORM_ref_sig8"));
            case DwarfForm.STRP:
                return number(attribute, form, FormClass.STRING_OFFSET, in.offset(offsetSize, "DW_FORM_strp"));
            case DwarfForm.LINE_STRP:
                return number(attribute, form, FormClass.LINE_STRING_OFFSET, in.offset(offsetSize, "DW_FORM_line_strp"));
            case DwarfForm.SEC_OFFSET:
                return number(attribute, form, FormClass.SECTION_OFFSET, in.offset(offsetSize, "DW_FORM_sec_offset"));
            default:
                return readIndexed(in, attribute, form, offsetSize);
        }
    }

    private static AttributeValue readIndexed(SectionCursor in, int attribute, int form, int offsetSize)
            throws DwarfFormatException {
        switch (form) {
            case DwarfForm.STRX, DwarfForm.GNU_STR_INDEX:
                return number(attribute, form, FormClass.STRING_INDEX, in.uleb("DW_FORM_strx"));
            case DwarfForm.STRX1, DwarfForm.STRX2, DwarfForm.STRX3, DwarfForm.STRX4:
                return number(attribute, form, FormClass.STRING_INDEX,
                        in.unsigned(form - DwarfForm.STRX1 + 1, "DW_FORM_strx" + (form - DwarfForm.STRX1 + 1)));
            case DwarfForm.ADDRX, DwarfForm.GNU_ADDR_INDEX:
                return number(attribute, form, FormClass.ADDRESS_INDEX, in.uleb("DW_FORM_addrx"));
            case DwarfForm.ADDRX1, DwarfForm.ADDRX2, DwarfForm.ADDRX3, DwarfForm.ADDRX4:
                return number(attribute, form, FormClass.ADDRESS_INDEX,
                        in.unsigned(form - DwarfForm.ADDRX1 + 1, "DW_FORM_addrx" + (form - DwarfForm.ADDRX1 + 1)));
            case DwarfForm.RNGLISTX:
                return number(attribute, form, FormClass.RANGE_LIST_INDEX, in.uleb("DW_FORM_rnglistx"));
            case DwarfForm.LOCLISTX:
                return number(attribute, form, FormClass.LOCATION_LIST_INDEX, in.uleb("DW_FORM_loclistx"));
            case DwarfForm.REF_SUP4:
                return number(attribute, form, FormClass.SUPPLEMENTARY, in.u32("DW_FORM_ref_sup4"));
            case DwarfForm.REF_SUP8:
                return number(attribute, form, FormClass.SUPPLEMENTARY, in.u64("DW_FORM_ref_sup8"));
            case DwarfForm.STRP_SUP, DwarfForm.GNU_STRP_ALT, DwarfForm.GNU_REF_ALT:
                return number(attribute, form, FormClass.SUPPLEMENTARY, in.offset(offsetSize, "supplementary offset"));
            default:
                throw in.error("expected a DWARF 5 attribute form, found unknown form 0x" + Integer.toHexString(form));
        }
    }

    private static AttributeValue number(int attribute, int form, FormClass formClass, long value) {
        return new AttributeValue(attribute, form, formClass, value, null, null);
    }

    private static AttributeValue block(int attribute, int form, FormClass formClass, byte[] bytes) {
        return new AttributeValue(attribute, form, formClass, 0, null, bytes);
    }
}
