import Foundation
import GraderKit

/// The learner's `Containerfile`, judged statically: no container runtime runs here, and no check
/// builds a release (it takes minutes). Each check reads the file through `Containerfile`, as a
/// builder would, and names the line that is wrong.
private enum Release {
    /// The executable target of this exercise in the workspace package: the product to build.
    static let product = "ops07-release"

    /// The file, parsed; a file a builder would refuse fails the check with the line and why.
    static func containerfile(_ t: TestContext) throws -> Containerfile {
        let text = try t.learnerFile("Containerfile")
        do {
            return try Containerfile(parsing: text)
        } catch {
            throw CheckFailure(
                joined([
                    Words("Containerfile, line \(error.line): ", id: "Containerfile, baris \(error.line): "),
                    error.message,
                ]))
        }
    }

    /// The texts one after the other, language by language.
    static func joined(_ parts: [Words], separator: String = "") -> Words {
        Words(
            parts.map(\.en).joined(separator: separator),
            id: parts.map { $0.id ?? $0.en }.joined(separator: separator))
    }

    /// "line 7: FROM swift:latest AS build", to show the learner what was read.
    static func shown(_ instruction: Containerfile.Instruction) -> String {
        let text = "\(instruction.keyword) \(instruction.arguments)".split(separator: "\n").first ?? ""
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return "line \(instruction.line): \(words.prefix(120))"
    }

    static func shownID(_ instruction: Containerfile.Instruction) -> String {
        shown(instruction).replacingOccurrences(of: "line ", with: "baris ", options: .anchored)
    }

    /// The `swift build` commands of a stage's `RUN`s, each as its words up to `&&`, `;` or `|`.
    static func swiftBuilds(_ stage: Containerfile.Stage) -> [(Containerfile.Instruction, [String])] {
        stage.all("RUN").flatMap { run in
            let words = run.words
            return words.indices.compactMap { index -> (Containerfile.Instruction, [String])? in
                guard words[index] == "swift", index + 1 < words.count, words[index + 1] == "build" else {
                    return nil
                }
                let command = words[(index + 2)...].prefix {
                    !["&&", "||", ";", "|", "&", "\n"].contains($0)
                }
                return (run, Array(command))
            }
        }
    }

    /// Shell words cut into commands at `&&`, `||`, `;`, `|`, `&` and line breaks.
    static func commands(_ words: [String]) -> [[String]] {
        words.split { ["&&", "||", ";", "|", "&", "\n"].contains($0) }.map(Array.init)
    }

    /// The value of `-c`/`--configuration` in a `swift build` command (`-c release`, `-c=release`).
    static func configuration(_ command: [String]) -> String? {
        for (index, word) in command.enumerated() {
            if word == "-c" || word == "--configuration" {
                return index + 1 < command.count ? command[index + 1] : ""
            }
            for prefix in ["-c=", "--configuration="] where word.hasPrefix(prefix) {
                return String(word.dropFirst(prefix.count))
            }
        }
        return nil
    }

    /// The value of `--product` in a `swift build` command.
    static func product(_ command: [String]) -> String? {
        for (index, word) in command.enumerated() {
            if word == "--product" { return index + 1 < command.count ? command[index + 1] : "" }
            if word.hasPrefix("--product=") { return String(word.dropFirst(10)) }
        }
        return nil
    }

    /// The stage that compiles the server: the first one with a `swift build` that builds.
    static func buildStage(_ file: Containerfile) -> Containerfile.Stage? {
        file.stages.first { stage in swiftBuilds(stage).contains { !$0.1.contains("--show-bin-path") } }
    }

    /// An image reference split as a registry reads it: `swift:6.3.1-noble` → ("swift", "6.3.1-noble",
    /// nil); `ghcr.io/x/y@sha256:…` → ("ghcr.io/x/y", nil, "sha256:…").
    static func reference(_ image: String) -> (repository: String, tag: String?, digest: String?) {
        var rest = image
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = String(rest[..<at])
        }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        guard let colon = rest[lastSlash...].lastIndex(of: ":") else {
            return (rest.lowercased(), nil, digest)
        }
        return (String(rest[..<colon]).lowercased(), String(rest[rest.index(after: colon)...]), digest)
    }

    /// The repository's last part without its registry: `docker.io/library/swift` → `swift`.
    static func imageName(_ repository: String) -> String {
        String(repository.split(separator: "/").last ?? "")
    }

    /// Whether a stage runs Swift's full toolchain image (not a `-slim` one).
    static func isToolchainImage(_ image: String) -> Bool {
        let parts = reference(image)
        return imageName(parts.repository) == "swift" && !(parts.tag ?? "").contains("slim")
    }

    /// The runtime stage and, when it starts from an earlier stage, that stage and its parents.
    static func lineage(_ file: Containerfile) -> [Containerfile.Stage] {
        var stages = [file.runtime]
        while let parent = stages.last?.parent { stages.append(file.stages[parent]) }
        return stages
    }

    /// The last `keyword` instruction the image that runs keeps (its own, else its parent stage's).
    static func last(_ keyword: String, _ file: Containerfile) -> Containerfile.Instruction? {
        lineage(file).lazy.compactMap { $0.all(keyword).last }.first
    }

    /// The folders `VOLUME` declares in the image that runs, variables expanded.
    static func volumes(_ file: Containerfile) -> [String] {
        lineage(file).flatMap { stage in
            stage.all("VOLUME").flatMap { volume in
                (volume.execForm ?? Containerfile.shellWords(volume.arguments)).map {
                    file.expand($0, in: stage)
                }
            }
        }
    }

    /// `/data/` → `/data`, so folders compare as paths.
    static func folder(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The words of a variable's name that mark it as a secret.
    static let secretWords = [
        "SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL",
    ]

    static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretWords.contains { upper.contains($0) }
    }
}

