package uk.dtw.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswersTest {
  private static Answers.Answer bytes(int n) {
    return new Answers.Answer("application/json", new byte[n]);
  }

  @Test
  void the_least_recently_used_answer_goes_first_when_the_budget_is_passed() {
    // Each entry costs its body plus two bytes per character of its key ("/a" = 4).
    Answers answers = new Answers(1_000);
    answers.put("/a", bytes(96)); // 100
    answers.put("/b", bytes(96)); // 200
    answers.put("/c", bytes(96)); // 300
    assertThat(answers.get("/a")).isNotNull(); // /a is now the most recently used
    for (int i = 0; i < 7; i++) {
      answers.put("/" + (char) ('d' + i), bytes(96)); // 1,000 with /d../j
    }
    assertThat(answers.size()).isEqualTo(10);
    answers.put("/k", bytes(96)); // 1,100: the least recently used, /b, goes
    assertThat(answers.get("/b")).isNull();
    assertThat(answers.get("/a")).isNotNull();
    assertThat(answers.get("/c")).isNotNull();
    assertThat(answers.size()).isEqualTo(10);
  }

  @Test
  void an_answer_larger_than_a_tenth_of_the_budget_is_not_kept() {
    Answers answers = new Answers(1_000);
    answers.put("/big", bytes(200));
    assertThat(answers.get("/big")).isNull();
    answers.put("/small", bytes(50));
    assertThat(answers.get("/small").body()).hasSize(50);
  }
}
