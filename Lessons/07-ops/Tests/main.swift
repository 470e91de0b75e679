import GraderKit

GraderMain.run([
    healthChecks,
    ops02Config,
    jsonLogs,
    ops04Metrics,
    gracefulShutdown,
    migrations,
    release,
])
