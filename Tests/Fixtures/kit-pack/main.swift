// kit-grader: the hidden tests of a fixture lesson pack that uses every GraderKit feature of
// issue 12, compiled exactly as a pack's Tests/ folder is. GraderTests' KitPackTests run it
// against kit-fixture (the reference) and each of its known-wrong variants.
import GraderKit

GraderMain.run([clock, instances, shutdown, upstreams, load, statements, attacks, metrics])
