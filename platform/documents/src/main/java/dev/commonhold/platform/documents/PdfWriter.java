package dev.commonhold.platform.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A page-by-page writer of text rows with the CJK font embedded (subset), so Chinese renders the
 * same in every viewer and printer, whatever fonts they have. One instance per document. Sizes and
 * offsets are PDF points (1/72 inch).
 */
public final class PdfWriter implements AutoCloseable {

    /** Noto Sans SC (SIL Open Font License), from the ph-fonts-noto-sans-sc artifact on Maven Central, unpacked at build time. */
    private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";
    private static final byte[] FONT_BYTES = readFont();
    public static final float MARGIN = 48;

    private static final char MISSING = '□';

    private final PDDocument document = new PDDocument();
    private final java.util.Map<Integer, Boolean> drawable = new java.util.HashMap<>();
    private final PDType0Font font;
    private final PDRectangle size;
    private PDPageContentStream page;
    private float y;

    public PdfWriter(PDRectangle size) {
        this.size = size;
        try {
            font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** Writes one row: each cell at its x offset (from the left margin); a negative offset right-aligns the cell ending there. */
    public void row(float fontSize, Object... cellsAndOffsets) {
        ensureRoom(fontSize * 1.6f);
        for (int i = 0; i < cellsAndOffsets.length; i += 2) {
            String text = String.valueOf(cellsAndOffsets[i]);
            float offset = ((Number) cellsAndOffsets[i + 1]).floatValue();
            float x = MARGIN + (offset >= 0 ? offset : -offset - textWidth(text, fontSize));
            text(text, x, y, fontSize);
        }
        y -= fontSize * 1.6f;
    }

    /** The text, cut with an ellipsis where it would run past {@code maxWidth} points. */
    public String fit(String text, float fontSize, float maxWidth) {
        if (textWidth(text, fontSize) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && textWidth(cut + "…", fontSize) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    public void centred(String text, float fontSize) {
        ensureRoom(fontSize * 1.8f);
        text(text, (size.getWidth() - textWidth(text, fontSize)) / 2, y, fontSize);
        y -= fontSize * 1.8f;
    }

    public void rule() {
        ensureRoom(8);
        try {
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, y + 6);
            page.lineTo(size.getWidth() - MARGIN, y + 6);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 8;
    }

    public void gap(float points) {
        y -= points;
    }

    /** Ends the page; what follows starts on a new one. */
    public void pageBreak() {
        try {
            page.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    /**
     * A grid of filled squares, centred across the page ({@code cells[row][column]}, true = filled,
     * each {@code cell} points wide): a QR code's modules, drawn as vectors so it prints sharp.
     */
    public void squares(boolean[][] cells, float cell) {
        float side = cells.length * cell;
        ensureRoom(side);
        float left = (size.getWidth() - side) / 2;
        try {
            for (int row = 0; row < cells.length; row++) {
                for (int column = 0; column < cells[row].length; column++) {
                    if (cells[row][column]) {
                        page.addRect(left + column * cell, y - (row + 1) * cell, cell, cell);
                    }
                }
            }
            page.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= side;
    }

    public byte[] toBytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String text, float x, float atY, float fontSize) {
        try {
            page.beginText();
            page.setFont(font, fontSize);
            page.newLineAtOffset(x, atY);
            page.showText(printable(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float textWidth(String text, float fontSize) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the font can draw: control characters (a line break typed into a receipt number) become
     * spaces, and a character the font lacks (an emoji, a rare CJK Extension B surname such as 𠮷)
     * becomes □ — a document with a visible gap, never one that cannot be produced at all.
     */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IllegalStateException | IOException noGlyph) {
            return false;
        }
    }

    private void ensureRoom(float needed) {
        if (y - needed < MARGIN) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void newPage() {
        PDPage next = new PDPage(size);
        document.addPage(next);
        try {
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - MARGIN;
    }

    private static byte[] readFont() {
        try (InputStream in = PdfWriter.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the classpath: build with ./mvnw, which unpacks it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
