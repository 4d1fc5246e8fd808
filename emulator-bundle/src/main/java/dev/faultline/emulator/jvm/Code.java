package dev.faultline.emulator.jvm;

import java.io.ByteArrayOutputStream;

/**
 * The bytecode of one method, written instruction by instruction (JVM specification, §6.5),
 * with the operand stack depth tracked so the class file can declare max_stack. Only what
 * straight-line code needs: no branches, so no stack map frames.
 */
public final class Code {

    private final ConstantPool pool;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int depth;
    private int maxDepth;

    Code(ConstantPool pool) {
        this.pool = pool;
    }

    private void op(int opcode, int stackChange) {
        bytes.write(opcode);
        depth += stackChange;
        maxDepth = Math.max(maxDepth, depth);
        if (depth < 0) {
            throw new IllegalStateException("bytecode pops more than the operand stack holds");
        }
    }

    private void u1(int value) {
        bytes.write(value);
    }

    private void u2(int value) {
        bytes.write(value >>> 8);
        bytes.write(value);
    }

    /** Pushes an int constant. */
    public Code iconst(int value) {
        if (value >= -1 && value <= 5) {
            op(0x03 + value, 1);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            op(0x10, 1);
            u1(value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            op(0x11, 1);
            u2(value);
        } else {
            op(0x13, 1);
            u2(pool.integer(value));
        }
        return this;
    }

    /** Pushes a long constant (two stack slots). */
    public Code lconst(long value) {
        if (value == 0 || value == 1) {
            op(0x09 + (int) value, 2);
        } else {
            op(0x14, 2);
            u2(pool.longValue(value));
        }
        return this;
    }

    public Code aload(int local) {
        op(0x19, 1);
        u1(local);
        return this;
    }

    public Code astore(int local) {
        op(0x3a, -1);
        u1(local);
        return this;
    }

    public Code lload(int local) {
        op(0x16, 2);
        u1(local);
        return this;
    }

    public Code lstore(int local) {
        op(0x37, -2);
        u1(local);
        return this;
    }

    /** long[] element load: (array, int index) -> long. */
    public Code laload() {
        op(0x2f, 0);
        return this;
    }

    /** long[] element store: (array, int index, long value) -> nothing. */
    public Code lastore() {
        op(0x50, -4);
        return this;
    }

    public Code ladd() {
        op(0x61, -2);
        return this;
    }

    public Code lsub() {
        op(0x65, -2);
        return this;
    }

    public Code lmul() {
        op(0x69, -2);
        return this;
    }

    public Code land() {
        op(0x7f, -2);
        return this;
    }

    public Code lor() {
        op(0x81, -2);
        return this;
    }

    public Code lxor() {
        op(0x83, -2);
        return this;
    }

    /** (long, int) -> long; the JVM uses the low 6 bits of the count, as RV64 shifts do. */
    public Code lshl() {
        op(0x79, -1);
        return this;
    }

    public Code lshr() {
        op(0x7b, -1);
        return this;
    }

    public Code lushr() {
        op(0x7d, -1);
        return this;
    }

    /** (int, int) -> int; the JVM uses the low 5 bits of the count, as the W shifts do. */
    public Code ishl() {
        op(0x78, -1);
        return this;
    }

    public Code ishr() {
        op(0x7a, -1);
        return this;
    }

    public Code iushr() {
        op(0x7c, -1);
        return this;
    }

    public Code l2i() {
        op(0x88, -1);
        return this;
    }

    public Code i2l() {
        op(0x85, 1);
        return this;
    }

    public Code pop2() {
        op(0x58, -2);
        return this;
    }

    public Code lreturn() {
        op(0xad, -2);
        return this;
    }

    public Code vreturn() {
        op(0xb1, 0);
        return this;
    }

    public Code getfield(String owner, String name, String descriptor) {
        op(0xb4, slots(descriptor) - 1);
        u2(pool.fieldRef(owner, name, descriptor));
        return this;
    }

    public Code getstatic(String owner, String name, String descriptor) {
        op(0xb2, slots(descriptor));
        u2(pool.fieldRef(owner, name, descriptor));
        return this;
    }

    public Code invokestatic(String owner, String name, String descriptor) {
        op(0xb8, resultSlots(descriptor) - argumentSlots(descriptor));
        u2(pool.methodRef(owner, name, descriptor));
        return this;
    }

    public Code invokespecial(String owner, String name, String descriptor) {
        op(0xb7, resultSlots(descriptor) - argumentSlots(descriptor) - 1);
        u2(pool.methodRef(owner, name, descriptor));
        return this;
    }

    public Code invokevirtual(String owner, String name, String descriptor) {
        op(0xb6, resultSlots(descriptor) - argumentSlots(descriptor) - 1);
        u2(pool.methodRef(owner, name, descriptor));
        return this;
    }

    public Code invokeinterface(String owner, String name, String descriptor) {
        int arguments = argumentSlots(descriptor);
        op(0xb9, resultSlots(descriptor) - arguments - 1);
        u2(pool.interfaceMethodRef(owner, name, descriptor));
        u1(arguments + 1);
        u1(0);
        return this;
    }

    int maxStack() {
        return maxDepth;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /** Stack slots a value of this field descriptor takes. */
    static int slots(String descriptor) {
        char kind = descriptor.charAt(0);
        return kind == 'J' || kind == 'D' ? 2 : kind == 'V' ? 0 : 1;
    }

    static int resultSlots(String methodDescriptor) {
        return slots(methodDescriptor.substring(methodDescriptor.indexOf(')') + 1));
    }

    static int argumentSlots(String methodDescriptor) {
        int slots = 0;
        int i = 1;
        while (methodDescriptor.charAt(i) != ')') {
            char kind = methodDescriptor.charAt(i);
            if (kind == 'L') {
                i = methodDescriptor.indexOf(';', i) + 1;
                slots++;
            } else if (kind == '[') {
                while (methodDescriptor.charAt(i) == '[') {
                    i++;
                }
                i = methodDescriptor.charAt(i) == 'L' ? methodDescriptor.indexOf(';', i) + 1 : i + 1;
                slots++;
            } else {
                slots += kind == 'J' || kind == 'D' ? 2 : 1;
                i++;
            }
        }
        return slots;
    }
}
