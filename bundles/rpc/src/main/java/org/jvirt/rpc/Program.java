package org.jvirt.rpc;

import java.util.Collection;
import java.util.List;

/** A program (REMOTE, QEMU, KEEPALIVE): its number, version and procedures, indexed by number. */
public final class Program {
    private final String name;
    private final int number;
    private final int version;
    private final Procedure<?, ?>[] byNumber;
    private final List<Procedure<?, ?>> procedures;

    public Program(String name, int number, int version, Collection<Procedure<?, ?>> procedures) {
        this.name = name;
        this.number = number;
        this.version = version;
        int max = procedures.stream().mapToInt(Procedure::number).max().orElse(0);
        this.byNumber = new Procedure<?, ?>[max + 1];
        for (Procedure<?, ?> p : procedures) {
            if (p.program() != number || p.version() != version) {
                throw new IllegalArgumentException(p + " does not belong to program " + name);
            }
            if (byNumber[p.number()] != null) {
                throw new IllegalArgumentException("procedure " + p.number() + " declared twice in " + name);
            }
            byNumber[p.number()] = p;
        }
        this.procedures = List.copyOf(procedures);
    }

    public String name() {
        return name;
    }

    public int number() {
        return number;
    }

    public int version() {
        return version;
    }

    /** The procedure with this number, or {@code null}. */
    public Procedure<?, ?> procedure(int procedureNumber) {
        return procedureNumber > 0 && procedureNumber < byNumber.length ? byNumber[procedureNumber] : null;
    }

    public List<Procedure<?, ?>> procedures() {
        return procedures;
    }

    @Override
    public String toString() {
        return name + "(0x" + Integer.toHexString(number) + " v" + version + ", " + procedures.size()
                + " procedures, highest " + (byNumber.length - 1) + ")";
    }
}
