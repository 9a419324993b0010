package dev.commonhold.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's list of problem types is the list the code can answer with — no more, no fewer — so a
 * client that reads it can rely on it (issue 16, item 11). Types built from a rule's name are
 * documented as a pattern: {@code billing-rule-<rule>}.
 */
class DocumentedProblemsTest {

    private final Path repository = RepoRoot.locate();

    private static final List<Pattern> IN_CODE = List.of(
            Pattern.compile("ProblemType\\.of\\(\"([a-z0-9-]+)\"\\)"),                   // a service's own type
            Pattern.compile("URI [A-Z_]+ = of\\(\"([a-z0-9-]+)\"\\)"),                    // platform/web's ProblemType constants
            Pattern.compile("Problems\\.write\\([^;]*?HttpStatus\\.[A-Z_]+, \"([a-z0-9-]+)\""), // the gateway's own answers
            Pattern.compile("new Refusal\\(\"([a-z0-9-]+)\""),                                // what Netty refuses, given a body by the gateway
            Pattern.compile("ProblemType\\.of\\(\"([a-z]+-rule)-\" \\+"));                  // a rule's type: <prefix>-<rule>

    @Test
    void theReadmeListsExactlyTheProblemTypesTheCodeCanAnswerWith() throws IOException {
        assertThat(documented()).isEqualTo(produced());
    }

    private Set<String> produced() throws IOException {
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(repository)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/") && !f.toString().contains("/target/")
                    && !f.toString().contains("/.devstack/")).forEach(f -> {
                        String code = read(f);
                        for (Pattern p : IN_CODE) {
                            Matcher m = p.matcher(code);
                            while (m.find()) {
                                slugs.add(p.pattern().contains("rule)") ? m.group(1) + "-<rule>" : m.group(1));
                            }
                        }
                    });
        }
        return slugs;
    }

    private Set<String> documented() {
        String readme = read(repository.resolve("README.md"));
        int from = readme.indexOf("Slugs:");
        String list = readme.substring(from, readme.indexOf(". POSTs that move money", from));
        Set<String> slugs = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z0-9<>-]+)`").matcher(list);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
