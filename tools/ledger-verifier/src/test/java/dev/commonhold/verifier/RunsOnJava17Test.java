package dev.commonhold.verifier;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.canonical.EntryEncoding;
import dev.commonhold.platform.ledger.merkle.MerkleProofs;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A resident checks the journal with the Java they have: the verifier and everything of ours it loads is Java 17 bytecode (major 61). */
class RunsOnJava17Test {

    @Test
    void theVerifierAndTheLedgerCodeItUsesAreJava17ClassFiles() throws Exception {
        for (Class<?> c : new Class<?>[] {VerifyJournal.class, JournalVerifier.class, MerkleProofs.class, EntryEncoding.class, Ids.class}) {
            assertThat(major(c)).as(c.getName()).isEqualTo(61);
        }
    }

    private static int major(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class"); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
