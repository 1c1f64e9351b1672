package dev.llmrouter.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One row of a routing eval TSV ({@code dataset subject weak_correct strong_correct prompt}): a prompt
 * and whether the weak (local) and the strong (cloud) model answered it correctly.
 */
public record RoutePrompt(String dataset, String subject, boolean weakCorrect, boolean strongCorrect, String prompt) {

    private static final String HEADER = "dataset\tsubject\tweak_correct\tstrong_correct\tprompt";

    /** Reads the file after its header line; {@code \n} inside the prompt is unescaped. */
    public static List<RoutePrompt> read(Path file) throws IOException {
        List<RoutePrompt> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", 5);
            if (cols.length < 5) {
                continue;
            }
            rows.add(new RoutePrompt(cols[0], cols[1], Boolean.parseBoolean(cols[2].trim()),
                    Boolean.parseBoolean(cols[3].trim()), cols[4].replace("\\n", "\n")));
        }
        return rows;
    }

    public static void write(Path file, List<RoutePrompt> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (RoutePrompt r : rows) {
                out.write(String.join("\t", r.dataset, r.subject, r.weakCorrect ? "True" : "False",
                        r.strongCorrect ? "True" : "False", r.prompt.replace("\n", "\\n")) + "\n");
            }
        }
    }

    /**
     * A stable place in 0..99 from the prompt text alone, so a split does not depend on file order and
     * a prompt that appears twice lands on one side.
     */
    public int bucket() {
        return bucket(0);
    }

    /** Another stable place in 0..99 per seed, for repeating a measurement on independent splits. */
    public int bucket(int seed) {
        CRC32 crc = new CRC32();
        crc.update(((seed == 0 ? "" : seed + "\t") + prompt).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
