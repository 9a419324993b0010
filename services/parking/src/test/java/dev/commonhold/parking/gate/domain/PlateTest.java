package dev.commonhold.parking.gate.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule K5: what is a plate, and what a camera's read becomes. */
class PlateTest {

    @ParameterizedTest
    @CsvSource({
            "京A12345, 京A12345",          // ordinary blue
            "京a·12345, 京A12345",         // separators and lower case as cameras and people type them
            "粤B 8D3K9, 粤B8D3K9",
            "京AD12345, 京AD12345",        // small new-energy: D = pure electric
            "沪AF12345, 沪AF12345",        // F = not pure electric
            "苏E12345D, 苏E12345D",        // large new-energy: the last is D or F
            "京AO1234, 京A01234",          // O does not occur: read as 0
            "京AI2345, 京A12345",          // I does not occur: read as 1
            "粤B1234学, 粤B1234学",        // coach car
            "京A1234警, 京A1234警"
    })
    void readsWhatCamerasSend(String read, String plate) {
        assertThat(Plate.read(read)).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(plate));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "京A1234", "京A1234567", "A12345", "京112345", "XA12345", "京AL12345", "京A12345X", "京AD1234Z"})
    void refusesWhatIsNotAPlate(String read) {
        assertThat(Plate.read(read)).isEmpty();
    }

    @Test
    void newEnergyPlatesHaveEightCharacters() {
        assertThat(Plate.read("京AD12345").orElseThrow().newEnergy()).isTrue();
        assertThat(Plate.read("京A12345").orElseThrow().newEnergy()).isFalse();
        assertThat(Plate.read("京AD12345").orElseThrow().display()).isEqualTo("京A·D12345");
    }
}
