package dev.commonhold.parking.gate.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule K4's fuzzy step, case by case: the expected match or non-match. */
class PlateMatchTest {

    @ParameterizedTest(name = "{0} read at the exit vs {1} inside: {2}")
    @CsvSource({
            "京A12345, 京A12345, EXACT",
            "津A12345, 京A12345, ONE_CHARACTER_OFF",   // province misread at night
            "京A12346, 京A12345, ONE_CHARACTER_OFF",
            "京A1234B, 京A12348, CONFUSABLE",          // 8/B
            "京A0Z345, 京AD2345, CONFUSABLE",          // 0/D and Z/2: two confusable positions
            "京A5S34B, 京AS5348, ",                    // three confusable positions: too many
            "京A12355, 京A12346, ",                    // two positions off, not confusable
            "京AD12345, 京A12345, ",                   // different lengths: not the same car
            "京B12345, 京A12346, "                     // two positions off
    })
    void matchesOrNot(String read, String inside, PlateMatch.Kind expected) {
        assertThat(PlateMatch.of(read, inside)).isEqualTo(expected);
    }

    @Test
    void listsEveryCandidateInside() {
        assertThat(PlateMatch.candidates("京A12345", List.of("京A12346", "京A12344", "沪C99999")).keySet())
                .containsExactly("京A12346", "京A12344");
        assertThat(PlateMatch.candidates("京A12345", List.of("沪C99999"))).isEmpty();
    }
}
