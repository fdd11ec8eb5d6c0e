package org.jvirt.shell.internal.commands;

/**
 * virsh's device addresses given on the command line (virshAddressParse, virshAddressFormat): "pci:D.B.S.F",
 * "scsi:C.B.U", "ide:C.B.U", "sata:C.B.U", "ccw:CSSID.SSID.DEVNO", "usb:BUS.PORT", and the address element each
 * becomes.
 */
record DeviceAddress(String type, long[] fields, boolean multifunction) {
    /** The address, or null when virsh could not parse it. */
    static DeviceAddress parse(String s, boolean multifunction) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String type = s.substring(0, colon);
        int[] radix;
        switch (type) {
            case "pci" -> radix = new int[] {16, 16, 16, 16};
            case "scsi", "ide", "sata" -> radix = new int[] {10, 10, 10};
            case "ccw" -> radix = new int[] {16, 16, 16};
            case "usb" -> radix = new int[] {10, 10};
            default -> {
                return null;
            }
        }
        long[] fields = new long[radix.length];
        int at = colon;
        for (int i = 0; i < radix.length; i++) {
            // each field starts one character after the previous one ended, whatever that character is
            at++;
            int[] end = new int[1];
            Long v = strtoulPositive(s, at, radix[i], end);
            boolean wide = (type.equals("scsi") || type.equals("ide") || type.equals("sata")) && i == 2;
            if (v == null || (!wide && v > 0xffffffffL)) {
                return null;
            }
            fields[i] = v;
            at = end[0];
        }
        return new DeviceAddress(type, fields, multifunction);
    }

    /** virStrToLong_uip / _ullp: an unsigned number in {@code radix} at {@code from}; a minus sign refused. */
    private static Long strtoulPositive(String s, int from, int radix, int[] end) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '+') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '-') {
            return null;
        }
        if (radix == 16 && i + 1 < s.length() && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && i + 2 < s.length()
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) < 0x80 && Character.digit(s.charAt(i), radix) >= 0) {
            v = v * radix + Character.digit(s.charAt(i), radix);
            if (v < 0) {
                return null;
            }
            i++;
        }
        if (i == start) {
            return null;
        }
        end[0] = i;
        return v;
    }

    /** The address element, newline included. */
    String format() {
        return switch (type) {
            case "pci" -> String.format("<address type='pci' domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'",
                    fields[0], fields[1], fields[2], fields[3]) + (multifunction ? " multifunction='on'" : "") + "/>\n";
            case "scsi", "ide", "sata" -> "<address type='drive' controller='" + fields[0] + "' bus='" + fields[1]
                    + "' unit='" + Long.toUnsignedString(fields[2]) + "'/>\n";
            case "ccw" -> String.format("<address type='ccw' cssid='0x%02x' ssid='0x%01x' devno='0x%04x'/>\n",
                    fields[0], fields[1], fields[2]);
            default -> "<address type='usb' bus='" + fields[0] + "' port='" + fields[1] + "'/>\n";
        };
    }
}
