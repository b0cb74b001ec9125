export { default, generateImageMetadata } from "./opengraph-image";

// Cached like the page it is shared from, and as fresh: see expireTime in next.config.ts.
export const revalidate = 5;
