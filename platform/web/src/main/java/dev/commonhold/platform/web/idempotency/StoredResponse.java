package dev.commonhold.platform.web.idempotency;

/** The first answer to an idempotent request, replayed byte for byte to retries. */
public record StoredResponse(String fingerprint, int status, String contentType, String location, byte[] body) {
}
