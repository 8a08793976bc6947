/**
 * The MapLibre modules that the story's build replaces with small stand-ins, when MapLibre is built from its sources
 * (scripts/vite/maplibre.ts). MapLibre keeps every kind of source, layer and projection in registries (a table of
 * source types, of layer classes, of draw functions, of shader programs), so the bundler cannot see that a kind is
 * never used; the story's style is made of GeoJSON sources and background, fill, line, circle and symbol layers, in
 * the Mercator projection, with no terrain. Each stand-in keeps the module's exports: a class that throws a clear
 * error if anything ever constructs it, a type test that answers false, a shader with no source.
 *
 * How it is known to be unused: `leftOut` below is checked against the story's style by a unit test
 * (tests/maplibre-lean.unit.test.ts: no source or layer type of the built style, nor its projection, is left out),
 * and the map's end-to-end tests draw every step, both languages and the warm-up pass (which compiles every program
 * the style needs) on this build: a left-out program or class would fail them with the error below.
 *
 * The module paths are those of the pinned MapLibre version (package.json); an upgrade that moves one makes the build
 * fail here (`assertPresent`), not the map.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The style spec's built modules, as MapLibre's sources import them. */
function styleSpecDist(src: string): string {
  return dirname(createRequire(join(src, '..', 'package.json')).resolve('@maplibre/maplibre-gl-style-spec'));
}

/** What the stand-ins leave out, in words and in the style's own terms (checked against the style by a test). */
export const leftOut = {
  sources: ['vector', 'raster', 'raster-dem', 'image', 'video', 'canvas'],
  layers: ['heatmap', 'hillshade', 'color-relief', 'fill-extrusion', 'raster'],
  projections: ['globe', 'vertical-perspective'],
  also: [
    'terrain',
    'MapLibre Tiles (MLT) decoding',
    'fill, line and background patterns',
    'the collision and tile debug overlays',
    'style validation at run time (the story’s style is validated by its tests, for every step)',
    'the `distance` and `within` expressions',
  ],
} as const;

const error = (what: string): string =>
  `function unsupported() { throw new Error(${JSON.stringify(`This build of MapLibre leaves out ${what} (scripts/vite/maplibre-lean.ts)`)}); }`;

/** A class that cannot be constructed. */
const refusedClass = (name: string, what: string): string => `${error(what)}\nexport class ${name} { constructor() { unsupported(); } }`;

/** Shader programs that no layer of the story's style draws with. */
const UNUSED_SHADERS = [
  '_projection_globe',
  'atmosphere',
  'background_pattern',
  'collision_box',
  'collision_circle',
  'color_relief',
  'debug',
  'fill_extrusion',
  'fill_extrusion_pattern',
  'fill_outline_pattern',
  'fill_pattern',
  'heatmap',
  'heatmap_texture',
  'hillshade',
  'hillshade_prepare',
  'line_pattern',
  'raster',
  'terrain',
  'terrain_depth',
  'terrain_height',
];

