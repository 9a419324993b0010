package dev.commonhold.community.membership.domain;

import dev.commonhold.community.registry.domain.InvalidRegistryData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A one-time code that binds a login to a unit (绑定码), printed on the sheet the operator hands
 * out. Twelve symbols of Crockford's base 32 (no I, L, O or U, so nothing reads as another
 * symbol): 60 random bits, shown in groups of four ({@code 7KQ2-M9XD-4TWH}). What people type is
 * read leniently — any case, spaces and dashes ignored, O read as 0 and I or L as 1 — because
 * codes are copied from paper by people of every age.
 *
 * @param value the twelve symbols, normalised, without dashes
 */
public record InvitationCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    public InvitationCode {
        if (value == null || value.length() != LENGTH || value.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new InvalidRegistryData("code", "must be the 12 letters and digits printed on the invitation");
        }
    }

    public static InvitationCode generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new InvitationCode(code.toString());
    }

    /** What a person typed, read leniently; refuses (field {@code code}) what cannot be a code at all. */
    public static InvitationCode parse(String typed) {
        if (typed == null || typed.length() > 40) {
            throw new InvalidRegistryData("code", "must be the 12 letters and digits printed on the invitation");
        }
        // NFKC: full-width letters, digits and dashes (what a Chinese keyboard may type) read as their ASCII forms.
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[\\s\\p{Pd}]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return new InvitationCode(normalised);
    }

    /** As printed: three groups of four. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    /** What is stored: the code itself is shown once and never kept. */
    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "InvitationCode[****]";
    }
}
