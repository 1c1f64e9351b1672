package dev.llmrouter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** One labelled pair from an eval TSV: text a is the cached question, text b the incoming one. */
public record Pair(boolean same, String a, String b) {

    /** Reads {@code label<TAB>text_a<TAB>text_b} after one header line; {@code \n} is unescaped. */
    public static List<Pair> read(Path file, int limit) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size() && pairs.size() < limit; i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length < 3) {
                continue;
            }
            pairs.add(new Pair(cols[0].trim().equals("1"), unescape(cols[1]), unescape(cols[2])));
        }
        return pairs;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }

    /** A stable split that does not depend on file order: half the pairs by a hash of their text. */
    public boolean inTrainingHalf() {
        CRC32 crc = new CRC32();
        crc.update((a + "\t" + b).getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 0;
    }
}
