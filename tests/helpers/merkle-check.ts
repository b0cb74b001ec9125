import { createHash } from "node:crypto";

// An independent checker of the integrity proofs, written from docs/INTEGRITY.md and not from the
// app's code (RFC 6962 hashing: 0x00 before a leaf, 0x01 before two children).

/** SHA-256 over the parts, one after the other. */
export const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();

/** Whether `siblings` lead from the leaf at `index` of `count` leaves up to the root, and no further. */
export function checkProof(
  leafHex: string,
  index: number,
  count: number,
  siblings: string[],
  rootHex: string,
): boolean {
  let node = sha256(Buffer.from([0]), Buffer.from(leafHex, "hex"));
  let [at, width, next] = [index, count, 0];
  for (; width > 1; at >>= 1, width = Math.ceil(width / 2)) {
    if (at === width - 1 && at % 2 === 0) continue; // the last node of an odd level moves up alone
    const sibling = Buffer.from(siblings[next++] ?? "", "hex");
    node = at % 2 === 0 ? sha256(Buffer.from([1]), node, sibling) : sha256(Buffer.from([1]), sibling, node);
  }
  return next === siblings.length && node.toString("hex") === rootHex;
}
