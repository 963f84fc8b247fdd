/**
 * The dependency rules `npm test` checks (`npm run lint:deps`): arrows point one way.
 *
 * src's top-level folders are in layers, lowest first. A folder imports only its own files and
 * folders of lower layers, so no two folders can depend on each other, directly or round a
 * circle; within a folder, no file cycles either. The wiring (src/*.ts: main, app, app.module)
 * sits above everything and nothing imports it. Tests, test helpers and benchmarks may reach
 * anywhere and are not checked.
 */
const LAYERS = [
  ['shared', 'config', 'logging', 'calendar'],
  ['money'], // öre, rounding, kronor texts, index values: pure, dates from the calendar
  ['lifecycle'], // the pure core: see lifecycle-is-pure
  ['database'],
  ['event-store'],
  ['reference-data'], // each tenant's reference data: events in its own stream, read by the token verifier and the cases
  ['auth'],
  ['personal-data'],
  ['projections'],
  ['cases'],
  ['erasure', 'saved-views'], // saved views check their query as the case list does
  ['audit', 'notifications', 'health'], // audit verifies the erasure record too
  ['deadlines'],
  ['demo', 'worklist', 'tenant'], // demo: written through the commands, then anchored; worklist: reads the cases' and deadlines' read models
  ['http'], // the HTTP edge's middleware: body limits, rate limits, security headers, timeouts
  ['api', 'metrics'], // the HTTP edge: it maps every family's error codes to statuses, so it sees them all; metrics measure at the edges of every layer
];

const FOLDERS = LAYERS.flat();
const layerOf = (folder) => LAYERS.findIndex((layer) => layer.includes(folder));
const alternation = (folders) => `(${folders.join('|')})`;

/** For each folder: the folders it must not import (its layer's other folders and every layer above). */
const layerRules = FOLDERS.map((folder) => ({
  name: `layer-${folder}`,
  comment: `src/${folder} imports only itself and lower layers (see LAYERS in .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: `^src/${alternation(FOLDERS.filter((other) => other !== folder && layerOf(other) >= layerOf(folder)))}/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file of src depends on itself round a circle.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'folder-has-a-layer',
      comment: 'A new top-level folder of src gets its place in LAYERS before anything imports it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: `^src/(?!${alternation(FOLDERS)}/)[^/]+/` },
    },
    {
      name: 'wiring-on-top',
      comment: 'main.ts, app.ts and app.module.ts wire the folders together; no folder imports them.',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'lifecycle-is-pure',
      comment: 'src/lifecycle: no NestJS, no I/O, no clock. Only itself, the calendar, money and pure libraries (xstate).',
      severity: 'error',
      from: { path: '^src/lifecycle/', pathNot: '^src/lifecycle/testing/' },
      to: { pathNot: ['^src/lifecycle/', '^src/calendar/', '^src/money/', 'node_modules/xstate/'] },
    },
    {
      name: 'event-store-adapter-behind-its-port',
      comment: 'Only the event store module wires the PostgreSQL adapter; everything else uses the EventStore port.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/event-store/postgres/', '^src/event-store/event-store\\.module\\.ts$'] },
      to: { path: '^src/event-store/postgres/' },
    },
    {
      name: 'web-is-separate',
      comment: 'The web front end (web/, if present) talks to the service over HTTP only, and the service never imports it.',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { path: '^(web|src)/', pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '^src/lifecycle/testing/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
