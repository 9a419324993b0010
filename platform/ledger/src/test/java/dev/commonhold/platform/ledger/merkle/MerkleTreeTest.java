package dev.commonhold.platform.ledger.merkle;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our RFC 9162 tree against the known answers of transparency-dev/merkle (src/test/resources/
 * merkle-vectors): the roots of every tree of its eight test leaves, and 196 inclusion and
 * consistency proofs that must verify or must fail.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    /** testonly.LeafInputs() of transparency-dev/merkle. */
    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    /** testonly.RootHashes(): the root of the first n leaves, n = 0..8. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /**
     * Where we are stricter than the Go library: it accepts two equal "roots" that are not hashes at
     * all ("don't care 2") for equal sizes; we refuse anything that is not a SHA-256 hash.
     */
    private static final java.util.Set<String> STRICTER = java.util.Set.of("additional/sizes-are-equal-one-and-proof-is-empty.json");

    static MerkleTree tree() {
        return new MerkleTree(LEAVES.stream().map(l -> MerkleTree.leafHash(HEX.parseHex(l))).toList());
    }

    @Test
    void rootsOfEveryTreeOfTheTestLeavesAreTheKnownAnswers() {
        MerkleTree tree = tree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d leaves", size).isEqualTo(ROOTS.get(size));
        }
    }

    @TestFactory
    Stream<DynamicTest> inclusionVectors() {
        return vectors("inclusion").map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            JsonNode j = v.json();
            // Indices are uint64 on the wire; 2^64-1 arrives in a Java long as -1, which must fail as in Go.
            var check = assertThatCode(() -> MerkleProofs.verifyInclusion(j.get("leafIdx").bigIntegerValue().longValue(),
                    j.get("treeSize").bigIntegerValue().longValue(),
                    bytes(j.get("leafHash")), hashes(j.get("proof")), bytes(j.get("root"))));
            if (j.get("wantErr").asBoolean()) {
                check.isInstanceOf(InvalidProofException.class);
            } else {
                check.doesNotThrowAnyException();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() {
        return vectors("consistency").map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            JsonNode j = v.json();
            var check = assertThatCode(() -> MerkleProofs.verifyConsistency(j.get("size1").asLong(), j.get("size2").asLong(),
                    hashes(j.get("proof")), bytes(j.get("root1")), bytes(j.get("root2"))));
            if (j.get("wantErr").asBoolean() || STRICTER.contains(v.name())) {
                check.isInstanceOf(InvalidProofException.class);
            } else {
                check.doesNotThrowAnyException();
            }
        }));
    }

    @Test
    void ourProofsAreTheVectorsHappyPaths() {
        MerkleTree tree = tree();
        vectors("inclusion").filter(v -> v.name().endsWith("happy-path.json")).forEach(v -> {
            JsonNode j = v.json();
            assertThat(hex(tree.inclusionProof(j.get("leafIdx").asInt(), j.get("treeSize").asInt()))).as(v.name())
                    .isEqualTo(hex(hashes(j.get("proof"))));
        });
        vectors("consistency").filter(v -> v.name().endsWith("happy-path.json")).forEach(v -> {
            JsonNode j = v.json();
            assertThat(hex(tree.consistencyProof(j.get("size1").asInt(), j.get("size2").asInt()))).as(v.name())
                    .isEqualTo(hex(hashes(j.get("proof"))));
        });
    }

    @Test
    void everyProofOfEveryTreeUpToSixtyFourLeavesVerifiesAndAChangedLeafDoesNot() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        MerkleTree tree = new MerkleTree(leaves);
        for (int size = 1; size <= 64; size++) {
            byte[] root = tree.root(size);
            for (int i = 0; i < size; i++) {
                MerkleProofs.verifyInclusion(i, size, leaves.get(i), tree.inclusionProof(i, size), root);
                int leaf = i;
                int n = size;
                assertThatThrownBy(() -> MerkleProofs.verifyInclusion(leaf, n, MerkleTree.leafHash(new byte[]{(byte) 200}),
                        tree.inclusionProof(leaf, n), root)).isInstanceOf(InvalidProofException.class);
            }
            for (int earlier = 1; earlier <= size; earlier++) {
                MerkleProofs.verifyConsistency(earlier, size, tree.consistencyProof(earlier, size), tree.root(earlier), root);
            }
        }
    }

    record Vector(String name, JsonNode json) {
    }

    private static Stream<Vector> vectors(String kind) {
        try {
            Path root = Path.of(MerkleTreeTest.class.getResource("/merkle-vectors/" + kind).toURI());
            try (Stream<Path> files = Files.walk(root)) {
                List<Vector> all = files.filter(f -> f.toString().endsWith(".json")).sorted()
                        .map(f -> new Vector(root.relativize(f).toString(), read(f))).toList();
                assertThat(all).isNotEmpty();
                return all.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asString());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(n -> out.add(bytes(n)));
        }
        return out;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
