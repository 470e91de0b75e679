import GraderKit

GraderMain.run([
    measure,
    rateLimits,
    backpressure,
])
