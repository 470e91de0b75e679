import Foundation

/// The learner's exercise folder, read-only: for exercises whose answer is a file the server never
/// serves (a `Containerfile`, a runbook), which a check judges by reading it.
///
/// The grader runs in a work folder of its own, so the runner names the exercise folder with
/// `--learner-folder` (the workspace's folder in `check` and `watch`, the program's assembled folder
/// in `dev check`). A path is relative to that folder; `..`, hidden names (which pack.json's `files`
/// cannot hold, and build keys skip), absolute paths and symbolic links that lead out of it are
/// refused, and a file is read up to ``learnerFileLimit`` bytes.
extension TestContext {
    /// The most bytes `learnerFile(_:)` reads: a real `Containerfile` or runbook is a few KiB.
    public static let learnerFileLimit = 256 * 1024

    /// The text of `path` in the learner's exercise folder (`t.learnerFile("Containerfile")`).
    /// Throws a `CheckFailure` that names the file when it is missing, not a regular file, larger
    /// than ``learnerFileLimit``, not UTF-8 text, or outside the folder.
    public func learnerFile(_ path: String) throws -> String {
        let file = try learnerFileURL(path)
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.learnerFileLimit + 1) ?? Data()
        } catch {
            throw CheckFailure(
                Words(
                    "Could not read \(path) in your exercise folder: \(error.localizedDescription)",
                    id: "\(path) di folder latihanmu tidak bisa dibaca: \(error.localizedDescription)"))
        }
        guard data.count <= Self.learnerFileLimit else {
            throw CheckFailure(
                Words(
                    "\(path) in your exercise folder is larger than \(Self.learnerFileLimit / 1024) KiB; "
                        + "the grader reads at most that much. Keep it to the lines the task asks for.",
                    id: "\(path) di folder latihanmu lebih besar dari \(Self.learnerFileLimit / 1024) KiB; "
                        + "grader hanya membaca sebanyak itu. Cukup tulis baris-baris yang diminta tugasnya.")
            )
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CheckFailure(
                Words(
                    "\(path) in your exercise folder is not UTF-8 text. Save it as plain text (UTF-8).",
                    id: "\(path) di folder latihanmu bukan teks UTF-8. Simpan sebagai teks biasa (UTF-8)."))
        }
        replay.append(
            .note(
                Words(
                    "The grader read \(path) from your exercise folder here.",
                    id: "Di sini grader membaca \(path) dari folder latihanmu."
                ).text))
        return text
    }

    /// Whether `path` is a regular file inside the learner's exercise folder (after following
    /// symbolic links that stay inside it). False for a path that is not allowed.
    public func learnerFileExists(_ path: String) -> Bool {
        (try? learnerFileURL(path)) != nil
    }

    /// The file `path` names, checked: a safe relative path, inside the folder once symbolic links
    /// are followed, and a regular file (a FIFO would block the read, a folder cannot be read).
    func learnerFileURL(_ path: String) throws -> URL {
        guard let folder = learnerFolder else {
            throw CheckFailure(
                Words(
                    "The grader was not told where your exercise folder is (--learner-folder), so it cannot "
                        + "read \(path). This is a problem in the lesson pack or the runner, not in your work.",
                    id: "Grader tidak diberi tahu di mana folder latihanmu (--learner-folder), jadi \(path) "
                        + "tidak bisa dibaca. Ini masalah di paket pelajaran atau runner, bukan di pekerjaanmu."
                ))
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"),
            parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") })
        else {
            throw CheckFailure(
                Words(
                    "The check asked for \"\(path)\", which is not a path inside the exercise folder "
                        + "(it must be relative, without \"..\" or hidden \".name\" parts, as in pack.json's \"files\"). "
                        + "This is a problem in the lesson pack.",
                    id: "Pengecekan meminta \"\(path)\", yang bukan path di dalam folder latihan "
                        + "(harus relatif, tanpa \"..\" atau bagian tersembunyi \".nama\", seperti \"files\" di pack.json). "
                        + "Ini masalah di paket pelajaran."))
        }
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let file = folder.appendingPathComponent(path)
        let resolved = file.resolvingSymlinksInPath().standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else {
            throw CheckFailure(
                Words(
                    "There is no \(path) in your exercise folder (\(folder.lastPathComponent)/). "
                        + "Create it there, with exactly this name.",
                    id: "Tidak ada \(path) di folder latihanmu (\(folder.lastPathComponent)/). "
                        + "Buat file itu di sana, dengan nama persis seperti ini."))
        }
        guard resolved.hasPrefix(root + "/") else {
            throw CheckFailure(
                Words(
                    "\(path) in your exercise folder is a link to a file outside it. The grader reads only "
                        + "files in the exercise folder: put the real file there.",
                    id: "\(path) di folder latihanmu adalah link ke file di luar folder itu. Grader hanya "
                        + "membaca file di folder latihan: taruh file aslinya di sana."))
        }
        let kind = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        guard !isFolder.boolValue, kind == .typeRegular else {
            throw CheckFailure(
                Words(
                    "\(path) in your exercise folder is not a regular file. Make it a plain text file.",
                    id: "\(path) di folder latihanmu bukan file biasa. Jadikan file teks biasa."))
        }
        return URL(fileURLWithPath: resolved)
    }
}
