import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  auditPath,
  chunkRoot,
  INTEGRITY_CHUNK_LEAVES,
  leafNode,
  rootFromPath,
  rootOfNodes,
} from "@/lib/domain/merkle";

// RFC 6962's Merkle Tree Hash, written from the RFC's recursive definition.
const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const leavesOf = (n: number) => Array.from({ length: n }, () => randomBytes(32)).sort(Buffer.compare);

describe("the integrity Merkle tree", () => {
  it("is RFC 6962's tree hash for every size up to 40, and each proof leads to the root", () => {
    for (let n = 0; n <= 40; n++) {
      const leaves = leavesOf(n);
      const root = chunkRoot(leaves);
      expect(root.equals(mth(leaves))).toBe(true);
      const nodes = leaves.map(leafNode);
      for (let i = 0; i < n; i++) {
        expect(rootFromPath(leaves[i]!, i, n, auditPath(nodes, i))?.equals(root)).toBe(true);
        if (n > 1)
          expect(rootFromPath(leaves[(i + 1) % n]!, i, n, auditPath(nodes, i))?.equals(root)).toBe(false);
      }
    }
  });

  it("gives the same root and proofs when built from stored chunks", () => {
    const n = INTEGRITY_CHUNK_LEAVES * 2 + 5;
    const leaves = leavesOf(n);
    const chunks = [0, 1, 2].map((seq) =>
      leaves.slice(seq * INTEGRITY_CHUNK_LEAVES, (seq + 1) * INTEGRITY_CHUNK_LEAVES),
    );
    const chunkRoots = chunks.map(chunkRoot);
    const root = rootOfNodes(chunkRoots);
    expect(root.equals(mth(leaves))).toBe(true);
    for (const index of [0, 4095, 4096, 8191, n - 5, n - 1]) {
      const seq = Math.floor(index / INTEGRITY_CHUNK_LEAVES);
      const at = index % INTEGRITY_CHUNK_LEAVES;
      const path = [...auditPath(chunks[seq]!.map(leafNode), at), ...auditPath(chunkRoots, seq)];
      expect(rootFromPath(leaves[index]!, index, n, path)?.equals(root)).toBe(true);
    }
  });
});
