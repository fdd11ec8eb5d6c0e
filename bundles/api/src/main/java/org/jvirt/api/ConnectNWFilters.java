package org.jvirt.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A connection's network filters and their bindings: the part of {@link Connect} that libvirt's nwfilter driver
 * serves. A hypervisor driver that implements none of these methods gets the platform's shared
 * {@link org.jvirt.api.driver.NWFilterDriver} behind them.
 */
public interface ConnectNWFilters {

    @Libvirt("virConnectListAllNWFilters")
    default List<NWFilter> listAllNWFilters() {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virConnectNumOfNWFilters", via = "virConnectListAllNWFilters")
    default int numOfNWFilters() {
        return listAllNWFilters().size();
    }

    /** The names of the filters. */
    @Libvirt(value = "virConnectListNWFilters", via = "virConnectListAllNWFilters")
    default List<String> listNWFilters() {
        return listAllNWFilters().stream().map(NWFilter::getName).toList();
    }

    @Libvirt("virNWFilterLookupByName")
    default NWFilter nwfilterLookupByName(String name) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNWFilterLookupByUUID")
    default NWFilter nwfilterLookupByUUID(UUID uuid) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virNWFilterLookupByUUIDString", via = "virNWFilterLookupByUUID")
    default NWFilter nwfilterLookupByUUIDString(String uuid) {
        return nwfilterLookupByUUID(Uuids.parse(uuid));
    }

    /** Defines (or redefines) a filter from its XML. */
    @Modifies
    @Libvirt("virNWFilterDefineXMLFlags")
    default NWFilter nwfilterDefineXML(String xml, Set<NWFilterDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virNWFilterDefineXML", via = "virNWFilterDefineXMLFlags")
    default NWFilter nwfilterDefineXML(String xml) {
        return nwfilterDefineXML(xml, Set.of());
    }

    @Libvirt("virConnectListAllNWFilterBindings")
    default List<NWFilterBinding> listAllNWFilterBindings() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNWFilterBindingLookupByPortDev")
    default NWFilterBinding nwfilterBindingLookupByPortDev(String portdev) {
        throw VirtException.noSupport();
    }

    /** Binds a filter to a port from the binding's XML. */
    @Modifies
    @Libvirt("virNWFilterBindingCreateXML")
    default NWFilterBinding nwfilterBindingCreateXML(String xml, Set<NWFilterBindingCreateFlag> flags) {
        throw VirtException.noSupport();
    }
}
