package dev.commonhold.trust.transparency.persistence;

import dev.commonhold.trust.transparency.app.Signatures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcSignatures implements Signatures {

    private final JdbcTemplate jdbc;

    JdbcSignatures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KeyPair> storedOperatorKey() {
        return jdbc.query("SELECT private_key, public_key FROM operator_key", (rs, i) -> {
            try {
                KeyFactory ed = KeyFactory.getInstance("Ed25519");
                return new KeyPair(ed.generatePublic(new X509EncodedKeySpec(rs.getBytes(2))), ed.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the stored operator key is not an Ed25519 key", e);
            }
        }).stream().findFirst();
    }

    @Override
    public void storeOperatorKey(KeyPair key) {
        jdbc.update("INSERT INTO operator_key (private_key, public_key) VALUES (?, ?) ON CONFLICT DO NOTHING", key.getPrivate().getEncoded(),
                key.getPublic().getEncoded());
    }

    @Override
    public void registerMemberKey(UUID communityId, UUID memberId, byte[] publicKey) {
        jdbc.update("""
                INSERT INTO member_key (community_id, member_id, public_key) VALUES (?, ?, ?)
                ON CONFLICT (community_id, member_id) DO UPDATE SET public_key = excluded.public_key, registered_at = now()""",
                communityId, memberId, publicKey);
    }

    @Override
    public Optional<byte[]> memberKey(UUID communityId, UUID memberId) {
        return jdbc.query("SELECT public_key FROM member_key WHERE community_id = ? AND member_id = ?", (rs, i) -> rs.getBytes(1), communityId, memberId)
                .stream().findFirst();
    }

    @Override
    public boolean sign(UUID communityId, YearMonth period, HeadSignature s) {
        return jdbc.update("""
                INSERT INTO head_signature (community_id, period, signer, signer_name, public_key, signature) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", communityId, Date.valueOf(period.atDay(1)), s.signer(), s.signerName(), s.publicKey(), s.signature()) == 1;
    }

    @Override
    public List<HeadSignature> of(UUID communityId, YearMonth period) {
        return jdbc.query("SELECT signer, signer_name, public_key, signature FROM head_signature WHERE community_id = ? AND period = ? ORDER BY signed_at",
                (rs, i) -> new HeadSignature(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)), communityId,
                Date.valueOf(period.atDay(1)));
    }
}
