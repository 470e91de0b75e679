/// A deterministic sample of mutations: the same solution, seed and maximum give the same mutants,
/// so a second run builds nothing new and two authors see the same report.
///
/// Each operator's mutations are shuffled with the seed, then taken in turns, one operator after
/// another, so a file with forty droppable statements still gets its status-code and SQL mutants.
enum MutantSample {
    static func take(_ mutations: [Mutation], maximum: Int, seed: UInt64) -> [Mutation] {
        guard mutations.count > maximum else { return mutations }
        var generator = SplitMix64(seed: seed)
        var groups = Mutation.Operator.allCases.map { kind in
            var group = mutations.indices.filter { mutations[$0].kind == kind }
            // Fisher–Yates written out, so the order never depends on the standard library's version.
            for index in group.indices.reversed() where index > 0 {
                group.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            return group
        }
        var chosen: [Int] = []
        while chosen.count < maximum {
            for index in groups.indices where !groups[index].isEmpty && chosen.count < maximum {
                chosen.append(groups[index].removeFirst())
            }
        }
        return chosen.sorted().map { mutations[$0] }
    }
}

/// SplitMix64 (Steele, Lea and Flood): a tiny generator whose sequence depends only on its seed,
/// unlike the system generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
