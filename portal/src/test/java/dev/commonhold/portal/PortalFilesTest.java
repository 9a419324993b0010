package dev.commonhold.portal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests would only notice page by page: every string the pages show comes from the
 * message files, both languages say every message, and nothing in the pages needs an inline script
 * or style (the portal's Content-Security-Policy allows neither).
 */
class PortalFilesTest {

    private static final Path ROOT = Path.of("src/main/resources/commonhold-portal");
    private static final Pattern LITERAL_KEY = Pattern.compile("'([a-z]+\\.[A-Za-z0-9_.]+)'");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("`([a-z]+(?:\\.[a-z]+)*)\\.\\$\\{");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef]");
    private static final Set<String> NOT_MESSAGES = Set.of("commonhold.lang");

    @Test
    void bothLanguagesSayEveryMessage() throws IOException {
        assertThat(keys("en")).isEqualTo(keys("zh-CN"));
    }

    @Test
    void everyMessageAPageAsksForExists() throws IOException {
        Set<String> known = keys("zh-CN");
        Set<String> asked = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String script : scripts()) {
            collect(LITERAL_KEY, script, asked);
            collect(TEMPLATE_KEY, script, prefixes);
        }
        asked.removeAll(NOT_MESSAGES);
        assertThat(known).containsAll(asked);
        assertThat(prefixes).allSatisfy(prefix -> assertThat(known).anyMatch(k -> k.startsWith(prefix + ".")));
    }

    @Test
    void noTextIsWrittenIntoTheScriptsThemselves() throws IOException {
        for (Path file : files(".js")) {
            String code = Files.readString(file).lines().filter(l -> !l.trim().startsWith("//")).collect(Collectors.joining("\n"));
            assertThat(CJK.matcher(code).find()).as(file + " shows text that is not in i18n/").isFalse();
        }
    }

    @Test
    void thePageNeedsNoInlineScriptOrStyle() throws IOException {
        String index = Files.readString(ROOT.resolve("index.html"));
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=").doesNotContain("onclick=");
        for (String script : scripts()) {
            assertThat(script).doesNotContain("innerHTML").doesNotContain("eval(").doesNotContain("new Function");
        }
    }

    private static Set<String> keys(String lang) throws IOException {
        JsonNode messages = JsonMapper.builder().build().readTree(Files.readString(ROOT.resolve("i18n/" + lang + ".json"), StandardCharsets.UTF_8));
        return messages.propertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static java.util.List<String> scripts() throws IOException {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (Path file : files(".js")) {
            all.add(Files.readString(file));
        }
        return all;
    }

    private static java.util.List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
