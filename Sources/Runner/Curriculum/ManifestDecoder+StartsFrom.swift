extension ManifestDecoder {
    /// `"startsFrom"`: the id of an exercise of an earlier module, whose solved step the first
    /// starter of this overlay module is laid over. Only an overlay module can have one: a full
    /// module's first starter is whole by definition.
    func startsFrom(_ module: ManifestJSON, at: String, starters: StarterLayout) throws(PackError)
        -> String?
    {
        guard let value = module["startsFrom"] else { return nil }
        guard case .string(let id) = value, Self.isValidID(id) else {
            throw invalid(
                "\(at).startsFrom",
                "expected the id of an exercise of an earlier module, found \(value.kindDescription)")
        }
        guard starters == .overlays else {
            throw invalid(
                "\(at).startsFrom",
                "only a module with \"starters\": \"overlays\" can start from another module's step; add "
                    + "that to the module or remove the field")
        }
        return id
    }

    /// The step a module starts from must come earlier in the pack: its solved files must exist
    /// before this module's first starter can be assembled, and a later one could start from this.
    func requireEarlierStep(_ id: String?, of earlier: [Module], at: String) throws(PackError) {
        guard let id, !earlier.contains(where: { $0.exercises.contains { $0.id == id } }) else { return }
        throw invalid(
            "\(at).startsFrom",
            "\"\(id)\" is not an exercise of a module before this one; name a step of an earlier module, "
                + "whose solved files this module's first starter is laid over")
    }
}
