package org.jvirt.shell.internal.commands;

import java.util.Locale;

import org.jvirt.api.TypedParameter;

/** C's printf conversions where Java's differ, for output that must match virsh's. */
final class CFormat {
    private CFormat() {
    }

    /** printf's {@code %g}: six significant digits, trailing zeros dropped, an exponent when far from 1. */
    static String g(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        String sci = String.format(Locale.ROOT, "%.5e", d);
        int e = sci.indexOf('e');
        int exponent = Integer.parseInt(sci.substring(e + 1));
        if (exponent < -4 || exponent >= 6) {
            String exp = sci.substring(e + 1);
            String sign = exp.startsWith("-") ? "-" : "+";
            String digits = exp.replaceFirst("^[+-]", "");
            if (digits.length() < 2) {
                digits = "0" + digits;
            }
            return stripZeros(sci.substring(0, e)) + "e" + sign + digits;
        }
        return stripZeros(String.format(Locale.ROOT, "%." + (5 - exponent) + "f", d));
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** libvirt's virTypedParameterToString: numbers as C prints them, booleans as 0 or 1, doubles as %g. */
    static String typedParameter(TypedParameter p) {
        return switch (p.type()) {
            case DOUBLE -> g((Double) p.value());
            case BOOLEAN -> (Boolean) p.value() ? "1" : "0";
            default -> p.valueText();
        };
    }

    /** vshPrettyCapacity: the value in the largest binary unit it reaches, and that unit. */
    record Capacity(double value, String unit) {
        /** "%.3lf UNIT", as virsh prints a capacity. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f %s", value, unit);
        }
    }

    static Capacity capacity(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double limit = 1024;
        double v = bytes < 0 ? bytes + 0x1p64 : bytes;
        for (int u = 0; u < units.length - 1; u++) {
            if (v < limit) {
                return new Capacity(v / (limit / 1024), units[u]);
            }
            limit *= 1024;
        }
        return new Capacity(v / (limit / 1024), units[units.length - 1]);
    }
}
