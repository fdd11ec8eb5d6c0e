package org.jvirt.driver.test;

import org.jvirt.api.ConnectStorage;

/** Placeholder. */
interface TestStorage extends ConnectStorage {
}
