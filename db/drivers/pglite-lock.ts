import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export class DataDirectoryInUseError extends Error {
  override name = "DataDirectoryInUseError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

/**
 * PGlite has no lock of its own, and two processes writing one directory silently lose data.
 * This takes an exclusive lock file beside the directory, or throws naming the holder.
 * Returns the function that releases it; it is also released when the process exits.
 */
export function lockDataDirectory(dir: string): () => void {
  const absolute = path.resolve(dir);
  const lockPath = `${absolute}.lock`;
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      const release = () => {
        if (readOwner(lockPath)?.pid === me.pid) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    const isStale = owner !== null && owner.hostname === os.hostname() && !isAlive(owner.pid);
    if (owner === null || !isStale) {
      const who = owner
        ? `process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}`
        : "another process";
      throw new DataDirectoryInUseError(
        `The embedded database in ${absolute} is already open in ${who}.\n` +
          "The embedded database can be used by one process at a time. Stop the other Upstand process " +
          "(another `npm start` or `npm run dev`), or give this one its own directory with DATA_DIR, " +
          "or use a Postgres server with DATABASE_URL.\n" +
          `If no such process is running, delete ${lockPath} and try again.`,
      );
    }
    // The holder died without releasing (kill -9, power loss): take the lock over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new DataDirectoryInUseError(`Could not lock ${absolute}: another process took it first.`);
}
