import GraderKit

GraderMain.run([
    measure
])
