import GraderKit

GraderMain.run([
    schema, insertAndFetch, filters, updateAndDelete, relationships, aggregates, transactions, indexes,
    migrations, pagination,
])
