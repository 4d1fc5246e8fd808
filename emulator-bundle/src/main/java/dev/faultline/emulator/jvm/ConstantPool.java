package dev.faultline.emulator.jvm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A class file's constant pool (JVM specification, §4.4): each entry is added once and
 * referred to by index. Longs take two slots, as the specification requires.
 */
final class ConstantPool {

    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int LONG = 5;
    private static final int CLASS = 7;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> indices = new HashMap<>();
    private int next = 1;

    int utf8(String text) {
        return entry("U" + text, 1, () -> {
            out.writeByte(UTF8);
            out.writeUTF(text);
        });
    }

    int integer(int value) {
        return entry("I" + value, 1, () -> {
            out.writeByte(INTEGER);
            out.writeInt(value);
        });
    }

    int longValue(long value) {
        return entry("J" + value, 2, () -> {
            out.writeByte(LONG);
            out.writeLong(value);
        });
    }

    /** A class by internal name, for example "java/lang/Object". */
    int classRef(String internalName) {
        int name = utf8(internalName);
        return entry("C" + internalName, 1, () -> {
            out.writeByte(CLASS);
            out.writeShort(name);
        });
    }

    int fieldRef(String owner, String name, String descriptor) {
        return memberRef(FIELD_REF, owner, name, descriptor);
    }

    int methodRef(String owner, String name, String descriptor) {
        return memberRef(METHOD_REF, owner, name, descriptor);
    }

    int interfaceMethodRef(String owner, String name, String descriptor) {
        return memberRef(INTERFACE_METHOD_REF, owner, name, descriptor);
    }

    private int memberRef(int tag, String owner, String name, String descriptor) {
        int ownerIndex = classRef(owner);
        int nameAndType = nameAndType(name, descriptor);
        return entry(tag + ":" + owner + "." + name + descriptor, 1, () -> {
            out.writeByte(tag);
            out.writeShort(ownerIndex);
            out.writeShort(nameAndType);
        });
    }

    private int nameAndType(String name, String descriptor) {
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        return entry("N" + name + ":" + descriptor, 1, () -> {
            out.writeByte(NAME_AND_TYPE);
            out.writeShort(nameIndex);
            out.writeShort(descriptorIndex);
        });
    }

    /** The constant_pool_count field: one more than the highest index. */
    int count() {
        return next;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private interface Writer {
        void write() throws IOException;
    }

    private int entry(String key, int slots, Writer writer) {
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        try {
            writer.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = next;
        next += slots;
        if (next > 0xffff) {
            throw new IllegalStateException("a class file's constant pool holds at most 65535 entries");
        }
        indices.put(key, index);
        return index;
    }
}
