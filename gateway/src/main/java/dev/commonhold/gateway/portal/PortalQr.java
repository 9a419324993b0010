package dev.commonhold.gateway.portal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.commonhold.gateway.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /portal/qr?text=…}: a QR code (PNG) of a payment link, drawn here so the page loads
 * nothing from another origin — as a merchant draws WeChat Pay's code_url for a Native payment.
 * Text longer than 512 characters is refused (400): a payment link is far shorter.
 */
@RestController
class PortalQr {

    static final int MAX_TEXT = 512;
    private static final int SIZE = 240;

    @GetMapping("/portal/qr")
    ResponseEntity<Object> qr(@RequestParam(name = "text", defaultValue = "") String text, ServerWebExchange exchange) throws IOException {
        if (text.isBlank() || text.length() > MAX_TEXT) {
            return Problems.entity(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "text: give the link to draw, 1–" + MAX_TEXT + " characters.");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png(text));
    }

    static byte[] png(String text) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