private let readable = Words(
    "the Containerfile is one a builder can read: instructions, comments and continued lines, starting with FROM",
    id: "Containerfile-nya bisa dibaca builder: instruksi, komentar, dan baris lanjutan, dimulai dengan FROM")

private let pinned = Words(
    "every FROM names a pinned image: a tag or a digest, never latest or no tag at all",
    id:
        "setiap FROM menyebut image yang dipatok: sebuah tag atau digest, jangan latest atau tanpa tag sama sekali"
)

private let releaseBuild = Words(
    "a build stage compiles the server with swift build -c release --product ops07-release",
    id: "sebuah build stage meng-compile server-nya dengan swift build -c release --product ops07-release")

private let smallRuntime = Words(
    "the image that runs is a stage of its own, on a small base image, not the Swift toolchain",
    id: "image yang dijalankan adalah stage tersendiri, di atas base image yang kecil, bukan toolchain Swift")

private let binaryOnly = Words(
    "the runtime stage copies only the built binary from the build stage (COPY --from=…)",
    id: "runtime stage hanya menyalin binary hasil build dari build stage (COPY --from=…)")

private let libraries = Words(
    "the runtime stage installs the two libraries the server loads: SQLite and OpenSSL's libcrypto",
    id: "runtime stage meng-install dua library yang dimuat server: SQLite dan libcrypto milik OpenSSL")

private let notRoot = Words(
    "the server runs as a user that is not root",
    id: "server berjalan sebagai user yang bukan root")

private let execForm = Words(
    "ENTRYPOINT (or CMD) is in exec form, so the server is PID 1 and receives SIGTERM itself",
    id: "ENTRYPOINT (atau CMD) dalam exec form, jadi server adalah PID 1 dan menerima SIGTERM sendiri")

private let everyInterface = Words(
    "HOST=0.0.0.0: the server listens on the container's network, not only on its own loopback",
    id: "HOST=0.0.0.0: server mendengarkan di jaringan container, bukan hanya di loopback-nya sendiri")

private let portExposed = Words(
    "PORT is set to a fixed port, and EXPOSE names the same one",
    id: "PORT diisi port yang tetap, dan EXPOSE menyebut port yang sama")

private let databaseOnVolume = Words(
    "DATABASE_PATH is an absolute path in a folder declared as a VOLUME, outside the image's layers",
    id: "DATABASE_PATH adalah path absolut di folder yang dideklarasikan sebagai VOLUME, di luar layer image")

private let volumeWritable = Words(
    "the database folder belongs to the server's user, so the server can create the database there",
    id: "folder database dimiliki user server, jadi server bisa membuat database-nya di sana")

private let noSecrets = Words(
    "no secret is baked into the image: no ENV or ARG holds WEBHOOK_SECRETS or another secret",
    id:
        "tidak ada secret yang tertanam di image: tidak ada ENV atau ARG yang menyimpan WEBHOOK_SECRETS atau secret lain"
)

private let startsAsBuilt = Words(
    "the server starts with the environment the image sets, and GET /livez names the release the image was built as (--build-arg RELEASE_VERSION)",
    id:
        "server bisa start dengan environment yang diisi image-nya, dan GET /livez menyebut release yang dipakai saat image-nya di-build (--build-arg RELEASE_VERSION)"
)

