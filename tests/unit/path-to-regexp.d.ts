// The copy of path-to-regexp Next.js matches rewrites with, which ships without types.
declare module "next/dist/compiled/path-to-regexp" {
  export function match(
    path: string,
    options?: { decode?: (value: string) => string },
  ): (pathname: string) => false | { params: Record<string, unknown> };
  export function compile(path: string): (params: object) => string;
}
