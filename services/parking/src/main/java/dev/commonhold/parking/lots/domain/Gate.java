package dev.commonhold.parking.lots.domain;

import java.util.UUID;

/** A plate-recognition camera at a lot's entry or exit lane, known by its serial number (Vzenith {@code serialno}). */
public record Gate(String serial, UUID lotId, String name, Direction direction) {

    public enum Direction {
        ENTRY, EXIT
    }

    public Gate {
        if (serial == null || !serial.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new ParkingRuleViolation(null, "serial", "the camera's serial number: 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ParkingRuleViolation(null, "name", "1 to 100 characters, e.g. 东门入口");
        }
        if (direction == null) {
            throw new ParkingRuleViolation(null, "direction", "ENTRY or EXIT");
        }
    }
}
