package dev.commonhold.platform.documents;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void bytesNotValidInTheDeclaredEncodingAreRefusedNamingTheLineNeverReplaced() {
        byte[] gbk = "building,owner\n2号楼,王某某\n".getBytes(Charset.forName("GB18030"));

        assertThatThrownBy(() -> SpreadsheetText.records(gbk, StandardCharsets.UTF_8)).isInstanceOfSatisfying(SpreadsheetRejected.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.message()).contains("not valid UTF-8");
                }));
        assertThat(SpreadsheetText.records(gbk, null).get(1).getFields()).as("without a declared charset it is recognised")
                .containsExactly("2号楼", "王某某");
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsRefusedAndBlankPaddingIsNot() {
        String header = "building,unit,area_m2\n";
        assertThatThrownBy(() -> SpreadsheetText.records((header + "1号楼,S01,1,234.56\n").getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(SpreadsheetRejected.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("3 cells expected (as in the header), 4 found")));
        assertThatThrownBy(() -> SpreadsheetText.records((header + "1号楼,S01\n").getBytes(StandardCharsets.UTF_8), null))
                .hasMessageContaining("3 cells expected (as in the header), 2 found");
        assertThat(SpreadsheetText.records((header + "1号楼,S01,\"1,234.56\",,\n").getBytes(StandardCharsets.UTF_8), null).get(1).getField(2))
                .isEqualTo("1,234.56");
    }

    @Test
    void aNulCharacterInACellIsRefusedNamingTheCell() {
        byte[] file = "building,owner_name\n1号楼,劲松\u0000测试\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SpreadsheetText.records(file, null)).isInstanceOfSatisfying(SpreadsheetRejected.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo("owner_name");
                    assertThat(p.message()).contains("NUL");
                }));
    }

    @Test
    void aCellASpreadsheetWouldRunIsWrittenAsText() {
        assertThat(CsvCells.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.text("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCells.text("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.text("\tx")).isEqualTo("\"'\tx\"");
        assertThat(CsvCells.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvCells.text("物业费")).isEqualTo("\"物业费\"");
        assertThat(CsvCells.text(null)).isEqualTo("\"\"");
    }

    @Test
    void aTabSeparatedFileIsReadByTabsAndBlankLinesAreSkipped() {
        var records = SpreadsheetText.records("a\tb\n\n1\t2\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).getFields()).containsExactly("1", "2");
    }
}
