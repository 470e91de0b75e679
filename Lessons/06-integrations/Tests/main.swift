import GraderKit

GraderMain.run([
    webhookSignature
])
