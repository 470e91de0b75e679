import GraderKit

GraderMain.run([
    measure,
    scale02Indexes,
    nPlusOne,
    cache,
    stampede,
    rateLimits,
    backpressure,
    backgroundClicks,
    writeBatching,
    manyInstances,
])
