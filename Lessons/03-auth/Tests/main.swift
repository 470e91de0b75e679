import GraderKit

GraderMain.run([passwords, passwordRules, login, bruteForce])
