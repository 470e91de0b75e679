import GraderKit

GraderMain.run([
    passwords, passwordRules, login, sessionCookies, sessionLifecycle, jwt, refreshTokens, bruteForce,
    passwordReset, authorization,
])
