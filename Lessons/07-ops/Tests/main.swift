import GraderKit

GraderMain.run([
    healthChecks
])
