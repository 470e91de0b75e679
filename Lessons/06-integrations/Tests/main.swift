import GraderKit

GraderMain.run([
    webhookSignature,
    processOnce,
    upstreamTimeouts,
    retries,
    circuitBreaker,
    emailOutbox,
    reconciliation,
])
