package dev.faultline.emulator.jvm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a class file (JVM specification, chapter 4) holding methods of straight-line bytecode.
 * Version 49 (Java 5): its verifier infers types, so methods need no StackMapTable.
 */
public final class ClassBuilder {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int VERSION = 49;
    public static final int ACC_PUBLIC = 0x0001;
    public static final int ACC_FINAL = 0x0010;
    public static final int ACC_SUPER = 0x0020;

    private final ConstantPool pool = new ConstantPool();
    private final String name;
    private final String superName;
    private final List<MethodEntry> methods = new ArrayList<>();

    private record MethodEntry(int access, String name, String descriptor, Code code, int maxLocals) {
    }

    /** A class with internal names, for example "dev/faultline/Foo" extending "java/lang/Object". */
    public ClassBuilder(String name, String superName) {
        this.name = name;
        this.superName = superName;
    }

    /** Starts a method; fill in the returned code, which the class file takes as it is at build time. */
    public Code method(int access, String methodName, String descriptor, int maxLocals) {
        Code code = new Code(pool);
        methods.add(new MethodEntry(access, methodName, descriptor, code, maxLocals));
        return code;
    }

    /** The class file's bytes. */
    public byte[] build() {
        int thisClass = pool.classRef(name);
        int superClass = pool.classRef(superName);
        int codeAttribute = pool.utf8("Code");
        List<byte[]> methodBytes = new ArrayList<>();
        for (MethodEntry method : methods) {
            methodBytes.add(method(method, codeAttribute));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(0);
            out.writeShort(VERSION);
            out.writeShort(pool.count());
            out.write(pool.toByteArray());
            out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(methodBytes.size());
            for (byte[] method : methodBytes) {
                out.write(method);
            }
            out.writeShort(0); // attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] method(MethodEntry method, int codeAttribute) {
        int nameIndex = pool.utf8(method.name());
        int descriptorIndex = pool.utf8(method.descriptor());
        byte[] code = method.code().toByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(method.access());
            out.writeShort(nameIndex);
            out.writeShort(descriptorIndex);
            out.writeShort(1);
            out.writeShort(codeAttribute);
            out.writeInt(12 + code.length);
            out.writeShort(method.code().maxStack());
            out.writeShort(method.maxLocals());
            out.writeInt(code.length);
            out.write(code);
            out.writeShort(0); // exception table
            out.writeShort(0); // attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
