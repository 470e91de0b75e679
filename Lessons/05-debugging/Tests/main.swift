import GraderKit

GraderMain.run([
    requestIDs
])
