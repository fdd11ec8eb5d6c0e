package org.jvirt.driver.test;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors the test driver reports, with libvirt's codes, domains and sentences. */
final class Errors {
    private Errors() {
    }

    /** virDomainObjCheckActive's error. */
    static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    static VirtException invalid(String text) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, text);
    }

    static VirtException invalidArg(String text) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, text);
    }

    static VirtException internal(String text) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, text);
    }

    static VirtException unsupported(String text) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.TEST, text);
    }

    static VirtException argUnsupported(String text) {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST, text);
    }

    /** What libvirt's entry points say of flags that exclude each other (the message stands alone). */
    static VirtException exclusive(String a, String b) {
        return VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                "Flags '" + a + "' and '" + b + "' are mutually exclusive");
    }

    /** libvirt's entry points on a NULL argument that must be given. */
    static VirtException nonNull(String arg, String function) {
        return VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                arg + " in " + function + " must not be NULL");
    }
}
