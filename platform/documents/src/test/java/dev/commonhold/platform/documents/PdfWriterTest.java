package dev.commonhold.platform.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfWriterTest {

    @Test
    void chineseIsWrittenWithTheEmbeddedFontAndReadsBack() throws Exception {
        byte[] bytes;
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            pdf.centred("劲松北社区 信托账户月度报表", 16);
            pdf.row(10, "物业费", 0, "1,234.56", -pdf.width());
            bytes = pdf.toBytes();
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("劲松北社区 信托账户月度报表", "物业费", "1,234.56");
            var resources = document.getPage(0).getResources();
            PDFont font = resources.getFont(resources.getFontNames().iterator().next());
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void aCharacterTheFontLacksBecomesAVisibleGapAndControlCharactersBecomeSpaces() throws Exception {
        byte[] bytes;
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A5)) {
            pdf.row(10, "吉\uD842\uDFB7祥\n😀", 0);
            bytes = pdf.toBytes();
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("吉□祥 □");
        }
    }

    @Test
    void rowsThatDoNotFitFlowOntoANewPage() throws Exception {
        byte[] bytes;
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A5)) {
            for (int i = 0; i < 200; i++) {
                pdf.row(10, "第" + i + "行", 0);
            }
            bytes = pdf.toBytes();
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document)).contains("第0行", "第199行");
        }
    }

    @Test
    void fitCutsWithAnEllipsisOnlyWhatWouldRunOver() {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            assertThat(pdf.fit("短", 9, 100)).isEqualTo("短");
            String cut = pdf.fit("很长很长很长很长很长很长很长很长很长很长的摘要", 9, 60);
            assertThat(cut).endsWith("…").hasSizeLessThan(20);
        }
    }
}
