package dev.commonhold.trust.transparency.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.transparency.app.Transparency;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Month closes and their tree heads, inclusion and consistency proofs, and the journal export a verifier reads. */
@RestController
@RequestMapping("/api/trust/communities/{communityId}")
class TransparencyController {

    /**
     * A closed month's tree head (root in hex); {@code signedBytes} are the exact bytes each signature covers
     * (Ed25519, base64; public keys X.509 in base64): the operator's and the committee members' countersignatures.
     */
    record HeadView(String period, long treeSize, String rootHash, Instant closedAt, long timestampMicros, String signedBytes,
                    List<SignatureView> signatures) {
    }

    record SignatureView(String signer, String signerName, String publicKey, String signature) {
    }

    record KeyRegistration(@jakarta.validation.constraints.NotBlank String publicKey) {
    }

    record Countersignature(@jakarta.validation.constraints.NotBlank String signature) {
    }


    private final Transparency transparency;

    TransparencyController(Transparency transparency) {
        this.transparency = transparency;
    }

    @Audited(kind = AuditKind.APPROVAL, action = "trust.month.close")
    @PostMapping("/months/{month}/close")
    HeadView close(Viewer viewer, @PathVariable UUID communityId, @PathVariable String month) {
        return view(transparency.close(viewer, communityId, month(month)));
    }

    @GetMapping("/months")
    List<HeadView> months(Viewer viewer, @PathVariable UUID communityId) {
        return transparency.signedHeads(viewer, communityId).stream().map(TransparencyController::view).toList();
    }

    @Audited(kind = AuditKind.APPROVAL, action = "trust.month.countersign")
    @PostMapping("/months/{month}/countersignatures")
    HeadView countersign(Viewer viewer, @PathVariable UUID communityId, @PathVariable String month,
                         @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Countersignature c) {
        return view(transparency.countersign(viewer, communityId, month(month), c.signature()));
    }

    @Audited(kind = AuditKind.ROLE_CHANGE, action = "trust.committee-key.register")
    @org.springframework.web.bind.annotation.PutMapping("/committee/keys/mine")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void registerKey(Viewer viewer, @PathVariable UUID communityId,
                     @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody KeyRegistration k) {
        transparency.registerKey(viewer, communityId, k.publicKey());
    }

    @GetMapping("/proofs/inclusion")
    Transparency.InclusionProof inclusion(Viewer viewer, @PathVariable UUID communityId, @RequestParam long entry, @RequestParam long size) {
        return transparency.inclusion(viewer, communityId, entry, size);
    }

    @GetMapping("/proofs/consistency")
    Transparency.ConsistencyProof consistency(Viewer viewer, @PathVariable UUID communityId, @RequestParam long from, @RequestParam long to) {
        return transparency.consistency(viewer, communityId, from, to);
    }

    /** One line per entry, in log order: {"entry": its canonical JSON, "leafHash": hex} (platform/ledger/FORMAT.md). */
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(Viewer viewer, @PathVariable UUID communityId) {
        transparency.heads(viewer, communityId); // refuses before the stream starts
        StreamingResponseBody body = out -> transparency.export(viewer, communityId, e -> write(out, "{\"entry\":"
                + new String(e.canonical(), StandardCharsets.UTF_8) + ",\"leafHash\":\"" + e.leafHashHex() + "\"}\n"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"journal-" + communityId + ".ndjson\"").body(body);
    }

    private static void write(OutputStream out, String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be yyyy-MM, e.g. 2026-11");
        }
    }

    static HeadView view(Transparency.SignedHead signed) {
        TreeHead head = signed.head();
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return new HeadView(head.period().toString(), head.size(), head.rootHex(), Instant.EPOCH.plus(head.timestampMicros(), ChronoUnit.MICROS),
                head.timestampMicros(), new String(head.canonical(), StandardCharsets.UTF_8), signed.signatures().stream()
                .map(s -> new SignatureView(s.signer(), s.signerName(), b64.encodeToString(s.publicKey()), b64.encodeToString(s.signature()))).toList());
    }
}
