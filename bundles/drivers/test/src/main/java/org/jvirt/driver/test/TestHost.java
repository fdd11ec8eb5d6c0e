package org.jvirt.driver.test;

import org.jvirt.api.Connect;

/** Placeholder. */
interface TestHost extends Connect {
}
