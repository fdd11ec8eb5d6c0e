package org.jvirt.conf.internal;

import java.util.List;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Reading attribute values the way libvirt's XML helpers do (virXMLProp*, virStrToLong_*), with their error
 * sentences: numbers with C's strtol rules, yes/no and on/off states, names from a fixed list.
 */
public final class XmlValues {
    private XmlValues() {
    }

    /**
     * A number as C's strtoll reads it in {@code base} (0: decimal, 0x hex, leading 0 octal), the whole string, or
     * null when it is not one.
     */
    public static Long parseLong(String s, int base) {
        if (s == null) {
            return null;
        }
        String t = s.stripLeading();
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        int b = base;
        if ((b == 0 || b == 16) && (t.startsWith("0x") || t.startsWith("0X")) && t.length() > 2) {
            t = t.substring(2);
            b = 16;
        } else if (b == 0 && t.length() > 1 && t.startsWith("0")) {
            b = 8;
        } else if (b == 0) {
            b = 10;
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseUnsignedLong(t, b);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A non-negative number below 2^32 (virStrToLong_uip), or null. */
    public static Long parseUInt(String s, int base) {
        Long v = parseLong(s, base);
        return v == null || v < 0 || v > 0xFFFFFFFFL || s.strip().startsWith("-") ? null : v;
    }

    /** A non-negative decimal number (virStrToLong_ullp), or null; sizes past 2^63 are refused as too large. */
    public static Long parseUInt64(String s) {
        if (s == null || s.strip().startsWith("-")) {
            return null;
        }
        Long v = parseLong(s, 10);
        return v == null || v < 0 ? null : v;
    }

    /** A number that fits a C int (virStrToLong_i), or null. */
    public static Integer parseInt(String s, int base) {
        Long v = parseLong(s, base);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** virXMLPropUInt: the attribute as a non-negative number, null when absent; libvirt's error when invalid. */
    public static Long propUInt(String value, String attr, String element) {
        return propUInt(value, 10, attr, element);
    }

    /** virXMLPropUInt in {@code base}. */
    public static Long propUInt(String value, int base, String attr, String element) {
        if (value == null) {
            return null;
        }
        Long v = parseUInt(value, base);
        if (v == null) {
            throw invalidValue(attr, element, value, "Expected non-negative integer value");
        }
        return v;
    }

    /** virXMLPropInt: the attribute as a number, null when absent; libvirt's error when invalid. */
    public static Integer propInt(String value, String attr, String element) {
        return propInt(value, 10, attr, element);
    }

    /** virXMLPropInt in {@code base}. */
    public static Integer propInt(String value, int base, String attr, String element) {
        if (value == null) {
            return null;
        }
        Integer v = parseInt(value, base);
        if (v == null) {
            throw invalidValue(attr, element, value, "Expected integer value");
        }
        return v;
    }

    /** virXMLPropTristateBool: yes or no, null when absent. */
    public static String propYesNo(String value, String attr, String element) {
        return propEnum(value, attr, element, List.of("yes", "no"));
    }

    /** virXMLPropTristateSwitch: on or off, null when absent. */
    public static String propOnOff(String value, String attr, String element) {
        return propEnum(value, attr, element, List.of("on", "off"));
    }

    /** virXMLPropEnum: one of {@code allowed}, null when absent. */
    public static String propEnum(String value, String attr, String element, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + value + "'.");
        }
        return value;
    }

    /** virXMLPropEnum with VIR_XML_PROP_REQUIRED. */
    public static String requiredEnum(String value, String attr, String element, List<String> allowed) {
        if (value == null) {
            throw missing(attr, element);
        }
        return propEnum(value, attr, element, allowed);
    }

    /** libvirt's error for a required attribute that is absent. */
    public static VirtException missing(String attr, String element) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                "Missing required attribute '" + attr + "' in element '" + element + "'");
    }

    private static VirtException invalidValue(String attr, String element, String value, String expected) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                + "' in element '" + element + "': '" + value + "'. " + expected);
    }

    /** A MAC address in libvirt's form (lower case, two digits a byte), or null when it is not one. */
    public static String mac(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        StringBuilder sb = new StringBuilder(17);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                return null;
            }
            int v;
            try {
                v = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", v));
        }
        return sb.toString();
    }

    /** Whether a MAC address (in libvirt's form) is a multicast one. */
    public static boolean multicast(String mac) {
        return (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0;
    }
}
