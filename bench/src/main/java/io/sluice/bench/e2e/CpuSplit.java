package io.sluice.bench.e2e;

import java.io.IOException;

/**
 * The machine's CPUs split between the server (the first half, at least one) and the load client (the rest), for runs
 * that measure the server's latency: with both on the same CPUs, the server's threads wait for a CPU the client holds,
 * and that wait is what the percentiles would show (on 2 cores: p99 26.6 ms shared, 3.1 ms split, at the same rate).
 * Pins the calling JVM's threads with {@code taskset -a -p}; threads started later inherit the pinning.
 *
 * @param server CPUs for the server, a {@code taskset -c} list
 * @param client CPUs for this process (the client), a {@code taskset -c} list
 * @param all    every CPU, to unpin with
 */
record CpuSplit(String server, String client, String all) {
    /** The split of {@code cpus} CPUs, or null when there are fewer than 2 or no {@code taskset}. */
    static CpuSplit of(int cpus) {
        if (cpus < 2 || !tasksetWorks()) {
            return null;
        }
        int serverCpus = cpus / 2;
        return new CpuSplit(range(0, serverCpus - 1), range(serverCpus, cpus - 1), range(0, cpus - 1));
    }

    void pinThisProcessToClient() throws IOException, InterruptedException {
        pin(client);
    }

    void unpinThisProcess() throws IOException, InterruptedException {
        pin(all);
    }

    private static void pin(String cpus) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        if (taskset("-a", "-p", "-c", cpus, Long.toString(pid)) != 0) {
            throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed");
        }
    }

    private static boolean tasksetWorks() {
        try {
            return taskset("-p", Long.toString(ProcessHandle.current().pid())) == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code taskset} with {@code args}, its output discarded; returns its exit status. */
    private static int taskset(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "taskset";
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor();
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
