package dev.commonhold.platform.documents;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What office software and online banking write, read back as the same text. */
class SpreadsheetTextTest {

    static final String TEXT = "交易日期,摘要,余额\n2026-11-30,物业费,1.00\n";

    @Test
    void everyEncodingOfficeSoftwareWritesReadsAsTheSameText() {
        assertThat(SpreadsheetText.decode(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(TEXT.getBytes(Charset.forName("GB18030")), null)).isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE), null)).isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(TEXT.getBytes(StandardCharsets.UTF_16LE), null)).as("UTF-16 without a BOM").isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(TEXT.getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(TEXT);
        assertThat(SpreadsheetText.decode(TEXT.getBytes(Charset.forName("GB18030")), Charset.forName("GBK"))).isEqualTo(TEXT);
    }

    @Test
    void aTabSeparatedFileIsReadByTabsAndBlankLinesAreSkipped() {
        var records = SpreadsheetText.records("a\tb\n\n1\t2\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).getFields()).containsExactly("1", "2");
    }
}
