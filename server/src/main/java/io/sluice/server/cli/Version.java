package io.sluice.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (unknown when run from classes). */
final class Version implements IVersionProvider {
    static String text() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + text() + " (Java " + Runtime.version() + ")"};
    }
}
