/** Stands in, in the browser bundle, for a `*.server.tsx` module (see server-only-modules.ts). */
export default function ServerOnly(): null {
  return null;
}
