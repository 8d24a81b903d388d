/** Layer boundaries of ARCHITECTURE.md, enforced on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain holds the rules; it imports nothing of the project outside itself and no I/O.",
      severity: "error",
      // Tests beside the rules may use the test libraries (vitest, fast-check); the rules themselves may not.
      from: { path: "^src/domain/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^src/domain/", "^node_modules/(luxon|date-holidays|zod)/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "domain-no-node-io",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "inner-layers-ignore-adapters",
      comment: "analyzer, documents, store and app never import the adapters (cli, server, web).",
      severity: "error",
      from: { path: "^src/(domain|analyzer|documents|store|app)/" },
      to: { path: "^src/(cli|server|web)/" },
    },
    {
      name: "adapters-go-through-app",
      comment: "cli, server and web reach the store only through use cases in src/app.",
      severity: "error",
      from: { path: "^src/(cli|server|web)/" },
      to: { path: "^src/store/" },
    },
    {
      name: "libraries-do-not-call-use-cases",
      comment: "analyzer, documents and store are called by app, never the other way round.",
      severity: "error",
      from: { path: "^src/(analyzer|documents|store)/" },
      to: { path: "^src/app/" },
    },
    {
      name: "store-and-analyzer-independent",
      severity: "error",
      from: { path: "^src/(analyzer|documents)/" },
      to: { path: "^src/store/" },
    },
    {
      name: "delivery-imports-only-domain",
      comment:
        "src/delivery (SMTP, webhooks) speaks to the outside world with domain types and nothing else of ours.",
      severity: "error",
      from: { path: "^src/delivery/" },
      to: { path: "^src/", pathNot: ["^src/(domain|delivery)/"] },
    },
    {
      name: "only-app-delivers",
      comment: "messages go out from use cases and the outbox worker in src/app, never from elsewhere.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/(app|delivery)/"] },
      to: { path: "^src/delivery/" },
    },
    {
      name: "use-cases-live-in-areas",
      comment:
        "src/app is grouped by what each use case acts on (agreements/, breaches/, requests/, register/…): no file lies loose at its top.",
      severity: "error",
      from: { path: "^src/app/[^/]+$" },
      to: {},
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
