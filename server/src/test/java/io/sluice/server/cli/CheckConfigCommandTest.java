package io.sluice.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldExitZeroForAUsableFile() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "syslog: {tcp: {port: 1514}}\nauth: {tokens: [a-long-enough-token-123]}\n");
        assertEquals(0, run(file).exitCode);
    }

    @Test
    void shouldNameTheFileLineAndKeyOfAMistake() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "http:\n  port: 8080\n  max-body: 10\n");
        Result result = run(file);
        assertEquals(Main.EXIT_USAGE, result.exitCode);
        assertTrue(result.err.contains("bad.yaml:3: unknown key 'max-body'"), result.err);
    }

    @Test
    void shouldRefuseCertificatesThatCannotBeRead() throws Exception {
        Path file = Files.writeString(dir.resolve("tls.yaml"), "syslog: {tls: {cert: missing.crt, key: missing.key}}\n");
        Result result = run(file);
        assertEquals(Main.EXIT_USAGE, result.exitCode);
        assertTrue(result.err.contains("syslog.tls.cert: cannot read"), result.err);
    }

    private record Result(int exitCode, String err) {
    }

    private static Result run(Path file) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("check-config", file.toString());
        return new Result(code, err.toString());
    }
}
