import GraderKit

GraderMain.run([
    measure,
    backgroundClicks,
    writeBatching,
])
