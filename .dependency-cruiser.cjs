/**
 * The server's module boundaries, checked by `npm run lint` (docs/ARCHITECTURE.md "Rules that keep the map true").
 * A module is a folder under server/src/modules; its index.ts is the only file another module, the
 * composition root, the CLI, the demo seeder or a benchmark may import. platform/ is plumbing: it imports no module.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      severity: 'error',
      comment: 'A server module is imported only through its index.ts by another module (tests included).',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: '\\.(table|repository)\\.ts$' },
      to: {
        path: '^server/src/modules/([^/]+)/.+',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'module-internals-from-data-files',
      severity: 'error',
      comment:
        'Tables and repositories may also use another module\'s table definitions (a foreign key, a read-only join: the schema is one database, ' +
        'and a table cannot come through an index without pulling the module\'s whole graph into db/schema.ts); nothing else of it.',
      from: { path: '^server/src/modules/([^/]+)/.+\\.(table|repository)\\.ts$' },
      to: {
        path: '^server/src/modules/([^/]+)/.+',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$', '\\.table\\.ts$'],
      },
    },
    {
      name: 'outside-into-module-internals',
      severity: 'error',
      comment: 'Code outside the modules (composition, app, CLI, demo seeder, test helpers, platform) uses a module through its index.ts only; db/schema.ts gathers the table files for drizzle-kit.',
      from: { path: '^server/src/', pathNot: ['^server/src/modules/', '^server/src/db/schema\\.ts$'] },
      to: { path: '^server/src/modules/[^/]+/.+', pathNot: '^server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'platform/ is plumbing shared by every module; it must not know any of them (its route tests build the whole app and may use a module\'s index).',
      from: { path: '^server/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/(modules|composition|demo|cli)' },
    },
    {
      name: 'contracts-stay-below-server',
      severity: 'error',
      comment: 'contracts/ is shared with the web and the CLI: it imports nothing from the server.',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles that exist at run time, inside a module or across modules. A type-only edge is erased by the compiler and may close a loop ' +
        '(a rules file naming a type from another module\'s index, while db/schema.ts gathers the tables that use those rules).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'drizzle-only-in-repositories',
      severity: 'error',
      comment: 'Only *.repository.ts, *.table.ts, server/src/db and the data-scope predicate builder import drizzle-orm (STYLE.md habit 4); also the ESLint rule.',
      from: {
        path: '^server/src/',
        pathNot: ['\\.(repository|table)\\.ts$', '^server/src/db/', '^server/src/platform/data-scope/data-scope\\.ts$', '^server/src/test/'],
      },
      to: { path: 'node_modules/drizzle-orm/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['server/src/db/migrations', '\\.mjs$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs'] },
    reporterOptions: {
      archi: { collapsePattern: '^server/src/(modules|platform)/[^/]+|^server/src/[^/]+|^(contracts|bench)' },
      text: { highlightFocused: true },
    },
  },
};
