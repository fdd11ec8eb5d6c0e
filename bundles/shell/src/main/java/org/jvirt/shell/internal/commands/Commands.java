package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.CommandCatalog;
import org.jvirt.shell.internal.Completions;

/** Every command the shell has, in no particular order: the catalog groups them as virsh's help does. */
public final class Commands {
    private Commands() {
    }

    /** @param catalog the catalog being built, for help and complete, which look at the others when they run */
    public static List<VirshCommand> all(CommandCatalog catalog) {
        List<VirshCommand> all = new ArrayList<>(List.of(new Define(), new Destroy(), new Dumpxml(), new Reboot(),
                new Resume(), new Shutdown(), new Start(), new Suspend(), new Undefine(), new Dominfo(),
                new Domstate(), new ListDomains(), new Hostname(), new Nodeinfo(), new Uri(), new Version(),
                new Quit("exit"), new Help(catalog::groups), new Quit("quit"), new Connect(), new Drivers(), new XmlFormat(),
                new XmlValidate()));
        all.addAll(ShellBuiltins.all());
        all.addAll(DomainBasics.all());
        all.addAll(DomainMonitor.all());
        all.addAll(DomainTuning.all());
        all.addAll(NetworkCommands.all());
        all.addAll(StorageCommands.all());
        all.addAll(HostCommands.all());
        all.addAll(SnapshotCommands.all());
        all.addAll(CheckpointCommands.all());
        all.addAll(EditCommands.all());
        all.addAll(ObjectEvents.all());
        all.addAll(InterfaceCommands.all());
        all.addAll(NodeDeviceCommands.all());
        all.addAll(SecretCommands.all());
        all.addAll(NWFilterCommands.all());
        all.addAll(BlockJobCommands.all());
        all.addAll(DeviceCommands.all());
        all.addAll(DomainGuestCommands.all());
        all.addAll(MigrateCommands.all());
        all.addAll(QemuCommands.all());
        all.addAll(HostPagesAndCpus.all());
        all.add(new EventCommand());
        all.add(new Complete(new Completions(catalog)));
        return all;
    }
}
