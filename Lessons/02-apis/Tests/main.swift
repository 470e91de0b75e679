import GraderKit

GraderMain.run([health, crud, validation, queries, patch, idempotency, etags, errors, openAPI, versions])