function standIns(src: string): Map<string, string> {
  const at = (path: string): string => JSON.stringify(join(src, path));
  const modules = new Map<string, string>([
    // Sources: the story's are all GeoJSON.
    ['source/vector_tile_source.ts', refusedClass('VectorTileSource', 'vector tile sources')],
    ['source/raster_tile_source.ts', refusedClass('RasterTileSource', 'raster sources')],
    ['source/raster_dem_tile_source.ts', refusedClass('RasterDEMTileSource', 'raster-dem sources')],
    ['source/image_source.ts', refusedClass('ImageSource', 'image sources')],
    ['source/video_source.ts', refusedClass('VideoSource', 'video sources')],
    ['source/canvas_source.ts', refusedClass('CanvasSource', 'canvas sources')],
    ['source/raster_dem_tile_worker_source.ts', refusedClass('RasterDEMTileWorkerSource', 'raster-dem sources')],
    ['source/vector_tile_mlt.ts', refusedClass('MLTVectorTile', 'MapLibre Tiles (MLT)')],
    // Layer kinds the style does not have.
    [
      'style/style_layer/heatmap_style_layer.ts',
      `${refusedClass('HeatmapStyleLayer', 'heatmap layers')}\nexport const HEATMAP_FULL_RENDER_FBO_KEY = 'big-fb';\nexport const isHeatmapStyleLayer = () => false;`,
    ],
    [
      'style/style_layer/hillshade_style_layer.ts',
      `${refusedClass('HillshadeStyleLayer', 'hillshade layers')}\nexport const isHillshadeStyleLayer = () => false;`,
    ],
    [
      'style/style_layer/color_relief_style_layer.ts',
      `${refusedClass('ColorReliefStyleLayer', 'color-relief layers')}\nexport const isColorReliefStyleLayer = () => false;`,
    ],
    [
      'style/style_layer/fill_extrusion_style_layer.ts',
      `${refusedClass('FillExtrusionStyleLayer', 'fill-extrusion layers')}\nexport const isFillExtrusionStyleLayer = () => false;\nexport class Point3D {}\nexport function getIntersectionDistance() { unsupported(); }`,
    ],
    ['style/style_layer/raster_style_layer.ts', `${refusedClass('RasterStyleLayer', 'raster layers')}\nexport const isRasterStyleLayer = () => false;`],
    ['webgl/draw/draw_heatmap.ts', `${error('heatmap layers')}\nexport const drawHeatmap = unsupported;`],
    ['webgl/draw/draw_hillshade.ts', `${error('hillshade layers')}\nexport const drawHillshade = unsupported;`],
    ['webgl/draw/draw_color_relief.ts', `${error('color-relief layers')}\nexport const drawColorRelief = unsupported;`],
    ['webgl/draw/draw_fill_extrusion.ts', `${error('fill-extrusion layers')}\nexport const drawFillExtrusion = unsupported;`],
    ['webgl/draw/draw_raster.ts', `${error('raster layers')}\nexport const drawRaster = unsupported;`],
    // Terrain.
    ['render/terrain.ts', refusedClass('Terrain', 'terrain')],
    ['webgl/render_to_texture.ts', refusedClass('RenderToTexture', 'terrain')],
    ['webgl/draw/draw_terrain.ts', `${error('terrain')}\nexport const drawTerrain = unsupported, drawDepth = unsupported, drawTerrainHeightMap = unsupported;`],
    // Validation: the story's style is fixed at build, and tests/unit/warm-up.unit.test.ts validates it against the
    // style spec for every step; errors MapLibre reports for other reasons are still emitted.
    [
      'style/validate_style.ts',
      [
        `import { ErrorEvent } from ${at('util/evented.ts')};`,
        `import { warnOnce } from ${at('util/util.ts')};`,
        'const none = () => [];',
        'export const validateStyle = Object.assign(() => [], { source: none, sprite: none, glyphs: none, layer: none, light: none, sky: none, terrain: none, filter: none, paintProperty: none, layoutProperty: none });',
        'export const SPEC_SOURCE_TYPES = new Set();',
        'export const validateStyleAndEmit = () => false;',
        'export const validateAndEmit = () => false;',
        'export function emitValidationErrors(emitter, errors) {',
        '  let hasErrors = false;',
        '  for (const error of errors) {',
        "    if (error.severity === 'warning') { warnOnce(error.message); continue; }",
        '    emitter.fire(new ErrorEvent(new Error(error.message)));',
        '    hasErrors = true;',
        '  }',
        '  return hasErrors;',
        '}',
      ].join('\n'),
    ],
    // Projections: Mercator only, as the style asks; anything else warns and falls back to it, as MapLibre does for
    // a projection it does not know.
    [
      'geo/projection/projection_factory.ts',
      [
        `import { warnOnce } from ${at('util/util.ts')};`,
        `import { MercatorProjection } from ${at('geo/projection/mercator_projection.ts')};`,
        `import { createMercatorTransform } from ${at('geo/projection/mercator_transform.ts')};`,
        `import { MercatorCameraHelper } from ${at('geo/projection/mercator_camera_helper.ts')};`,
        'export function createProjectionFromName(name, transformConstrain) {',
        "  if (name !== undefined && name !== 'mercator') warnOnce('This build of MapLibre draws the Mercator projection only.');",
        '  return { projection: new MercatorProjection(), transform: createMercatorTransform({ constrainOverride: transformConstrain }), cameraHelper: new MercatorCameraHelper() };',
        '}',
      ].join('\n'),
    ],
  ]);
  // Expressions the style does not use (the spec's own modules, by path from its dist/ folder).
  const spec = styleSpecDist(src);
  for (const [name, operator] of [
    ['Distance', 'distance'],
    ['Within', 'within'],
  ] as const) {
    modules.set(
      join(spec, 'expression', 'definitions', `${operator}.mjs`),
      `export class ${name} { static parse(args, context) { return context.error(${JSON.stringify(`This build of MapLibre leaves out the '${operator}' expression`)}); } }`,
    );
  }
  for (const shader of UNUSED_SHADERS) {
    for (const stage of ['vertex', 'fragment']) {
      const path = `shaders/glsl/${shader}.${stage}.glsl.g.ts`;
      if (existsSync(join(src, path))) modules.set(path, "export default '';");
    }
  }
  return modules;
}

function assertPresent(src: string, paths: Iterable<string>): void {
  const missing = [...paths].filter((path) => !existsSync(resolve(src, path)));
  if (missing.length > 0) {
    throw new Error(`MapLibre's sources have moved (${missing.join(', ')}): update scripts/vite/maplibre-lean.ts, or build with MAPLIBRE_BUILD=dist`);
  }
}

/** A `load` hook: the stand-in for a MapLibre module, or null to load the module itself. */
export function leanModules(src: string): (id: string) => string | null {
  const modules = standIns(src);
  assertPresent(
    src,
    [...modules.keys()].filter((path) => !path.startsWith('shaders/')),
  );
  const byId = new Map([...modules].map(([path, code]) => [resolve(src, path), code]));
  return (id) => byId.get(id.split('?')[0] ?? id) ?? null;
}
