package io.gridid.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a gridid command line in-process and captures its exit code and output. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = GrididCommand.commandLine(args); // as Main builds it: only the subcommand named
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
