package org.jvirt.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Felix's own messages (resolve failures, bundle errors) into the platform's log instead of its standard output;
 * given to Felix as {@code felix.log.logger}.
 */
final class FrameworkLog extends org.apache.felix.framework.Logger {
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]: " + msg;
        doLog(level, text, throwable);
    }

    /** Felix's levels: 1 error, 2 warning, 3 info, 4 debug. */
    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        switch (level) {
            case LOG_ERROR -> LOG.error(msg, throwable);
            case LOG_WARNING -> LOG.warn(msg, throwable);
            case LOG_INFO -> LOG.info(msg, throwable);
            default -> LOG.debug(msg, throwable);
        }
    }
}
