/** The URL of MapLibre's worker, as the build names it (scripts/vite/maplibre.ts). */
declare module 'virtual:maplibre-worker-url' {
  const url: string;
  export default url;
}
