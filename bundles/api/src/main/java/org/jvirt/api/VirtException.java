package org.jvirt.api;

import java.util.Objects;

/**
 * A failure, as libvirt reports it: an error code, the part of the system it comes from, and a message.
 *
 * <p>The message is built from libvirt's text for the code and the detail, so that
 * {@code new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name 'x'")} reads
 * "Domain not found: no domain with matching name 'x'", exactly as libvirt writes it. The code and domain travel on
 * the wire with their libvirt numbers.
 */
public class VirtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final ErrorDomain domain;
    private final String detail;

    /** An error whose message is libvirt's text for {@code code} with {@code detail} (which may be null). */
    public VirtException(ErrorCode code, ErrorDomain domain, String detail) {
        this(code, domain, detail, null);
    }

    public VirtException(ErrorCode code, ErrorDomain domain, String detail, Throwable cause) {
        super(ErrorTexts.message(Objects.requireNonNull(code, "code"), detail), cause);
        this.code = code;
        this.domain = domain == null ? ErrorDomain.NONE : domain;
        this.detail = detail;
    }

    /**
     * An error whose whole message is given, as received from elsewhere (a remote server): the message is kept as
     * it is, not built again from the code.
     */
    public static VirtException withMessage(ErrorCode code, ErrorDomain domain, String message) {
        return new VirtException(code, domain, message, true);
    }

    private VirtException(ErrorCode code, ErrorDomain domain, String message, boolean verbatim) {
        super(message);
        this.code = code;
        this.domain = domain == null ? ErrorDomain.NONE : domain;
        this.detail = message;
    }

    /** libvirt's error code. */
    public ErrorCode code() {
        return code;
    }

    /** The part of the system the error comes from. */
    public ErrorDomain domain() {
        return domain;
    }

    /** What was given beyond the code's own text, or null. */
    public String detail() {
        return detail;
    }

    /** "this function is not supported by the connection driver: FUNCTION". */
    public static VirtException noSupport(String function) {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NONE, function);
    }

    /**
     * "this function is not supported by the connection driver", without naming the function: the default body of
     * an API method a driver does not implement. The platform adds the function's name.
     */
    public static VirtException noSupport() {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NONE, null);
    }

    /** "invalid argument: DETAIL", as libvirt reports a bad parameter. */
    public static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, detail);
    }

    @Override
    public String toString() {
        return "VirtException[" + code.libvirtName() + ", " + domain.libvirtName() + "]: " + getMessage();
    }
}
