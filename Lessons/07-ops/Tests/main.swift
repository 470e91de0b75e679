import GraderKit

GraderMain.run([
    healthChecks,
    ops02Config,
    gracefulShutdown,
    migrations,
])
