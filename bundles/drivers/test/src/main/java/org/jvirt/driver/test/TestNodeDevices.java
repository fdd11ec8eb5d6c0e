package org.jvirt.driver.test;

import org.jvirt.api.ConnectNodeDevices;

/** Placeholder. */
interface TestNodeDevices extends ConnectNodeDevices {
}
