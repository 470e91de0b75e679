import GraderKit

GraderMain.run([passwords, passwordRules, login, jwt, refreshTokens])
