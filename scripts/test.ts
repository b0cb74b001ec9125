import { spawn } from "node:child_process";
import { buildIfChanged } from "./app-build";

// `npm test`: every check. Checks that do not depend on each other run side by side, because most
// of their time goes on waiting (for a database, a browser, a child process) rather than on the
// CPU: lint, typecheck and unit tests; then the build the end-to-end tests use (only when the
// sources changed since the last one); then the integration tests beside the end-to-end tests.
// Each check's output is printed whole when it ends; the run fails if any check failed, and stops
// before the next stage.

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}

function runScript(name: string): Promise<Outcome & { output: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const npm = process.env.npm_execpath;
    const args = ["run", "--silent", name];
    const child = npm
      ? spawn(process.execPath, [npm, ...args], { stdio: ["ignore", "pipe", "pipe"] })
      : spawn("npm", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("close", (code) =>
      resolve({ name, ok: code === 0, seconds: (Date.now() - started) / 1000, output }),
    );
  });
}

async function sideBySide(names: string[]): Promise<Outcome[]> {
  console.log(`\n▶ ${names.join(", ")}`);
  return Promise.all(
    names.map(async (name) => {
      const outcome = await runScript(name);
      console.log(
        `\n── ${name}: ${outcome.ok ? "passed" : "FAILED"} in ${outcome.seconds.toFixed(0)} s\n${outcome.output.trimEnd()}`,
      );
      return outcome;
    }),
  );
}

const outcomes: Outcome[] = [];
const stopIfFailed = () => {
  const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.name);
  if (failed.length > 0) {
    console.error(`\nFailed: ${failed.join(", ")}`);
    process.exit(1);
  }
};

outcomes.push(...(await sideBySide(["lint", "typecheck", "test:unit"])));
stopIfFailed();

console.log("\n▶ build (when the sources changed since the last one)");
const buildStarted = Date.now();
await buildIfChanged();
outcomes.push({ name: "build", ok: true, seconds: (Date.now() - buildStarted) / 1000 });

outcomes.push(...(await sideBySide(["test:integration", "test:e2e"])));
console.log(
  `\n${outcomes.map(({ name, ok, seconds }) => `${ok ? "✓" : "✘"} ${name} ${seconds.toFixed(0)} s`).join("\n")}`,
);
stopIfFailed();
