import GraderKit

GraderMain.run([
    measure,
    cache,
    stampede,
    rateLimits,
    backpressure,
    backgroundClicks,
    writeBatching,
])
