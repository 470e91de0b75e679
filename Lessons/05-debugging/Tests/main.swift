import GraderKit

GraderMain.run([
    requestIDs,
    swallowedError,
    replayATrace,
    pagination,
    timeZones,
    money,
    lostUpdate,
    errorLeakage,
    slowEndpoint,
    resourceLeak,
])
