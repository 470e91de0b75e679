/// The GitHub Actions workflow `dev classroom` writes into a learner template repository: one
/// autograding test per exercise, worth as many points as the exercise's checks, then the reporter
/// that adds them up for GitHub Classroom.
///
/// The actions it uses (see Docs/INSTRUCTORS.md): `classroom-resources/autograding-command-grader@v1`
/// (inputs `test-name`, `setup-command`, `command`, `timeout` in minutes, `max-score`; it passes when
/// the command exits 0 and then scores `max-score`, else 0: no partial credit within a test) and
/// `classroom-resources/autograding-grading-reporter@v1` (input `runners`, the step ids; each step's
/// result in the environment variable `<STEP-ID>_RESULTS`). The reporter requires the workflow to be
/// named `Autograding Tests` and its one job `run-autograding-tests`.
public struct ClassroomWorkflow: Sendable, Equatable {
    /// One autograding step: one exercise.
    public struct Step: Sendable, Equatable {
        /// The step id: the exercise id without its dashes (the reporter reads `<ID>_RESULTS`).
        public var id: String
        public var exercise: String
        public var title: String
        /// The exercise's points when every check passes.
        public var maxScore: Int
        /// The command line after the `backendlings` binary, as the CLI parses it.
        public var arguments: [String]
    }

    /// Where the workflow goes inside the template repository.
    public static let path = ".github/workflows/classroom.yml"
    /// The two names the grading reporter requires.
    public static let workflowName = "Autograding Tests"
    public static let jobName = "run-autograding-tests"
    /// The Swift toolchain the workflow installs unless told otherwise.
    public static let defaultSwiftVersion = "6.3"
    /// The binary the build step leaves behind; every test runs it. The command line itself, not
    /// the launcher `swift run backendlings` uses: a classroom runner builds it once, up front.
    public static let binary = ".build/debug/backendlings-cli"
    /// Minutes one exercise's test may take (its first check also builds the module's grader).
    public static let stepTimeoutMinutes = 15

    public var swiftVersion: String
    public var steps: [Step]

    /// One step per exercise of the pack, in pack order. Throws for an exercise without checks.
    public init(pack: Pack, points: [String: Int], swiftVersion: String = Self.defaultSwiftVersion)
        throws(ClassroomError)
    {
        self.swiftVersion = swiftVersion
        var used: Set<String> = []
        steps = []
        for exercise in pack.exercises {
            guard let maxScore = points[exercise.id], maxScore > 0 else {
                throw .noChecks(exercise: exercise.id)
            }
            var id = String(exercise.id.filter { $0.isLetter || $0.isNumber })
            if id.isEmpty || id.first!.isNumber { id = "ex" + id }
            while used.contains(id) { id += "x" }
            used.insert(id)
            steps.append(
                Step(
                    id: id, exercise: exercise.id, title: exercise.title, maxScore: maxScore,
                    arguments: ["check", exercise.id, "--points"]))
        }
    }

    /// The sum of every step's points: what a learner who passes everything scores.
    public var totalPoints: Int { steps.reduce(0) { $0 + $1.maxScore } }
}
