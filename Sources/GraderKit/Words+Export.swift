// Hidden tests import GraderKit alone; the type they write learner text with comes along, so
// `Check(Words("…", id: "…"))` needs no second import.
@_exported import struct Grader.Words
