import GraderKit

GraderMain.run([passwords, sessionCookies, sessionLifecycle])
