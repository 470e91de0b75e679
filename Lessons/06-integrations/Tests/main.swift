import GraderKit

GraderMain.run([
    webhookSignature,
    processOnce,
    emailOutbox,
    reconciliation,
])
