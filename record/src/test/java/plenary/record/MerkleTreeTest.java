package plenary.record;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree, its proofs and their checks against {@link Rfc9162}, written from the RFC's text alone, for random
 * tree sizes; and against the roots every Certificate Transparency implementation agrees on.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private final Random random = new Random(9162);

    private static List<byte[]> entries(int n, Random random) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    private static List<byte[]> leaves(List<byte[]> entries) {
        return entries.stream().map(MerkleTree::leafHash).toList();
    }

    @Test
    void theRootsAreThoseOfCertificateTransparency() {
        List<byte[]> entries = List.of(HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"),
                HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
                HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
        List<String> roots = List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        MerkleFrontier frontier = new MerkleFrontier();
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves(entries), n))).isEqualTo(roots.get(n));
            assertThat(HEX.formatHex(Rfc9162.mth(entries.subList(0, n)))).isEqualTo(roots.get(n));
            assertThat(HEX.formatHex(frontier.root())).as("frontier at %d", n).isEqualTo(roots.get(n));
            if (n < 8) {
                frontier.append(MerkleTree.leafHash(entries.get(n)));
            }
        }
    }

    @Test
    void rootsAndTheGrowingEdgeAgreeWithTheRfcForRandomSizes() {
        for (int round = 0; round < 60; round++) {
            int n = 1 + random.nextInt(round < 30 ? 70 : 1100);
            List<byte[]> entries = entries(n, random);
            List<byte[]> leaves = leaves(entries);
            assertThat(MerkleTree.root(leaves, n)).isEqualTo(Rfc9162.mth(entries));
            assertThat(MerkleFrontier.of(leaves).root()).isEqualTo(Rfc9162.mth(entries));
        }
    }

    @Test
    void inclusionProofsAreTheRfcsAndVerifyBothWays() {
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(round < 200 ? 40 : 600);
            int m = random.nextInt(n);
            List<byte[]> entries = entries(n, random);
            List<byte[]> leaves = leaves(entries);
            byte[] root = Rfc9162.mth(entries);
            List<byte[]> path = MerkleTree.inclusionPath(leaves, m, n);

            assertThat(path).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(Rfc9162.path(m, entries));
            assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
            assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, path, root)).isTrue();
        }
    }

    @Test
    void consistencyProofsAreTheRfcsAndVerifyBothWays() {
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(round < 200 ? 40 : 600);
            int m = 1 + random.nextInt(n - 1);
            List<byte[]> entries = entries(n, random);
            List<byte[]> leaves = leaves(entries);
            byte[] first = Rfc9162.mth(entries.subList(0, m));
            byte[] second = Rfc9162.mth(entries);
            List<byte[]> proof = MerkleTree.consistencyPath(leaves, m, n);

            assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(Rfc9162.proof(m, entries));
            assertThat(Rfc9162.verifyConsistency(m, n, first, second, proof)).isTrue();
            assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).isTrue();
        }
    }

    @Test
    void theKeptLevelsGiveTheRfcsRootsAndProofsForEveryEarlierTree() {
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(round < 20 ? 70 : 1100);
            List<byte[]> entries = entries(n, random);
            MerkleLevels levels = MerkleLevels.of(leaves(entries));
            for (int probe = 0; probe < 10; probe++) {
                int size = 1 + random.nextInt(n);
                int m = random.nextInt(size);
                List<byte[]> upTo = entries.subList(0, size);
                assertThat(levels.root(size)).as("MTH(D[%d])", size).isEqualTo(Rfc9162.mth(upTo));
                assertThat(levels.inclusionPath(m, size)).as("PATH(%d, D[%d])", m, size)
                        .containsExactlyElementsOf(Rfc9162.path(m, upTo));
                if (m > 0) {
                    assertThat(levels.consistencyPath(m, size)).as("PROOF(%d, D[%d])", m, size)
                            .containsExactlyElementsOf(Rfc9162.proof(m, upTo));
                }
            }
        }
        assertThat(new MerkleLevels().root(0)).isEqualTo(Rfc9162.mth(List.of()));
    }

    @Test
    void tamperedInclusionProofsFail() {
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(300);
            int m = random.nextInt(n);
            List<byte[]> entries = entries(n, random);
            List<byte[]> leaves = leaves(entries);
            byte[] root = Rfc9162.mth(entries);
            List<byte[]> path = MerkleTree.inclusionPath(leaves, m, n);

            List<List<byte[]>> tampered = new ArrayList<>();
            tampered.add(flipped(path, random));
            tampered.add(path.subList(0, path.size() - 1));
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(root);
            tampered.add(longer);
            for (List<byte[]> bad : tampered) {
                assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, bad, root)).isFalse();
                assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), bad, root)).isFalse();
            }
            int other = (m + 1 + random.nextInt(n - 1)) % n;
            assertThat(MerkleTree.verifyInclusion(leaves.get(other), m, n, path, root)).as("another leaf").isFalse();
            assertThat(MerkleTree.verifyInclusion(leaves.get(m), other, n, path, root)).as("another index").isFalse();
            assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, path, flip(root, random))).isFalse();
            assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, path, Rfc9162.mth(entries.subList(0, n - 1))))
                    .as("a smaller tree's root").isFalse();
        }
    }

    @Test
    void tamperedConsistencyProofsFail() {
        for (int round = 0; round < 200; round++) {
            int n = 3 + random.nextInt(300);
            int m = 1 + random.nextInt(n - 2);
            List<byte[]> entries = entries(n, random);
            List<byte[]> leaves = leaves(entries);
            byte[] first = Rfc9162.mth(entries.subList(0, m));
            byte[] second = Rfc9162.mth(entries);
            List<byte[]> proof = MerkleTree.consistencyPath(leaves, m, n);

            List<byte[]> flipped = flipped(proof, random);
            assertThat(MerkleTree.verifyConsistency(m, n, first, second, flipped)).isFalse();
            assertThat(Rfc9162.verifyConsistency(m, n, first, second, flipped)).isFalse();
            assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof.subList(0, proof.size() - 1))).isFalse();
            assertThat(MerkleTree.verifyConsistency(m, n, flip(first, random), second, proof)).isFalse();
            assertThat(MerkleTree.verifyConsistency(m, n, first, flip(second, random), proof)).isFalse();
            assertThat(MerkleTree.verifyConsistency(m + 1, n, first, second, proof)).as("another size").isFalse();

            // a history rewritten before m: the later tree no longer extends the earlier
            List<byte[]> rewritten = new ArrayList<>(entries);
            rewritten.set(random.nextInt(m), "altered".getBytes(StandardCharsets.UTF_8));
            List<byte[]> forged = MerkleTree.consistencyPath(leaves(rewritten), m, n);
            assertThat(MerkleTree.verifyConsistency(m, n, first, Rfc9162.mth(rewritten), forged)).isFalse();
            assertThat(Rfc9162.verifyConsistency(m, n, first, Rfc9162.mth(rewritten), forged)).isFalse();
        }
    }

    @Test
    void edgeCasesOfConsistency() {
        List<byte[]> leaves = leaves(entries(5, random));
        byte[] root = MerkleTree.root(leaves, 5);
        assertThat(MerkleTree.consistencyPath(leaves, 5, 5)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(5, 5, root, root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(5, 5, root, MerkleTree.root(leaves, 4), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 5, MerkleTree.emptyRoot(), root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(3, 5, MerkleTree.root(leaves, 3), root, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 3, root, root, List.of())).isFalse();
    }

    @Test
    void leavesPackAndUnpack() {
        List<byte[]> leaves = leaves(entries(7, random));
        assertThat(MerkleTree.unpack(MerkleTree.pack(leaves))).containsExactlyElementsOf(leaves);
    }

    private static List<byte[]> flipped(List<byte[]> path, Random random) {
        List<byte[]> copy = new ArrayList<>(path);
        int at = random.nextInt(copy.size());
        copy.set(at, flip(copy.get(at), random));
        return copy;
    }

    private static byte[] flip(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }
}
