package org.bookdrop.tools;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory check of the benchmark: a big generated file imported by {@code bookdrop.jar import}
 * in a JVM of its own with a small heap ({@code -Xmx256m}), watching its resident set (VmHWM)
 * and its heap after each collection (from its GC log).
 */
final class BigFileRun {

    /** A G1 or Serial log line's "before->after(total)" heap figures, in MB. */
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    record Result(long books, long bytes, double seconds, int exitCode, String summary, long peakHeapAfterGcMb,
                  long peakRssMb, String heapLimit) {
    }

    private BigFileRun() {
    }

    /**
     * @param fileName the big file's name, whose extension says its format: {@code big.ndjson},
     *                 {@code big.onix}; with the shape {@code SHOP}, a CSV in the shop's layout,
     *                 imported with its mapping ({@code import --mapping})
     * @param invalidShare the share of invalid records in it
     *                     (the file is left in the work folder, for the caller to delete)
     */
    static Result run(String jdbcUrl, Path work, long books, String heapLimit, String table, String fileName,
                      GenerateBooks.Shape shape, double invalidShare) throws Exception {
        Path file = work.resolve(fileName);
        boolean mapped = shape == GenerateBooks.Shape.SHOP;
        new GenerateBooks(7, invalidShare, shape).write(file, books);
        Path gcLog = work.resolve("big-gc.log");
        Path output = work.resolve("big-import.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapLimit, "-Xlog:gc:file=" + gcLog, "-jar", ownJar().toString(), "import"));
        if (mapped) {
            Path mapping = Files.writeString(work.resolve("shop.yaml"), GenerateBooks.SHOP_MAPPING);
            command.addAll(List.of("--mapping", mapping.toString()));
        }
        command.add(file.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile()).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(work.resolve("big-import.log").toFile());
        builder.environment().putAll(Map.of("CRATEDB_URL", jdbcUrl, "BOOKDROP_TABLE", table,
                "BOOKDROP_IMPORT_ONCE", "false", "BOOKDROP_INSTANCE", "benchmark"));
        long start = System.nanoTime();
        Process process = builder.start();
        long peakRss = -1;
        while (process.isAlive()) {
            peakRss = Math.max(peakRss, peakRssMegabytes(process.pid()));
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = Files.readString(output, StandardCharsets.UTF_8).strip();
        long bytes = Files.size(file);
        return new Result(books, bytes, seconds, process.exitValue(), summary, peakHeapAfterGc(gcLog), peakRss, heapLimit);
    }

    private static long peakRssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process has just ended, or this is not Linux.
        }
        return -1;
    }

    private static long peakHeapAfterGc(Path gcLog) throws IOException {
        long peak = -1;
        if (!Files.exists(gcLog)) {
            return peak;
        }
        Matcher matcher = HEAP_AFTER_GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
        while (matcher.find()) {
            peak = Math.max(peak, Long.parseLong(matcher.group(2)));
        }
        return peak;
    }

    private static Path ownJar() throws URISyntaxException {
        Path location = Path.of(BigFileRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!location.toString().endsWith(".jar")) {
            throw new IllegalStateException("the big-file run starts bookdrop.jar; run the benchmark from the jar "
                    + "(java -cp target/bookdrop.jar ...), not from " + location);
        }
        return location;
    }
}
