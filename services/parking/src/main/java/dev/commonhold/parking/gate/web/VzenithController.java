package dev.commonhold.parking.gate.web;

import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.app.GateIngest;
import dev.commonhold.parking.gate.app.GateRead;
import dev.commonhold.parking.sessions.app.Sessions;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Zhenshi / Vzenith (臻识) push protocol (CAMERA-FORMATS.md), so a camera can call us with no
 * box in between: {@code AlarmInfoPlate} in, {@code Response_AlarmInfoPlate} out ({@code info}
 * "ok" opens the barrier), the display text forwarded to the LED board as GBK in
 * {@code serialData}. A heartbeat (no plate result) is answered with a queued open command when
 * a driver paid at the exit, else {@code {"status":"ok"}}. Images are hashed, never stored here.
 */
@RestController
@Tag(name = "Gate")
@RequestMapping("/api/parking/communities/{communityId}/cameras/vzenith")
class VzenithController {

    private static final Charset GBK = Charset.forName("GBK");
    /** 9999-12-31: no capture time after this is a time. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private final GateIngest ingest;
    private final Sessions sessions;

    VzenithController(GateIngest ingest, Sessions sessions) {
        this.ingest = ingest;
        this.sessions = sessions;
    }

    @PostMapping
    Map<String, Object> push(Viewer viewer, @PathVariable UUID communityId, @RequestBody JsonNode body) {
        JsonNode alarm = body.path("AlarmInfoPlate");
        String serial = text(alarm, "serialno");
        if (serial == null || serial.length() > 64) {
            throw ProblemException.invalid("AlarmInfoPlate.serialno", "the camera's serial number (at most 64 characters) is required");
        }
        JsonNode plate = alarm.path("result").path("PlateResult");
        if (plate.isMissingNode()) {
            boolean open = sessions.takeOpen(viewer, communityId, serial);
            return open ? response(true, "已缴费 一路顺风", alarm) : Map.of("status", "ok");
        }
        JsonNode timeval = plate.path("timeStamp").path("Timeval");
        long sec = whole(timeval.path("sec"), 0, MAX_SECONDS, "AlarmInfoPlate.result.PlateResult.timeStamp.Timeval.sec",
                "the capture time in Unix seconds is required");
        long usec = timeval.path("usec").isMissingNode() ? 0 : whole(timeval.path("usec"), 0, 999_999,
                "AlarmInfoPlate.result.PlateResult.timeStamp.Timeval.usec", "microseconds, 0 to 999,999");
        Instant captured = Instant.ofEpochSecond(sec, usec * 1000);
        String plateId = plate.path("plateid").isMissingNode() || plate.path("plateid").isNull() ? null : plate.path("plateid").asString();
        if (plateId == null || plateId.isBlank() || plateId.length() > 40) {
            throw ProblemException.invalid("AlarmInfoPlate.result.PlateResult.plateid", "the camera's id of the recognition, 1 to 40 characters, is required");
        }
        Integer confidence = plate.path("confidence").isMissingNode() ? null
                : (int) whole(plate.path("confidence"), 0, 100, "AlarmInfoPlate.result.PlateResult.confidence", "0 to 100");
        String license = text(plate, "license");
        if (license == null || license.length() > 32) {
            throw ProblemException.invalid("AlarmInfoPlate.result.PlateResult.license", "the plate as read, at most 32 characters, is required");
        }
        GateAnswer answer = ingest.record(viewer, communityId, new GateRead(serial, plateId + "@" + captured.getEpochSecond(), license, captured,
                confidence, sha256(text(plate, "imageFile")), plate.path("isoffline").asInt(0) == 1));
        return response(answer.open(), answer.display(), alarm);
    }

    private static Map<String, Object> response(boolean open, String display, JsonNode alarm) {
        byte[] text = gbk(display);
        int channel = alarm.path("channel").asInt(0);
        return Map.of("Response_AlarmInfoPlate", Map.of("info", open ? "ok" : "no", "channelNum", channel,
                "serialData", List.of(Map.of("serialChannel", 0, "data", Base64.getEncoder().encodeToString(text), "dataLen", text.length))));
    }

    /** The display board reads GBK; a character GBK lacks becomes '?', never a failed answer at the gate. */
    static byte[] gbk(String text) {
        try {
            CharsetEncoder encoder = GBK.newEncoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (java.nio.charset.CharacterCodingException cannotHappenWithReplace) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The SHA-256 of the JPEG the camera sent (the bytes the Base64 stands for). */
    private static String sha256(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            byte[] image;
            try {
                image = Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                image = base64.getBytes(StandardCharsets.UTF_8);
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole number within bounds, or 400 naming the field (a camera's 1e30 or -1 never reaches a clock or the database). */
    private static long whole(JsonNode value, long min, long max, String field, String message) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw ProblemException.invalid(field, message);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
