import Foundation
import Grader

/// Everything the class gradebook shows, in one value built from a batch's results and each
/// learner's progress record: the HTML page is rendered from it alone, so a test can check what an
/// instructor will see without a browser, and the page never runs or reads anything.
public struct Gradebook: Sendable, Equatable {
    /// Points earned of points available.
    public struct Score: Sendable, Equatable {
        public var score: Int
        public var maxScore: Int
    }

    /// An exercise column, under its module.
    public struct ExerciseColumn: Sendable, Equatable {
        public var id: String
        public var title: String
    }

    public struct ModuleColumns: Sendable, Equatable {
        public var id: String
        public var title: String
        public var exercises: [ExerciseColumn]
    }

    /// One learner's result on one exercise, with what their progress record says about it.
    public struct Cell: Sendable, Equatable {
        public var exercise: String
        /// `pass`, `fail` or `error`, as the grader reported the run; `missing` when not graded.
        public var status: String
        public var score: Score
        /// Checks the learner ran on their own machine (0 without a progress record).
        public var attempts: Int
        /// Time spent on the exercise until it first passed; nil when it never passed.
        public var firstPassSeconds: Int?
        public var hintsShown: Int
        public var hintsTotal: Int
        /// The first check that did not pass, and what it said (or why nothing could run).
        public var failingCheck: String?
        public var failingMessage: String?
    }

    /// One learner's row: a workspace folder's name, its cells in column order, and its totals.
    public struct Row: Sendable, Equatable {
        public var learner: String
        /// Why the workspace could not be graded at all; its row then has no cells.
        public var problem: String?
        public var cells: [Cell]
        /// By module id, in column order.
        public var moduleTotals: [Score]
        public var total: Score
    }

    /// How many learners failed one check of an exercise.
    public struct StuckCheck: Sendable, Equatable {
        public var name: String
        public var failing: Int
        /// What the check said to the first learner it failed for.
        public var example: String?
    }

    /// Where the class is stuck on one exercise: its checks, most failed first.
    public struct StuckExercise: Sendable, Equatable {
        public var exercise: String
        public var title: String
        public var passing: Int
        public var graded: Int
        public var checks: [StuckCheck]
    }

    public var language: Language
    public var packName: String
    public var modules: [ModuleColumns]
    public var rows: [Row]
    /// Exercises at least one learner does not pass, in pack order.
    public var stuck: [StuckExercise]

    /// Learners graded (rows without a problem).
    public var graded: Int { rows.filter { $0.problem == nil }.count }

    public init(
        language: Language, packName: String, modules: [ModuleColumns], rows: [Row], stuck: [StuckExercise]
    ) {
        self.language = language
        self.packName = packName
        self.modules = modules
        self.rows = rows
        self.stuck = stuck
    }
}
