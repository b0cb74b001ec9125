/**
 * How long the integrity tree takes for a million leaves (docs/PERFORMANCE.md, "Integrity
 * roots"): hashing every chunk and the root when publishing, and one proof as the endpoint makes
 * it (one chunk's subtree, then the stored chunk roots). The database's part (gathering the leaf
 * hashes into chunks) is not in these figures.
 *   npm run bench:integrity -- [leaves]
 */
import { randomBytes } from "node:crypto";
import {
  auditPath,
  chunkRoot,
  HASH_BYTES,
  INTEGRITY_CHUNK_LEAVES,
  leafNode,
  rootFromPath,
  rootOfNodes,
  splitHashes,
} from "@/lib/domain/merkle";

const count = Number(process.argv[2] ?? 1_000_000);
const all = randomBytes(count * HASH_BYTES);
const leaves = splitHashes(all).sort(Buffer.compare);
const chunks: Buffer[] = [];
for (let at = 0; at < count; at += INTEGRITY_CHUNK_LEAVES)
  chunks.push(Buffer.concat(leaves.slice(at, at + INTEGRITY_CHUNK_LEAVES)));

const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const chunkRoots = chunks.map((chunk) => chunkRoot(splitHashes(chunk)));
const root = rootOfNodes(chunkRoots);
const publishMs = performance.now() - started;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const proofs = 100;
started = performance.now();
for (let i = 0; i < proofs; i++) {
  const index = Math.floor(Math.random() * count);
  const seq = Math.floor(index / INTEGRITY_CHUNK_LEAVES);
  const inChunk = splitHashes(chunks[seq]!);
  const path = [
    ...auditPath(inChunk.map(leafNode), index % INTEGRITY_CHUNK_LEAVES),
    ...auditPath(chunkRoots, seq),
  ];
  if (!rootFromPath(leaves[index]!, index, count, path)?.equals(root)) throw new Error("proof failed");
}
const proofMs = (performance.now() - started) / proofs;

console.log(
  JSON.stringify({
    leaves: count,
    chunks: chunks.length,
    storedMb: +((count * HASH_BYTES) / 2 ** 20).toFixed(1),
    publishHashMs: Math.round(publishMs),
    publishHeapMb: Math.round(heapMb),
    proofMs: +proofMs.toFixed(2),
    proofLength: auditPath(chunkRoots, 0).length + Math.log2(INTEGRITY_CHUNK_LEAVES),
  }),
);
