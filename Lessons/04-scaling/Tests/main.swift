import GraderKit

GraderMain.run([
    measure, scale02Indexes, nPlusOne,
])
