package dev.commonhold.parking.gate.web;

import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.app.GateIngest;
import dev.commonhold.parking.gate.app.GateRead;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * Our own gate API (beside the vendor adapters): a camera or gate controller reports what it read
 * and gets the barrier decision in the answer. 200 for a new event and for a resend alike.
 */
@RestController
@Tag(name = "Gate")
@RequestMapping("/api/parking/communities/{communityId}/gate-events")
class GateController {

    /**
     * @param cameraEventId the camera's own id of this recognition (Vzenith {@code plateid}): a resend carries the same
     * @param plate         as read: separators and lower case are fine; an unreadable plate is recorded and the barrier stays closed
     * @param capturedAt    when the camera saw the car (not when it sent it)
     * @param confidence    0–100
     * @param imageSha256   hex SHA-256 of the stored image
     */
    record ReadBody(@NotBlank @Size(max = 64) String gateSerial, @NotBlank @Size(max = 64) String cameraEventId, @NotNull @Size(max = 32) String plate,
                    @NotNull Instant capturedAt, @Min(0) @Max(100) Integer confidence, @Pattern(regexp = "[0-9a-f]{64}") String imageSha256,
                    Boolean recordedOffline) {
    }

    /** @param open whether the barrier opens; {@code feeFen} the fee due before it does; {@code duplicate} a resend, answered as before */
    record AnswerView(UUID eventId, boolean open, String display, Long feeFen, UUID sessionId, String payUrl, boolean duplicate) {
        static AnswerView of(GateAnswer a) {
            return new AnswerView(a.eventId(), a.open(), a.display(), a.feeFen(), a.sessionId(), a.payUrl(), a.duplicate());
        }
    }

    private final GateIngest ingest;

    GateController(GateIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping
    AnswerView record(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody ReadBody b) {
        return AnswerView.of(ingest.record(viewer, communityId, new GateRead(b.gateSerial(), b.cameraEventId(), b.plate(), b.capturedAt(),
                b.confidence(), b.imageSha256(), Boolean.TRUE.equals(b.recordedOffline()))));
    }
}
