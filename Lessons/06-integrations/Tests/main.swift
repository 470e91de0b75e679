import GraderKit

GraderMain.run([
    webhookSignature,
    processOnce,
    upstreamTimeouts,
    emailOutbox,
])
