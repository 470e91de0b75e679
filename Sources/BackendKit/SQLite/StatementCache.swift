/// The most recently used prepared statements of one connection, keyed by their SQL text.
///
/// A handler runs the same few statements over and over; keeping them compiled saves SQLite
/// from parsing and planning the SQL each time. When full, the statement used longest ago is
/// dropped (and finalized). Not thread-safe: it belongs to one connection, which one thread
/// uses at a time.
struct StatementCache {
    let capacity: Int
    private var statements: [String: PreparedStatement] = [:]
    /// SQL texts from least to most recently used.
    private var recency: [String] = []
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    var count: Int { statements.count }

    /// The cached statement for this SQL, or a newly compiled one that is then cached.
    mutating func statement(
        for sql: String, prepare: (String) throws -> PreparedStatement
    ) throws -> PreparedStatement {
        if let cached = statements[sql] {
            hits += 1
            markUsed(sql)
            return cached
        }
        misses += 1
        let statement = try prepare(sql)
        if statements.count >= capacity, let oldest = recency.first {
            recency.removeFirst()
            statements[oldest] = nil
        }
        statements[sql] = statement
        recency.append(sql)
        return statement
    }

    mutating func removeAll() {
        statements.removeAll()
        recency.removeAll()
    }

    private mutating func markUsed(_ sql: String) {
        if let position = recency.firstIndex(of: sql) {
            recency.remove(at: position)
        }
        recency.append(sql)
    }
}
