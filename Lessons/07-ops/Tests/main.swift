import GraderKit

GraderMain.run([
    healthChecks,
    ops02Config,
    jsonLogs,
    gracefulShutdown,
    migrations,
    release,
])
