/// Everything the launcher says, in English and Indonesian. The launcher cannot use the tool's
/// translations (it runs before the tool is built), so its few texts live here.
enum LaunchText {
    enum Language: Equatable {
        case en, id
        /// Nothing chose a language yet: say it in both (the tool asks once it starts).
        case both
    }

    /// `BACKENDLINGS_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), as the tool decides.
    static func language(environment: [String: String]) -> Language {
        switch environment["BACKENDLINGS_LANG"]?.lowercased() {
        case "en": return .en
        case "id": return .id
        default: break
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if value.lowercased().hasPrefix("id") { return .id }
            if value == "C" || value == "POSIX" || value.hasPrefix("C.") { return .both }
            return .en
        }
        return .both
    }

    static func say(_ en: String, _ id: String, _ language: Language) -> String {
        switch language {
        case .en: en
        case .id: id
        case .both: en + "\n" + id
        }
    }

    static func welcome(_ language: Language) -> [String] {
        let en = [
            "Welcome! Backendlings is building itself (only this first time, about half a minute).",
            "Meanwhile, here is your first exercise: start reading.",
        ]
        let id = [
            "Selamat datang! Backendlings sedang menyiapkan dirinya (hanya kali pertama, sekitar setengah menit).",
            "Sambil menunggu, ini latihan pertamamu: mulai baca, ya.",
        ]
        switch language {
        case .en: return en
        case .id: return id
        case .both: return en + id
        }
    }

    static func firstExercise(_ title: String, id exercise: String, _ language: Language) -> String {
        say("Exercise 1", "Latihan 1", language == .both ? .en : language) + ": \(title) (\(exercise))"
    }

    static func read(_ language: Language) -> String { language == .id ? "Baca:" : "Read:" }

    static func moreLines(_ count: Int, _ language: Language) -> String {
        switch language {
        case .en: "… \(count) more lines in that file."
        case .id: "… masih \(count) baris lagi di file itu."
        case .both: "… \(count) more lines in that file (masih \(count) baris lagi)."
        }
    }

    static func progress(done: Int, of total: Int, firstRun: Bool, _ language: Language) -> String {
        let steps = total > 0 ? " \(done)/\(total)" : ""
        guard firstRun else { return rebuilding(language) + steps }
        switch language {
        case .en: return "Building backendlings…" + steps
        case .id: return "Menyiapkan backendlings…" + steps
        case .both: return "Building backendlings · Menyiapkan backendlings…" + steps
        }
    }

    static func rebuilding(_ language: Language) -> String {
        language == .id
            ? "Mem-build backendlings (kodenya berubah sejak build terakhir)…"
            : "Building backendlings (its sources changed since the last build)…"
    }

    static let noCheckout = say(
        "backendlings cannot find the folder it was cloned into (with Package.swift and Sources/). "
            + "Run it from that folder with `swift run backendlings`.",
        "backendlings tidak menemukan folder tempat ia di-clone (yang berisi Package.swift dan Sources/). "
            + "Jalankan dari folder itu dengan `swift run backendlings`.", .both)

    static func buildFailed(_ diagnostics: String, language: Language) -> String {
        say(
            "Backendlings itself did not build, so it cannot start. This is not about your exercise code: "
                + "the files under Sources/ do not compile. If you changed them, undo that (`git status` shows "
                + "what changed); otherwise run `swift build --product backendlings-cli` to see every message.",
            "Backendlings sendiri gagal di-build, jadi belum bisa jalan. Ini bukan soal kode latihanmu: "
                + "file di Sources/ tidak bisa dikompilasi. Kalau kamu mengubahnya, kembalikan (`git status` "
                + "menunjukkan apa yang berubah); kalau tidak, jalankan `swift build --product backendlings-cli` "
                + "untuk melihat semua pesannya.", language)
            + (diagnostics.isEmpty ? "" : "\n\n" + diagnostics)
    }

    static func noSwift(_ swift: String, language: Language) -> String {
        say(
            "Could not run `\(swift)`: install the Swift toolchain (swift.org/install) and make sure "
                + "`swift` is on your PATH.",
            "Tidak bisa menjalankan `\(swift)`: pasang toolchain Swift (swift.org/install) dan pastikan "
                + "`swift` ada di PATH.", language)
    }

    static func buildTimedOut(minutes: Int, language: Language) -> String {
        say(
            "Building backendlings took more than \(minutes) minutes, so it was stopped. Close other heavy "
                + "programs and run `swift run backendlings` again; it goes on from where the build stopped.",
            "Build backendlings makan waktu lebih dari \(minutes) menit, jadi dihentikan. Tutup program berat "
                + "lainnya lalu jalankan `swift run backendlings` lagi; build-nya lanjut dari tempat ia berhenti.",
            language)
    }

    static func couldNotStart(_ path: String, reason: String) -> String {
        say(
            "Could not start \(path): \(reason). Run `swift run backendlings` again.",
            "Tidak bisa menjalankan \(path): \(reason). Jalankan `swift run backendlings` lagi.", .both)
    }
}
