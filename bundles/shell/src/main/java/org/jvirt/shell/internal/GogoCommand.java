package org.jvirt.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.apache.felix.service.command.Process;

/**
 * A command as a Gogo function: Gogo's words are the command's words, parsed as virsh parses them. It prints to the
 * Gogo process's streams (so pipes work), keeps its state in the Gogo session, and returns nothing; the status of
 * the command stays in the session's state. A line that does not parse throws, which ends the Gogo line; so does
 * quit.
 */
public final class GogoCommand implements Function {
    private final VirshCommand command;
    private final CommandRunner runner;
    private final SessionStates states;

    public GogoCommand(VirshCommand command, CommandRunner runner, SessionStates states) {
        this.command = command;
        this.runner = runner;
        this.states = states;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        ShellSession state = states.of(session);
        List<String> words = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            words.add(a == null ? "" : String.valueOf(a));
        }
        Process process = Process.Utils.current();
        PrintStream out = process != null ? process.out() : session.getConsole();
        PrintStream err = process != null ? process.err() : session.getConsole();
        runner.run(command, words, state, out, err);
        if (state.quitRequested()) {
            throw new QuitSignal();
        }
        return null;
    }

    @Override
    public String toString() {
        return "virt:" + command.definition().name();
    }
}
