import { hash } from "node:crypto";

/**
 * The Merkle tree of docs/INTEGRITY.md, the same as RFC 6962's Merkle Tree Hash: a leaf node is
 * SHA-256(0x00 || leaf hash), an inner node SHA-256(0x01 || left || right), levels are built
 * pairwise from the left and an unpaired last node is promoted unchanged; the empty tree's root
 * is SHA-256 of nothing. Leaves are the leaf hashes (SHA-256 of each receipt) in ascending byte order.
 */

export const HASH_BYTES = 32;
/** Leaves per stored chunk: a power of two, so that each full chunk is a whole subtree. */
export const INTEGRITY_CHUNK_LEAVES = 4096;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot crypto.hash over one buffer: a third of createHash's time per node (bench/integrity.ts).
export function sha256(...parts: Buffer[]): Buffer {
  return hash("sha256", parts.length === 1 ? parts[0]! : Buffer.concat(parts), "buffer");
}

export function leafNode(leafHash: Buffer): Buffer {
  return sha256(LEAF, leafHash);
}

export function innerNode(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE, left, right);
}

/** Splits concatenated 32-byte hashes into a list. */
export function splitHashes(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at + HASH_BYTES <= bytes.length; at += HASH_BYTES)
    out.push(bytes.subarray(at, at + HASH_BYTES));
  return out;
}

/** Every level above `nodes`, up to the root (the last level has one node). */
function levelsFrom(nodes: Buffer[]): Buffer[][] {
  const levels = [nodes];
  for (let level = nodes; level.length > 1;) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? innerNode(level[i]!, right) : level[i]!);
    }
    levels.push(next);
    level = next;
  }
  return levels;
}

/** The root over nodes already hashed as leaf nodes or subtree roots. */
export function rootOfNodes(nodes: Buffer[]): Buffer {
  if (nodes.length === 0) return sha256();
  return levelsFrom(nodes).at(-1)![0]!;
}

/** The root of a chunk of leaf hashes (a whole subtree when the chunk is full). */
export function chunkRoot(leafHashes: Buffer[]): Buffer {
  return rootOfNodes(leafHashes.map(leafNode));
}

/** The sibling hashes from `index` up to the root of `nodes`, lowest first (promoted levels add none). */
export function auditPath(nodes: Buffer[], index: number): Buffer[] {
  const path: Buffer[] = [];
  let at = index;
  for (const level of levelsFrom(nodes).slice(0, -1)) {
    const sibling = at % 2 === 0 ? level[at + 1] : level[at - 1];
    if (sibling) path.push(sibling);
    at = Math.floor(at / 2);
  }
  return path;
}

/**
 * Recomputes a root from a leaf hash, its index among `count` leaves and its audit path, as a
 * checker would (docs/INTEGRITY.md shows the same in a few lines); the app's own tests use it.
 */
export function rootFromPath(leafHash: Buffer, index: number, count: number, path: Buffer[]): Buffer | null {
  let node = leafNode(leafHash);
  let at = index;
  let width = count;
  let used = 0;
  while (width > 1) {
    const isLastAlone = at === width - 1 && at % 2 === 0;
    if (!isLastAlone) {
      const sibling = path[used++];
      if (!sibling) return null;
      node = at % 2 === 0 ? innerNode(node, sibling) : innerNode(sibling, node);
    }
    at = Math.floor(at / 2);
    width = Math.ceil(width / 2);
  }
  return used === path.length ? node : null;
}
