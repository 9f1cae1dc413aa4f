package plenary.record;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 section 2.1, written again from the RFC's text and nothing else, to hold {@link MerkleTree} to it: the
 * definitions of 2.1.1 (MTH over the entries D[n]), 2.1.3.1 (PATH) and 2.1.4.1 (PROOF and SUBPROOF) as the RFC
 * states them, recursively over sublists, and the verification algorithms of 2.1.3.2 and 2.1.4.2 step by step.
 */
final class Rfc9162 {

    static byte[] hash(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "k is the largest power of two smaller than n (i.e., k < n <= 2k)". */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** 2.1.1: MTH({}) = HASH(); MTH({d(0)}) = HASH(0x00 || d(0)); MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return hash();
        }
        if (n == 1) {
            return hash(new byte[]{0x00}, d.get(0));
        }
        int k = k(n);
        return hash(new byte[]{0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** 2.1.3.1: PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path; // PATH(0, {d(0)}) = {}
        }
        int k = k(n);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** 2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d)); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
            }
            return proof; // SUBPROOF(m, D[m], true) = {}
        }
        int k = k(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    /** 2.1.3.2, steps 1 to 5. */
    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] hash, List<byte[]> inclusionPath, byte[] rootHash) {
        if (leafIndex >= treeSize) {
            return false; // step 1
        }
        long fn = leafIndex; // step 2
        long sn = treeSize - 1;
        byte[] r = hash; // step 3
        for (byte[] p : inclusionPath) { // step 4
            if (sn == 0) {
                return false; // 4a
            }
            if (lsb(fn) || fn == sn) { // 4b
                r = hash(new byte[]{0x01}, p, r);
                if (!lsb(fn)) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while (!lsb(fn) && fn != 0);
                }
            } else {
                r = hash(new byte[]{0x01}, r, p);
            }
            fn >>= 1; // 4c
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, rootHash); // step 5
    }

    /** 2.1.4.2, steps 1 to 7, for 0 < first < second. */
    static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> path) {
        if (path.isEmpty()) {
            return false; // step 1
        }
        List<byte[]> consistencyPath = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            consistencyPath.add(0, firstHash); // step 2
        }
        long fn = first - 1; // step 3
        long sn = second - 1;
        if (lsb(fn)) { // step 4
            do {
                fn >>= 1;
                sn >>= 1;
            } while (lsb(fn));
        }
        byte[] fr = consistencyPath.get(0); // step 5
        byte[] sr = consistencyPath.get(0);
        for (byte[] c : consistencyPath.subList(1, consistencyPath.size())) { // step 6
            if (sn == 0) {
                return false; // 6a
            }
            if (lsb(fn) || fn == sn) { // 6b
                fr = hash(new byte[]{0x01}, c, fr);
                sr = hash(new byte[]{0x01}, c, sr);
                if (!lsb(fn)) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while (!lsb(fn) && fn != 0);
                }
            } else {
                sr = hash(new byte[]{0x01}, sr, c);
            }
            fn >>= 1; // 6c
            sn >>= 1;
        }
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0; // step 7
    }

    private static boolean lsb(long x) {
        return (x & 1) == 1;
    }

    private Rfc9162() {
    }
}
