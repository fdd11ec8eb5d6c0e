package org.jvirt.rpc.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.jvirt.api.ErrorCode;
import org.jvirt.rpc.ProtocolException;
import org.junit.jupiter.api.Test;

/** RFC 4506 encodings byte for byte, and the limits that keep hostile input from doing harm. */
class XdrTest {
    record Pair(int a, String b) {
    }

    sealed interface Shape permits Circle, Nothing {
    }

    record Circle(double radius) implements Shape {
    }

    record Nothing() implements Shape {
    }

    static final XdrType<Pair> PAIR = Xdr.struct(Pair.class, Xdr.INT, Xdr.optional(Xdr.string(10)));
    static final XdrType<Shape> SHAPE = Xdr.union("shape", Shape.class, Xdr.arm(1, Circle.class, Xdr.DOUBLE),
            Xdr.arm(2, Nothing.class));

    private static <T> byte[] encode(XdrType<T> t, T v) {
        XdrWriter w = new XdrWriter(16, 1 << 20);
        t.write(w, v);
        return w.toByteArray();
    }

    private static <T> T decode(XdrType<T> t, byte... bytes) {
        XdrReader r = new XdrReader(ByteBuffer.wrap(bytes));
        T v = t.read(r);
        assertThat(r.remaining()).isZero();
        return v;
    }

    @Test
    void primitivesAreBigEndianAndPadded() {
        assertThat(encode(Xdr.INT, -2)).containsExactly(0xff, 0xff, 0xff, 0xfe);
        assertThat(encode(Xdr.UHYPER, 0x0102030405060708L)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(encode(Xdr.BOOL, true)).containsExactly(0, 0, 0, 1);
        assertThat(encode(Xdr.string(10), "abcde")).containsExactly(0, 0, 0, 5, 'a', 'b', 'c', 'd', 'e', 0, 0, 0);
        assertThat(encode(Xdr.string(10), "é")).containsExactly(0, 0, 0, 2, 0xc3, 0xa9, 0, 0);
        assertThat(encode(Xdr.fixedOpaque(3), new byte[] {1, 2, 3})).containsExactly(1, 2, 3, 0);
        assertThat(encode(Xdr.fixedChars(2), new byte[] {'h', 'i'})).containsExactly(0, 0, 0, 'h', 0, 0, 0, 'i');
        assertThat(encode(Xdr.optional(Xdr.INT), null)).containsExactly(0, 0, 0, 0);
        assertThat(encode(Xdr.DOUBLE, 1.0)).containsExactly(0x3f, 0xf0, 0, 0, 0, 0, 0, 0);
        assertThat(encode(Xdr.FLOAT, 1.0f)).containsExactly(0x3f, 0x80, 0, 0);
        assertThat(decode(Xdr.FLOAT, (byte) 0x3f, (byte) 0x80, (byte) 0, (byte) 0)).isEqualTo(1.0f);
    }

    @Test
    void structsUnionsAndArraysRoundTrip() {
        Pair p = new Pair(3, "x");
        assertThat(decode(PAIR, encode(PAIR, p))).isEqualTo(p);
        assertThat(decode(PAIR, encode(PAIR, new Pair(4, null)))).isEqualTo(new Pair(4, null));
        XdrType<List<Pair>> pairs = Xdr.array(PAIR, 5);
        assertThat(decode(pairs, encode(pairs, List.of(p, p)))).containsExactly(p, p);
        assertThat(decode(SHAPE, encode(SHAPE, new Circle(2.5)))).isEqualTo(new Circle(2.5));
        assertThat(encode(SHAPE, new Nothing())).containsExactly(0, 0, 0, 2);
        assertThat(decode(Xdr.intArray(4), encode(Xdr.intArray(4), new int[] {1, 2}))).containsExactly(1, 2);
        assertThat(decode(Xdr.hyperArray(4), encode(Xdr.hyperArray(4), new long[] {9}))).containsExactly(9L);
        XdrType<List<Integer>> fixed = Xdr.fixedArray(Xdr.INT, 2);
        assertThat(decode(fixed, encode(fixed, List.of(5, 6)))).containsExactly(5, 6);
    }

    @Test
    void limitsAreEnforcedBothWays() {
        assertThatThrownBy(() -> encode(Xdr.string(3), "abcd")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode(Xdr.string(3), (byte) 0, (byte) 0, (byte) 0, (byte) 4, (byte) 'a',
                (byte) 'b', (byte) 'c', (byte) 'd')).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds maximum 3");
        assertThatThrownBy(() -> encode(Xdr.array(Xdr.INT, 1), List.of(1, 2))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> encode(Xdr.fixedOpaque(16), new byte[15])).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode(Xdr.BOOL, (byte) 0, (byte) 0, (byte) 0, (byte) 2))
                .isInstanceOf(ProtocolException.class);
        XdrType<Integer> e = Xdr.enumeration("e", 0, 1, 2);
        assertThatThrownBy(() -> decode(e, (byte) 0, (byte) 0, (byte) 0, (byte) 3))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode(SHAPE, (byte) 0, (byte) 0, (byte) 0, (byte) 9))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> encode(PAIR, null)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new XdrWriter(4, 8).writeHyper(1).writeInt(1))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aHostileCountFailsBeforeAnythingIsAllocated() {
        // a list claiming 16383 elements of at least 8 bytes each, in a 4-byte body
        byte[] wire = {0, 0, 0x3f, (byte) 0xff};
        assertThatThrownBy(() -> decode(Xdr.array(Xdr.HYPER, 16384), wire)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("bytes left")
                .satisfies(t -> assertThat(((ProtocolException) t).code()).isEqualTo(ErrorCode.RPC));
        // an unsigned length past 2^31 is not a negative array size
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> decode(Xdr.opaque(0xffffffffL), huge)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void structDeclarationsAreCheckedAgainstTheirRecords() {
        assertThatThrownBy(() -> Xdr.struct(Pair.class, Xdr.INT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Xdr.struct(Pair.class, Xdr.HYPER, Xdr.string(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pair.a");
    }

    @Test
    void writerReusesItsBufferAndViewsAreZeroCopy() {
        XdrWriter w = new XdrWriter(8, 64);
        w.writeOpaque(new byte[] {1, 2, 3, 4, 5}, 8);
        XdrReader r = new XdrReader(w.flip());
        ByteBuffer view = r.readOpaqueView(8);
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.remaining()).isEqualTo(5);
        assertThat(view.get(4)).isEqualTo((byte) 5);
        assertThat(w.reset().position()).isZero();
    }
}
