package uk.dtw.etl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule registry is the one list: the docs, the findings' SQL and the source all agree. */
class RuleRegistryTest {
  private static final Path MAIN = Path.of("src/main/java/uk/dtw/etl");

  @Test
  void the_rule_table_in_the_extract_contract_is_the_registry_line_for_line() throws IOException {
    String doc = Files.readString(Path.of("../docs/extracts.md"));
    Matcher row =
        Pattern.compile(
                "^\\s*\\| `([a-z_]+)` \\| (error|warning|finding) \\| (.+) \\|$", Pattern.MULTILINE)
            .matcher(doc);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1) + " | " + row.group(2) + " | " + row.group(3));
    }
    List<String> registry =
        Arrays.stream(Rule.values())
            .map(r -> r.code() + " | " + r.severity().code() + " | " + r.description())
            .toList();
    assertThat(documented).containsExactlyElementsOf(registry);
  }

  @Test
  void every_finding_rule_has_its_sql_and_every_sql_file_is_a_finding_rule() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/findings"))) {
      List<String> sql =
          files.map(f -> f.getFileName().toString().replace(".sql", "")).sorted().toList();
      assertThat(sql)
          .containsExactlyInAnyOrderElementsOf(
              Arrays.stream(Rule.values())
                  .filter(r -> r.severity() == Severity.FINDING)
                  .map(Rule::code)
                  .toList());
    }
  }

  @Test
  void every_rule_is_applied_somewhere_and_no_code_names_a_rule_in_a_string() throws IOException {
    String source;
    try (Stream<Path> files = Files.walk(MAIN)) {
      source =
          files
              .filter(f -> f.toString().endsWith(".java") && !f.startsWith(MAIN.resolve("rules")))
              .map(RuleRegistryTest::read)
              .reduce("", String::concat);
    }
    for (Rule rule : Rule.values()) {
      if (rule.severity() != Severity.FINDING) {
        assertThat(source).as(rule.code()).contains("Rule." + rule.name());
      }
      assertThat(source)
          .as("a rule named by a string literal")
          .doesNotContain(", \"" + rule.code() + "\"");
    }
  }

  @Test
  void a_rule_cannot_be_raised_at_a_severity_it_does_not_have() {
    assertThat(Problem.error("period", Rule.PERIOD_FORMAT, "x").severity())
        .isEqualTo(Severity.ERROR);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Problem.error("period", Rule.PERIOD_CORRECTED, "x"))
        .hasMessageContaining("period_corrected is a warning rule");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
