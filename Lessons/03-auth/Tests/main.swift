import GraderKit

GraderMain.run([passwords, passwordRules, jwt, refreshTokens])
