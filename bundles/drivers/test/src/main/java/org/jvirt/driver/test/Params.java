package org.jvirt.driver.test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;

/** libvirt's virTypedParamsValidate: only the named fields, each once, each of its type. */
final class Params {
    private Params() {
    }

    /** {@code spec}: field, type, field, type … */
    static void validate(TypedParameters params, Object... spec) {
        Map<String, TypedParameterType> allowed = new HashMap<>();
        for (int i = 0; i < spec.length; i += 2) {
            allowed.put((String) spec[i], (TypedParameterType) spec[i + 1]);
        }
        Set<String> seen = new HashSet<>();
        for (TypedParameter p : params) {
            TypedParameterType want = allowed.get(p.field());
            if (want == null) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' not supported");
            }
            if (!seen.add(p.field())) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' occurs multiple times");
            }
            if (p.type() != want) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid type '"
                        + name(p.type()) + "' for parameter '" + p.field() + "', expected '" + name(want) + "'");
            }
        }
    }

    private static String name(TypedParameterType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    static long number(TypedParameter p) {
        return ((Number) p.value()).longValue();
    }
}
