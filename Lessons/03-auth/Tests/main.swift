import GraderKit

GraderMain.run([passwords, passwordRules, sessionCookies, sessionLifecycle])
