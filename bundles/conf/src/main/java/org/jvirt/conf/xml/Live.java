package org.jvirt.conf.xml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that belongs to a running object's state (a live id, a pty path, an index libvirt assigns at run
 * time): formatting leaves it out when the inactive form is asked for, as libvirt's INACTIVE flag does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Live {
}
