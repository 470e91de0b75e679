import BackendKit
import Grader

extension JSONValue {
    /// What kind of JSON value this is, in both languages, for failure messages: "expected an
    /// object, got a string" / "seharusnya objek, tapi yang datang string". BackendKit's
    /// `kindDescription` is the English alone, for learner code that speaks English.
    public var kind: Words {
        let indonesian =
            switch self {
            case .null: "null"
            case .bool: "boolean"
            case .number: "angka"
            case .string: "string"
            case .array: "array"
            case .object: "objek"
            }
        return Words(kindDescription, id: indonesian)
    }
}
