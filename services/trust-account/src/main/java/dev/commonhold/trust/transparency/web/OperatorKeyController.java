package dev.commonhold.trust.transparency.web;

import dev.commonhold.trust.transparency.app.Transparency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's public key every month's head is signed with. */
@RestController
class OperatorKeyController {

    record OperatorKeyView(String algorithm, String publicKey) {
    }

    private final Transparency transparency;

    OperatorKeyController(Transparency transparency) {
        this.transparency = transparency;
    }

    @GetMapping("/api/trust/operator-key")
    OperatorKeyView operatorKey() {
        return new OperatorKeyView("Ed25519", transparency.operatorPublicKey());
    }
}
