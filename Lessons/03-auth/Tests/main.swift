import GraderKit

GraderMain.run([passwords, jwt])
