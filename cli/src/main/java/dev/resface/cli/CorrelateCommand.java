package dev.resface.cli;

import dev.resface.data.AttributeTable;
import dev.resface.data.CelebaLayout;
import dev.resface.evaluation.AttributeCorrelation;
import dev.resface.util.PrettyJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = "Pearson correlation of all attributes in list_attr_celeba.txt, strongest pairs first"
                + " (the paper: Male vs No_Beard = -0.5222 on CelebA).")
final class CorrelateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "folder in aligned-CelebA layout")
    Path data;

    @Option(names = "--top", defaultValue = "15", description = "how many pairs to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", description = "also write the full matrix as JSON here")
    Path out;

    @Override
    public Integer call() throws Exception {
        AttributeTable table = AttributeTable.read(new CelebaLayout(data).attributes());
        AttributeCorrelation c = AttributeCorrelation.of(table);
        System.out.printf(Locale.ROOT, "Pearson correlation over %d images, %d attributes; strongest pairs:%n",
                table.size(), c.names().size());
        for (AttributeCorrelation.Pair p : c.strongest(top)) {
            System.out.printf(Locale.ROOT, "  %+.4f  %s vs %s%n", p.r(), p.a(), p.b());
        }
        if (c.names().contains("Male") && c.names().contains("No_Beard")) {
            System.out.printf(Locale.ROOT, "Male vs No_Beard: %+.4f (paper, on CelebA: -0.5222)%n",
                    c.get("Male", "No_Beard"));
        }
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("images", table.size());
            json.put("attributes", c.names());
            json.put("pearson", c.matrix());
            PrettyJson.write(out, json);
        }
        return 0;
    }
}
