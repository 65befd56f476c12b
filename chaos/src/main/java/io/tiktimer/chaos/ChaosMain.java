package io.tiktimer.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code chaos/run [--long] [--seed N] [--posts N] [--accounts N] [--window S] [--faults S] [--raised-caps]}: one
 * chaos run against the packaged services; exits 1 when anything was lost, duplicated or otherwise broken.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "" : args[++i]);
        }
        Path work = Files.createTempDirectory("tiktimer-chaos");
        int exit;
        try {
            exit = new ChaosRun(ChaosSettings.fromArguments(options, work), System.out).run().passed() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }
}
