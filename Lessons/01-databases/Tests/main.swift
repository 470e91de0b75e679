import GraderKit

GraderMain.run([schema])
