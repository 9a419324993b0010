package dev.commonhold.billing.documents.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 大写金额 as on every Chinese receipt: the zeros are where mistakes hide. */
class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "13425, 壹佰叁拾肆元贰角伍分",
            "100, 壹元整",
            "0, 零元整",
            "5, 伍分",
            "10, 壹角",
            "105, 壹元零伍分",
            "1000500, 壹万零伍元整",
            "10000000, 壹拾万元整",
            "100000000, 壹佰万元整",
            "1010000000, 壹仟零壹拾万元整",
            "10000000100, 壹亿零壹元整",
            "161118, 壹仟陆佰壹拾壹元壹角捌分",
            "100000001, 壹佰万元零壹分",
            "2000060, 贰万元陆角"  // a 零 after 元 before 角 is optional (PBoC rules for filling in bills); not written
    })
    void writesTheAmountInCapitals(long fen, String expected) {
        assertThat(ChineseAmount.of(fen)).isEqualTo(expected);
    }
}
