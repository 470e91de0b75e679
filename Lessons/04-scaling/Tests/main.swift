import GraderKit

GraderMain.run([
    measure,
    cache,
    stampede,
])
