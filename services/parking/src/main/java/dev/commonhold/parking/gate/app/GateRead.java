package dev.commonhold.parking.gate.app;

import java.time.Instant;

/**
 * What a camera saw: its serial, its own id of the recognition (a resend carries the same), the
 * plate as read, when it was captured (not when it arrived: offline cameras push late), how sure
 * it was (0–100), and the SHA-256 of the stored image (the image itself is never kept in events).
 */
public record GateRead(String serial, String cameraEventId, String plateRead, Instant capturedAt, Integer confidence, String imageSha256,
                       boolean recordedOffline) {
}
