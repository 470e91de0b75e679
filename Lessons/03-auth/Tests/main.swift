import GraderKit

GraderMain.run([passwords])
