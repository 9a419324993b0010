package dev.commonhold.platform.ids;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

    @Test
    void aPublishedCodeIsValidAndAnyOtherCheckCharacterIsNot() {
        assertThat(CreditCode.valid("91350100M000100Y43")).as("a published code").isTrue();
        String valid = CreditCode.withCheckCharacter("91110105MA01ABCDE");
        assertThat(CreditCode.valid(valid)).isTrue();
        for (char wrong : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (wrong != valid.charAt(17)) {
                assertThat(CreditCode.valid(valid.substring(0, 17) + wrong)).as("check %s", wrong).isFalse();
            }
        }
        assertThat(CreditCode.valid("91110105MA01ABCDI" + "X")).as("I is not in the set").isFalse();
        assertThat(CreditCode.valid(valid.substring(1))).as("17 characters").isFalse();
        assertThat(CreditCode.valid(null)).isFalse();
    }

    @Test
    void aNameIsMaskedAfterItsFirstCharacter() {
        assertThat(PersonNames.masked("王小明")).isEqualTo("王**");
        assertThat(PersonNames.masked("李")).isEqualTo("李*");
        assertThat(PersonNames.masked("𠮷野家")).as("a character outside the BMP is one character").isEqualTo("𠮷**");
    }
}