let release = ExerciseTests("ops07-release") {
    Check(
        readable,
        hint: Words(
            "A Containerfile is one instruction per line (FROM, RUN, COPY, ENV, USER, EXPOSE, ENTRYPOINT, …); a long one continues on the next line after a \\ at the end, and # starts a comment.",
            id:
                "Containerfile berisi satu instruksi per baris (FROM, RUN, COPY, ENV, USER, EXPOSE, ENTRYPOINT, …); instruksi yang panjang berlanjut ke baris berikutnya setelah \\ di ujungnya, dan # memulai komentar."
        )
    ) { t in
        _ = try Release.containerfile(t)
    }

    Check(
        pinned,
        hint: Words(
            "Write the version you tested, FROM swift:6.3.1-noble AS build and FROM ubuntu:24.04: latest is whatever was pushed last, so two builds of the same commit can differ, and a rollback can bring a new base image.",
            id:
                "Tulis versi yang sudah kamu uji, FROM swift:6.3.1-noble AS build dan FROM ubuntu:24.04: latest adalah apa pun yang terakhir di-push, jadi dua build dari commit yang sama bisa berbeda, dan rollback bisa membawa base image yang baru."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        for stage in file.stages where stage.parent == nil && stage.image.lowercased() != "scratch" {
            let from = Containerfile.Instruction(keyword: "FROM", arguments: stage.image, line: stage.line)
            let parts = Release.reference(stage.image)
            if parts.digest != nil { continue }
            guard let tag = parts.tag, !tag.isEmpty else {
                throw CheckFailure(
                    Words(
                        "\(Release.shown(from)) has no tag, which means :latest: the image changes whenever someone pushes a new one, and this build with it. Name the version, as in FROM \(parts.repository):<version>.",
                        id:
                            "\(Release.shownID(from)) tidak punya tag, yang berarti :latest: image-nya berubah setiap kali ada yang push image baru, dan build ini ikut berubah. Sebutkan versinya, seperti FROM \(parts.repository):<versi>."
                    ))
            }
            guard tag.lowercased() != "latest" else {
                throw CheckFailure(
                    Words(
                        "\(Release.shown(from)): latest is whatever was pushed last, not a version. The build of the same commit can differ tomorrow, and a rollback to this commit builds with a newer image. Pin the tag you tested (or a digest, @sha256:…).",
                        id:
                            "\(Release.shownID(from)): latest adalah apa pun yang terakhir di-push, bukan sebuah versi. Build dari commit yang sama bisa berbeda besok, dan rollback ke commit ini membangun dengan image yang lebih baru. Patok tag yang sudah kamu uji (atau digest, @sha256:…)."
                    ))
            }
        }
    }

    Check(
        releaseBuild,
        hint: Words(
            "RUN swift build -c release --static-swift-stdlib --package-path workspace --product ops07-release in the build stage: a debug build (the default) is unoptimized and several times slower, and not what production should run.",
            id:
                "RUN swift build -c release --static-swift-stdlib --package-path workspace --product ops07-release di build stage: build debug (bawaannya) tidak dioptimasi dan beberapa kali lebih lambat, dan bukan yang seharusnya dijalankan production."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        // `swift build --show-bin-path` only prints a folder; the build is the other one.
        let builds = file.stages.flatMap(Release.swiftBuilds).filter { !$0.1.contains("--show-bin-path") }
        guard let (run, command) = builds.first else {
            throw CheckFailure(
                Words(
                    "no RUN line runs swift build, so the image has nothing to run. The build stage compiles the server: RUN swift build -c release … --product \(Release.product).",
                    id:
                        "tidak ada baris RUN yang menjalankan swift build, jadi image-nya tidak punya apa pun untuk dijalankan. Build stage meng-compile server-nya: RUN swift build -c release … --product \(Release.product)."
                ))
        }
        guard let configuration = Release.configuration(command), configuration == "release" else {
            throw CheckFailure(
                Words(
                    "line \(run.line): swift build \(command.joined(separator: " ")) builds the debug configuration (swift build's default when there is no -c release): unoptimized, and several times slower. Production runs -c release.",
                    id:
                        "baris \(run.line): swift build \(command.joined(separator: " ")) membangun konfigurasi debug (bawaan swift build kalau tidak ada -c release): tidak dioptimasi, dan beberapa kali lebih lambat. Production menjalankan -c release."
                ))
        }
        guard let product = Release.product(command), product == Release.product else {
            throw CheckFailure(
                Words(
                    "\(Release.shown(run)) does not name --product \(Release.product): the workspace package has one executable per exercise, and without it swift build compiles every one of them. Name this exercise's product.",
                    id:
                        "\(Release.shownID(run)) tidak menyebut --product \(Release.product): package workspace punya satu executable per latihan, dan tanpa itu swift build meng-compile semuanya. Sebutkan product latihan ini."
                ))
        }
    }

    Check(
        smallRuntime,
        hint: Words(
            "Two stages: FROM swift:… AS build compiles, then a second FROM ubuntu:24.04 (or debian, or swift:…-slim) is the image that ships. The toolchain image is well over a gigabyte of compiler, headers and tools that production never uses and an attacker can.",
            id:
                "Dua stage: FROM swift:… AS build meng-compile, lalu FROM ubuntu:24.04 kedua (atau debian, atau swift:…-slim) adalah image yang dikirim. Image toolchain berukuran lebih dari satu gigabyte berisi compiler, header, dan tool yang tidak pernah dipakai production tapi bisa dipakai penyerang."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let runtime = file.runtime
        let from = Containerfile.Instruction(keyword: "FROM", arguments: runtime.image, line: runtime.line)
        guard file.stages.count > 1, runtime.parent == nil else {
            throw CheckFailure(
                Words(
                    file.stages.count == 1
                        ? "there is one stage, so the image that runs is the one that compiled (\(Release.shown(from))), toolchain, sources and build folder included. Compile in a build stage (FROM … AS build), and start the image that runs with a second FROM."
                        : "the last stage (\(Release.shown(from))) starts from the build stage, so it keeps everything the build left: the toolchain, the sources, the build folder. Start it FROM a small base image and copy the binary in.",
                    id: file.stages.count == 1
                        ? "hanya ada satu stage, jadi image yang dijalankan adalah image yang meng-compile (\(Release.shownID(from))), termasuk toolchain, source, dan folder build. Compile di build stage (FROM … AS build), dan mulai image yang dijalankan dengan FROM kedua."
                        : "stage terakhir (\(Release.shownID(from))) dimulai dari build stage, jadi ia menyimpan semua yang ditinggalkan build: toolchain, source, folder build. Mulai dari base image yang kecil dan salin binary-nya ke dalam."
                ))
        }
        guard !Release.isToolchainImage(runtime.image) else {
            throw CheckFailure(
                Words(
                    "the image that runs starts from the Swift toolchain image (\(Release.shown(from))): the whole toolchain (well over a gigabyte: compiler, headers, debugger) ships to production with the server. The binary built with --static-swift-stdlib needs only a plain ubuntu:24.04 (or swift:…-slim).",
                    id:
                        "image yang dijalankan dimulai dari image toolchain Swift (\(Release.shownID(from))): seluruh toolchain (lebih dari satu gigabyte: compiler, header, debugger) ikut dikirim ke production bersama server-nya. Binary yang di-build dengan --static-swift-stdlib hanya butuh ubuntu:24.04 biasa (atau swift:…-slim)."
                ))
        }
        let name = Release.imageName(Release.reference(runtime.image).repository)
        guard !["alpine", "scratch", "busybox"].contains(name) else {
            throw CheckFailure(
                Words(
                    "the image that runs starts from \(name) (\(Release.shown(from))). Your server is built against glibc and loads libsqlite3 and libcrypto at start, which \(name) does not have (Alpine uses musl): it would not start. Use the distribution the build image is made from, ubuntu:24.04 for swift:…-noble.",
                    id:
                        "image yang dijalankan dimulai dari \(name) (\(Release.shownID(from))). Server kamu di-build untuk glibc dan memuat libsqlite3 dan libcrypto saat start, yang tidak dimiliki \(name) (Alpine memakai musl): server-nya tidak akan start. Pakai distribusi yang menjadi dasar image build-nya, ubuntu:24.04 untuk swift:…-noble."
                ))
        }
    }

    Check(
        binaryOnly,
        hint: Words(
            "In the build stage, copy the binary to a known path (cp \"$(swift build -c release --package-path workspace --show-bin-path)/ops07-release\" /checkout); in the runtime stage, COPY --from=build /checkout /usr/local/bin/checkout. Not the build folder, not the sources.",
            id:
                "Di build stage, salin binary-nya ke path yang pasti (cp \"$(swift build -c release --package-path workspace --show-bin-path)/ops07-release\" /checkout); di runtime stage, COPY --from=build /checkout /usr/local/bin/checkout. Bukan folder build, bukan source-nya."
        ),
        needs: releaseBuild.en, smallRuntime.en
    ) { t in
        let file = try Release.containerfile(t)
        guard let build = Release.buildStage(file) else { return }
        let copies = file.runtime.all("COPY") + file.runtime.all("ADD")
        for copy in copies where copy.flag("from") == nil {
            let sources = copy.operands.dropLast().map(Release.folder)
            if let whole = sources.first(where: { [".", "*", "/"].contains($0) || $0.hasPrefix("workspace") })
            {
                throw CheckFailure(
                    Words(
                        "\(Release.shown(copy)) copies \(whole) from the build context into the image that runs: the sources (and the hidden tests beside them) ship with the server. The runtime stage needs only the binary, from the build stage.",
                        id:
                            "\(Release.shownID(copy)) menyalin \(whole) dari build context ke image yang dijalankan: source-nya (dan hidden test di sebelahnya) ikut dikirim bersama server. Runtime stage hanya butuh binary-nya, dari build stage."
                    ))
            }
        }
        let fromBuild = copies.filter { copy in
            copy.flag("from").flatMap { file.stage(named: $0) }?.index == build.index
        }
        guard !fromBuild.isEmpty else {
            throw CheckFailure(
                Words(
                    "the runtime stage has no COPY --from=\(build.label): the binary compiled in the build stage never reaches the image that runs.",
                    id:
                        "runtime stage tidak punya COPY --from=\(build.label): binary yang di-compile di build stage tidak pernah sampai ke image yang dijalankan."
                ))
        }
        let workdirs = Set(build.all("WORKDIR").map { Release.folder(file.expand($0.arguments, in: build)) })
        for copy in fromBuild {
            for source in copy.operands.dropLast().map({ Release.folder(file.expand($0, in: file.runtime)) })
            {
                let isBuildFolder =
                    source.hasSuffix(".build") || source.hasSuffix("/release") || source.hasSuffix("/debug")
                if ["/", ".", "*"].contains(source) || workdirs.contains(source) || isBuildFolder {
                    throw CheckFailure(
                        Words(
                            "\(Release.shown(copy)) copies the folder \(source), not the binary: object files, module caches and the sources (hundreds of megabytes) end up in the image that runs. Copy the one executable.",
                            id:
                                "\(Release.shownID(copy)) menyalin folder \(source), bukan binary-nya: file objek, cache modul, dan source-nya (ratusan megabyte) masuk ke image yang dijalankan. Salin satu executable itu saja."
                        ))
                }
            }
        }
    }

    Check(
        libraries,
        hint: Words(
            "BackendKit links the system's SQLite and libcrypto (OpenSSL). The build stage needs their -dev packages to compile; the runtime stage needs the libraries themselves: RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 libssl3t64 && rm -rf /var/lib/apt/lists/*.",
            id:
                "BackendKit me-link SQLite dan libcrypto (OpenSSL) milik sistem. Build stage butuh paket -dev-nya untuk meng-compile; runtime stage butuh library-nya sendiri: RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 libssl3t64 && rm -rf /var/lib/apt/lists/*."
        ),
        needs: smallRuntime.en
    ) { t in
        let file = try Release.containerfile(t)
        let words = Release.lineage(file).flatMap { $0.all("RUN") }.flatMap(\.words).map { $0.lowercased() }
        let missing = [
            (
                words.contains { $0.contains("sqlite") },
                Words(
                    "SQLite (libsqlite3-0): the server stops at start with \"error while loading shared libraries: libsqlite3.so.0\"",
                    id:
                        "SQLite (libsqlite3-0): server berhenti saat start dengan \"error while loading shared libraries: libsqlite3.so.0\""
                )
            ),
            (
                words.contains {
                    $0.contains("libssl") || $0.contains("openssl") || $0.contains("libcrypto")
                },
                Words(
                    "OpenSSL's libcrypto (libssl3t64 on Ubuntu 24.04, libssl3 on Debian 12): the server stops at start with \"error while loading shared libraries: libcrypto.so.3\"",
                    id:
                        "libcrypto milik OpenSSL (libssl3t64 di Ubuntu 24.04, libssl3 di Debian 12): server berhenti saat start dengan \"error while loading shared libraries: libcrypto.so.3\""
                )
            ),
        ].filter { !$0.0 }.map(\.1)
        guard missing.isEmpty else {
            throw CheckFailure(
                Release.joined([
                    Words(
                        "no RUN of the runtime stage installs ",
                        id: "tidak ada RUN di runtime stage yang meng-install "),
                    Release.joined(missing, separator: "; "),
                    Words(
                        ". A base image such as ubuntu:24.04 has neither.",
                        id: ". Base image seperti ubuntu:24.04 tidak punya keduanya."),
                ]))
        }
    }

    Check(
        notRoot,
        hint: Words(
            "Create a user in the runtime stage (useradd --system --uid 10001 --user-group checkout) and end with USER 10001:10001. A number, not a name: Kubernetes' runAsNonRoot can only verify a numeric user.",
            id:
                "Buat user di runtime stage (useradd --system --uid 10001 --user-group checkout) dan akhiri dengan USER 10001:10001. Angka, bukan nama: runAsNonRoot milik Kubernetes hanya bisa memverifikasi user berupa angka."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        guard let user = Release.last("USER", file) else {
            throw CheckFailure(
                Words(
                    "the runtime stage has no USER line, so the server runs as root (uid 0). A bug in it, or in a library it loads, is then a root process in the container, one kernel bug away from root on the machine.",
                    id:
                        "runtime stage tidak punya baris USER, jadi server berjalan sebagai root (uid 0). Bug di server itu, atau di library yang dimuatnya, lalu memberi penyerang sebuah proses root di container, dan tinggal satu bug kernel lagi untuk menjadi root di mesinnya."
                ))
        }
        let name =
            file.expand(user.arguments, in: file.runtime).split(separator: ":").first.map(String.init) ?? ""
        guard !["root", "0", ""].contains(name.lowercased()) else {
            throw CheckFailure(
                Words(
                    "\(Release.shown(user)): the server still runs as root. Make the last USER a user you created (USER 10001:10001).",
                    id:
                        "\(Release.shownID(user)): server masih berjalan sebagai root. Jadikan USER terakhir sebuah user yang kamu buat (USER 10001:10001)."
                ))
        }
    }

    Check(
        execForm,
        hint: Words(
            "ENTRYPOINT [\"/usr/local/bin/checkout\"], a JSON array. Written without brackets, the builder runs /bin/sh -c \"…\": sh is PID 1, it does not pass SIGTERM on, and after 10 seconds docker stop kills your server with SIGKILL, with its requests in progress.",
            id:
                "ENTRYPOINT [\"/usr/local/bin/checkout\"], sebuah array JSON. Kalau ditulis tanpa kurung siku, builder menjalankan /bin/sh -c \"…\": sh menjadi PID 1, ia tidak meneruskan SIGTERM, dan setelah 10 detik docker stop membunuh server kamu dengan SIGKILL, bersama request-request yang sedang berjalan."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let entrypoint = Release.last("ENTRYPOINT", file)
        guard let start = entrypoint ?? Release.last("CMD", file) else {
            throw CheckFailure(
                Words(
                    "the runtime stage has neither ENTRYPOINT nor CMD: the image does not say what to run. ENTRYPOINT [\"/usr/local/bin/checkout\"].",
                    id:
                        "runtime stage tidak punya ENTRYPOINT maupun CMD: image-nya tidak menyebut apa yang dijalankan. ENTRYPOINT [\"/usr/local/bin/checkout\"]."
                ))
        }
        guard let command = start.execForm else {
            throw CheckFailure(
                Words(
                    "\(Release.shown(start)) is in shell form, so the container runs /bin/sh -c \"\(start.arguments.prefix(60))\": sh is PID 1, your server its child. docker stop and Kubernetes send SIGTERM to PID 1; sh does not pass it on, so your graceful shutdown of step 5 never starts, and 10 seconds later (30 in Kubernetes) SIGKILL ends everything, requests in progress included. Write it as a JSON array.",
                    id:
                        "\(Release.shownID(start)) dalam shell form, jadi container menjalankan /bin/sh -c \"\(start.arguments.prefix(60))\": sh menjadi PID 1, server kamu anaknya. docker stop dan Kubernetes mengirim SIGTERM ke PID 1; sh tidak meneruskannya, jadi graceful shutdown kamu dari langkah 5 tidak pernah dimulai, dan 10 detik kemudian (30 di Kubernetes) SIGKILL mengakhiri semuanya, termasuk request yang sedang berjalan. Tulis sebagai array JSON."
                ))
        }
        let program = (command.first ?? "").split(separator: "/").last.map(String.init) ?? ""
        if ["sh", "bash", "dash", "ash"].contains(program), command.contains("-c"),
            !(command.last ?? "").hasPrefix("exec ")
        {
            throw CheckFailure(
                Words(
                    "\(Release.shown(start)) starts a shell, which then starts your server: the shell is PID 1 and SIGTERM stops there, as in shell form. Run the server itself: [\"/usr/local/bin/checkout\"].",
                    id:
                        "\(Release.shownID(start)) menjalankan shell, yang lalu menjalankan server kamu: shell-nya menjadi PID 1 dan SIGTERM berhenti di sana, sama seperti shell form. Jalankan server-nya sendiri: [\"/usr/local/bin/checkout\"]."
                ))
        }
        if let stop = Release.last("STOPSIGNAL", file) {
            let signal = stop.arguments.uppercased().replacingOccurrences(of: "SIG", with: "")
            guard ["TERM", "INT", "15", "2"].contains(signal) else {
                throw CheckFailure(
                    Words(
                        "\(Release.shown(stop)): your server shuts down gracefully on SIGTERM and SIGINT (step 5); on \(stop.arguments) it dies at once. Leave STOPSIGNAL out (SIGTERM is the default).",
                        id:
                            "\(Release.shownID(stop)): server kamu berhenti dengan anggun pada SIGTERM dan SIGINT (langkah 5); pada \(stop.arguments) ia langsung mati. Hapus STOPSIGNAL (SIGTERM adalah bawaannya)."
                    ))
            }
        }
    }

    Check(
        everyInterface,
        hint: Words(
            "ENV HOST=0.0.0.0 in the runtime stage. BackendKit listens on 127.0.0.1 unless told otherwise, which inside a container is the container's own loopback: docker run -p 8080:8080 connects, and the connection is reset.",
            id:
                "ENV HOST=0.0.0.0 di runtime stage. BackendKit mendengarkan di 127.0.0.1 kecuali diberi tahu lain, yang di dalam container adalah loopback milik container itu sendiri: docker run -p 8080:8080 terhubung, lalu koneksinya di-reset."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let host = file.environment(of: file.runtime)["HOST"]
        guard let host, ["0.0.0.0", "::", "[::]"].contains(host) else {
            let said =
                host.map { Words("HOST is \($0)", id: "HOST bernilai \($0)") }
                ?? Words(
                    "HOST is not set, so BackendKit listens on 127.0.0.1",
                    id: "HOST tidak diisi, jadi BackendKit mendengarkan di 127.0.0.1")
            throw CheckFailure(
                Release.joined([
                    said,
                    Words(
                        " in the image: inside a container that is the container's own loopback, which no other container, no load balancer and no port mapping can reach. Set ENV HOST=0.0.0.0 in the runtime stage.",
                        id:
                            " di image-nya: di dalam container itu adalah loopback milik container itu sendiri, yang tidak bisa dijangkau container lain, load balancer, atau port mapping mana pun. Isi ENV HOST=0.0.0.0 di runtime stage."
                    ),
                ]))
        }
    }

    Check(
        portExposed,
        hint: Words(
            "ENV PORT=8080 and EXPOSE 8080 in the runtime stage. Without PORT, BackendKit picks a free port at random (PORT=0), a different one at every start; EXPOSE documents the port that docker run -P and your colleagues use.",
            id:
                "ENV PORT=8080 dan EXPOSE 8080 di runtime stage. Tanpa PORT, BackendKit memilih port bebas secara acak (PORT=0), berbeda di setiap start; EXPOSE mendokumentasikan port yang dipakai docker run -P dan rekan-rekanmu."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let text = file.environment(of: file.runtime)["PORT"] ?? ""
        guard let port = Int(text), (1...65535).contains(port) else {
            throw CheckFailure(
                text.isEmpty
                    ? Words(
                        "PORT is not set in the image: your server then listens on a random free port (PORT=0), a new one at every start, and nothing in front of it can know which. ENV PORT=8080.",
                        id:
                            "PORT tidak diisi di image-nya: server kamu lalu mendengarkan di port bebas yang acak (PORT=0), berganti di setiap start, dan tidak ada yang di depannya bisa tahu yang mana. ENV PORT=8080."
                    )
                    : Words(
                        "PORT is \"\(text)\" in the image, not a port from 1 to 65535: the server would refuse to start.",
                        id:
                            "PORT bernilai \"\(text)\" di image-nya, bukan port dari 1 sampai 65535: server-nya akan menolak start."
                    ))
        }
        let exposed = Release.lineage(file).flatMap { stage in
            stage.all("EXPOSE").flatMap { Containerfile.shellWords(file.expand($0.arguments, in: stage)) }
        }
        let ports = exposed.compactMap { Int($0.split(separator: "/").first ?? "") }
        guard ports.contains(port) else {
            throw CheckFailure(
                Release.joined([
                    ports.isEmpty
                        ? Words("the runtime stage has no EXPOSE", id: "runtime stage tidak punya EXPOSE")
                        : Words(
                            "EXPOSE says \(exposed.joined(separator: " "))",
                            id: "EXPOSE menyebut \(exposed.joined(separator: " "))"),
                    Words(
                        ", but the server listens on PORT=\(port). EXPOSE \(port): whoever runs the image (docker run -P, a colleague reading it, a platform that reads it) learns the port from it.",
                        id:
                            ", tapi server mendengarkan di PORT=\(port). EXPOSE \(port): siapa pun yang menjalankan image-nya (docker run -P, rekan yang membacanya, platform yang membacanya) tahu port-nya dari situ."
                    ),
                ]))
        }
    }

    Check(
        databaseOnVolume,
        hint: Words(
            "ENV DATABASE_PATH=/data/checkout.sqlite and VOLUME /data. Everything the container writes elsewhere lives in its writable layer, which is thrown away with the container: every deploy would start on an empty database.",
            id:
                "ENV DATABASE_PATH=/data/checkout.sqlite dan VOLUME /data. Semua yang ditulis container di tempat lain tinggal di writable layer-nya, yang dibuang bersama container-nya: setiap deploy akan dimulai dengan database kosong."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let path = file.environment(of: file.runtime)["DATABASE_PATH"] ?? ""
        guard path.hasPrefix("/") else {
            throw CheckFailure(
                Release.joined([
                    path.isEmpty
                        ? Words(
                            "DATABASE_PATH is not set in the image, so the server writes data.sqlite in its working directory",
                            id:
                                "DATABASE_PATH tidak diisi di image-nya, jadi server menulis data.sqlite di working directory-nya"
                        )
                        : Words(
                            "DATABASE_PATH is \(path), a relative path, so the database lands in the working directory",
                            id:
                                "DATABASE_PATH bernilai \(path), path relatif, jadi database-nya berada di working directory"
                        ),
                    Words(
                        ": in the container's writable layer, which is deleted with the container. The next deploy starts a new container on an empty database, and every order is gone. Put it in a volume: DATABASE_PATH=/data/checkout.sqlite, VOLUME /data.",
                        id:
                            ": di writable layer container, yang dihapus bersama container-nya. Deploy berikutnya memulai container baru dengan database kosong, dan semua pesanan hilang. Taruh di volume: DATABASE_PATH=/data/checkout.sqlite, VOLUME /data."
                    ),
                ]))
        }
        let volumes = Release.volumes(file).map(Release.folder)
        guard volumes.contains(where: { $0 == "/" || path.hasPrefix($0 + "/") }) else {
            throw CheckFailure(
                Words(
                    "DATABASE_PATH is \(path), but no VOLUME holds that folder (\(volumes.isEmpty ? "there is no VOLUME" : "VOLUME " + volumes.joined(separator: " "))): the database is written in the container's writable layer and deleted with the container at the next deploy. Declare its folder: VOLUME \((path as NSString).deletingLastPathComponent).",
                    id:
                        "DATABASE_PATH bernilai \(path), tapi tidak ada VOLUME yang memuat folder itu (\(volumes.isEmpty ? "tidak ada VOLUME" : "VOLUME " + volumes.joined(separator: " "))): database-nya ditulis di writable layer container dan dihapus bersama container-nya di deploy berikutnya. Deklarasikan folder-nya: VOLUME \((path as NSString).deletingLastPathComponent)."
                ))
        }
    }

    Check(
        volumeWritable,
        hint: Words(
            "Before USER, as root: RUN mkdir -p /data && chown 10001:10001 /data. A new named volume starts as a copy of that folder, owner included; without it /data belongs to root and the server cannot create its database (\"unable to open database file\").",
            id:
                "Sebelum USER, sebagai root: RUN mkdir -p /data && chown 10001:10001 /data. Volume bernama yang baru dimulai sebagai salinan folder itu, termasuk pemiliknya; tanpa itu /data milik root dan server tidak bisa membuat database-nya (\"unable to open database file\")."
        ),
        needs: notRoot.en, databaseOnVolume.en
    ) { t in
        let file = try Release.containerfile(t)
        let path = file.environment(of: file.runtime)["DATABASE_PATH"] ?? ""
        let folder =
            Release.volumes(file).map(Release.folder).first { $0 == "/" || path.hasPrefix($0 + "/") } ?? "/"
        let runs = Release.lineage(file).flatMap { $0.all("RUN") }
        let owned = runs.flatMap { Release.commands($0.words) }.contains { command in
            ["chown", "install"].contains(command.first?.split(separator: "/").last ?? "")
                && command.contains { Release.folder($0) == folder }
        }
        guard owned else {
            throw CheckFailure(
                Words(
                    "no RUN gives \(folder) to the server's user (chown), so it belongs to root: your server, which does not run as root, cannot create \(path) and stops at start with \"unable to open database file\". RUN mkdir -p \(folder) && chown 10001:10001 \(folder), before USER.",
                    id:
                        "tidak ada RUN yang memberikan \(folder) ke user server (chown), jadi folder itu milik root: server kamu, yang tidak berjalan sebagai root, tidak bisa membuat \(path) dan berhenti saat start dengan \"unable to open database file\". RUN mkdir -p \(folder) && chown 10001:10001 \(folder), sebelum USER."
                ))
        }
    }

    Check(
        noSecrets,
        hint: Words(
            "Secrets come from the orchestrator when the container starts (docker run -e WEBHOOK_SECRETS, a Kubernetes Secret), never from the Containerfile: every ENV and every ARG is stored in the image, and docker history or docker inspect shows it to anyone who can pull it.",
            id:
                "Secret datang dari orchestrator saat container start (docker run -e WEBHOOK_SECRETS, sebuah Secret Kubernetes), jangan pernah dari Containerfile: setiap ENV dan setiap ARG tersimpan di image, dan docker history atau docker inspect menunjukkannya ke siapa pun yang bisa pull image itu."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        if let secret = file.globalArguments.keys.sorted().first(where: Release.isSecretName) {
            throw CheckFailure(
                Words(
                    "ARG \(secret) before the first FROM puts a secret into the build: build arguments are recorded in the image's history (docker history shows them). The secret comes at run time: docker run -e \(secret), or a Kubernetes Secret.",
                    id:
                        "ARG \(secret) sebelum FROM pertama memasukkan secret ke build: build argument tercatat di history image (docker history menunjukkannya). Secret-nya datang saat dijalankan: docker run -e \(secret), atau sebuah Secret Kubernetes."
                ))
        }
        for stage in file.stages {
            for instruction in stage.instructions where ["ENV", "ARG"].contains(instruction.keyword) {
                let names =
                    instruction.keyword == "ENV"
                    ? Containerfile.assignments(instruction.arguments).map(\.0)
                    : Containerfile.arguments(instruction).map(\.0)
                if let secret = names.first(where: Release.isSecretName) {
                    throw CheckFailure(
                        Words(
                            "line \(instruction.line): \(instruction.keyword) \(secret) puts a secret into the image. Every ENV and ARG is stored in it: docker inspect and docker history show it to anyone who can pull the image, and every copy of the image in every registry and cache keeps it. The secret comes at run time: docker run -e \(secret), or a Kubernetes Secret.",
                            id:
                                "baris \(instruction.line): \(instruction.keyword) \(secret) memasukkan secret ke image. Setiap ENV dan ARG tersimpan di dalamnya: docker inspect dan docker history menunjukkannya ke siapa pun yang bisa pull image itu, dan setiap salinan image di setiap registry dan cache menyimpannya. Secret-nya datang saat dijalankan: docker run -e \(secret), atau sebuah Secret Kubernetes."
                        ))
                }
            }
        }
        let all = file.stages.flatMap(\.instructions)
        if let leaked = all.first(where: { $0.arguments.contains("whsec_") }) {
            throw CheckFailure(
                Words(
                    "line \(leaked.line) holds a webhook secret (whsec_…): the Containerfile, and so the image, carries it. Pass it at run time instead (docker run -e WEBHOOK_SECRETS).",
                    id:
                        "baris \(leaked.line) berisi webhook secret (whsec_…): Containerfile-nya, dan karena itu image-nya, membawanya. Berikan saat dijalankan (docker run -e WEBHOOK_SECRETS)."
                ))
        }
    }
    Check(
        startsAsBuilt,
        hint: Words(
            "In the runtime stage: ARG RELEASE_VERSION=dev, then ENV RELEASE_VERSION=$RELEASE_VERSION. An ARG lives only in the stage that declares it: one before the first FROM, or in the build stage, is empty in the runtime stage. Every other ENV must be a value the server accepts (step 2).",
            id:
                "Di runtime stage: ARG RELEASE_VERSION=dev, lalu ENV RELEASE_VERSION=$RELEASE_VERSION. Sebuah ARG hanya hidup di stage yang mendeklarasikannya: ARG sebelum FROM pertama, atau di build stage, kosong di runtime stage. Setiap ENV lain harus bernilai yang diterima server (langkah 2)."
        ),
        needs: readable.en
    ) { t in
        let file = try Release.containerfile(t)
        let built = "7.0.0-grader"
        // What `docker build --build-arg RELEASE_VERSION=7.0.0-grader` bakes in. The grader keeps its
        // own PORT, HOST and DATABASE_PATH (a free port on this machine's loopback, a new file), and
        // gives the secret as the orchestrator would, at start.
        var environment = file.environment(of: file.runtime, buildArguments: ["RELEASE_VERSION": built])
        for name in ["PORT", "HOST", "DATABASE_PATH"] { environment[name] = nil }
        let names = environment.keys.sorted().joined(separator: ", ")
        do {
            try t.startServer(environment: environment.merging(Shop.environment()) { _, given in given })
        } catch let failure as CheckFailure {
            throw failure
        } catch {
            // The server refused a setting (step 2) or stopped: its own message names it.
            throw CheckFailure(
                Words(
                    "with the environment your image sets (\(names)), and WEBHOOK_SECRETS given at start, your server did not start, and no container of this image would. \(error)",
                    id:
                        "dengan environment yang diisi image kamu (\(names)), dan WEBHOOK_SECRETS diberikan saat start, server kamu tidak bisa start, begitu juga setiap container dari image ini. \(error)"
                ))
        }
        let answer = try t.http.get("/livez").expectStatus(200)
        let version = try answer.json()["version"]?.string
        guard version != built else { return }
        let set = environment["RELEASE_VERSION"] ?? ""
        let declaredElsewhere =
            file.globalArguments["RELEASE_VERSION"] != nil
            || file.stages.dropLast().contains { file.argumentNames(of: $0).contains("RELEASE_VERSION") }
        if set.isEmpty && declaredElsewhere
            && !file.argumentNames(of: file.runtime).contains("RELEASE_VERSION")
        {
            throw answer.failure(
                Words(
                    "built with --build-arg RELEASE_VERSION=\(built), the image that runs has no RELEASE_VERSION: your ARG RELEASE_VERSION is declared before the first FROM or in another stage, and an ARG is seen only in the stage that declares it. Declare it again in the runtime stage, before its ENV.",
                    id:
                        "di-build dengan --build-arg RELEASE_VERSION=\(built), image yang dijalankan tidak punya RELEASE_VERSION: ARG RELEASE_VERSION kamu dideklarasikan sebelum FROM pertama atau di stage lain, dan sebuah ARG hanya terlihat di stage yang mendeklarasikannya. Deklarasikan lagi di runtime stage, sebelum ENV-nya."
                ))
        }
        if set.isEmpty {
            throw answer.failure(
                Words(
                    "built with --build-arg RELEASE_VERSION=\(built), the image sets no RELEASE_VERSION, so GET /livez says \(version ?? "nothing") and nobody can tell which release an instance runs. In the runtime stage: ARG RELEASE_VERSION=dev, ENV RELEASE_VERSION=$RELEASE_VERSION.",
                    id:
                        "di-build dengan --build-arg RELEASE_VERSION=\(built), image-nya tidak mengisi RELEASE_VERSION, jadi GET /livez menyebut \(version ?? "tidak ada") dan tidak ada yang bisa tahu release mana yang dijalankan sebuah instance. Di runtime stage: ARG RELEASE_VERSION=dev, ENV RELEASE_VERSION=$RELEASE_VERSION."
                ))
        }
        throw answer.failure(
            Words(
                "built with --build-arg RELEASE_VERSION=\(built), the image sets RELEASE_VERSION=\(set) and GET /livez says \(version ?? "nothing"): a value written into the Containerfile names every image the same, whatever was built. Take it from the build argument: ENV RELEASE_VERSION=$RELEASE_VERSION after ARG RELEASE_VERSION.",
                id:
                    "di-build dengan --build-arg RELEASE_VERSION=\(built), image-nya mengisi RELEASE_VERSION=\(set) dan GET /livez menyebut \(version ?? "tidak ada"): nilai yang ditulis di Containerfile memberi nama yang sama ke setiap image, apa pun yang di-build. Ambil dari build argument: ENV RELEASE_VERSION=$RELEASE_VERSION setelah ARG RELEASE_VERSION."
            ))
    }
}
