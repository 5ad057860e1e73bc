package io.gridid.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GrididCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gridid " + (v != null ? v : "(development build)"),
                "Java " + System.getProperty("java.version")};
    }
}
