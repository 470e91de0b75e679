import Grader

/// The last line of `check --points`: `Points 3/4`, the words GitHub Classroom's grading reporter
/// writes for a run's total. A CI log then shows each exercise's score in a form people and
/// scripts already know. (Classroom's command grader itself scores by exit status only.)
public enum PointsLine {
    public static func text(for report: GradeReport) -> String {
        "Points \(report.score)/\(report.maxScore)"
    }
}
