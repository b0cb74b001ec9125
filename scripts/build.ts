import { build } from "./app-build";

// `npm run build`: see scripts/app-build.ts.
await build();
