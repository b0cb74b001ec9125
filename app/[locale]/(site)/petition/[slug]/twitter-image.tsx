export { default, generateImageMetadata } from "./opengraph-image";

export const revalidate = 5;
