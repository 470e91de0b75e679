// kit-fixture: a BackendKit "learner server" that uses every piece issue 12 added (the
// controlled clock, cookies, the outbound client, background jobs, metrics, request facts, the
// statement log) and, with `--variant NAME`, makes one known mistake. The kit pack's checks
// (Tests/Fixtures/kit-pack) grade it; without a variant it is their reference solution.
import BackendKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

func startupFailure(_ message: String) -> Never {
    FileHandle.standardError.write(Data("The server could not start: \(message)\n".utf8))
    exit(1)
}

guard let variant = Variant.fromArguments(CommandLine.arguments) else {
    startupFailure("--variant needs one of: \(Variant.allCases.map(\.rawValue).joined(separator: ", "))")
}
let kit: Kit
do {
    let configuration = try KitConfiguration.load(ProcessInfo.processInfo.environment, variant: variant)
    let db = try Database.open()
    try db.migrate(KitSchema.migrations)
    kit = Kit(db: db, configuration: configuration, variant: variant)
} catch {
    startupFailure(String(describing: error))
}

let router = Router()
let server = Server(router: router)
let outbox = server.every(.seconds(5), "outbox") { try await MailRoutes.deliver(kit) }
do {
    try MetricsRoutes.register(router, kit)
} catch {
    startupFailure(String(describing: error))
}
SessionRoutes.register(router, kit)
LimitRoutes.register(router, kit)
OrderRoutes.register(router, kit)
MailRoutes.register(router, kit, outbox: outbox)
CatalogRoutes.register(router, kit)
AttackRoutes.register(router, kit)
server.beforeExit("drain the outbox") {
    let sent = try await MailRoutes.deliver(kit)
    Logger.fromEnvironment().info("Drained the outbox: \(sent) message(s) sent before exit.")
}

if variant == .abruptShutdown {
    do {
        let port = try server.start()
        signal(SIGTERM) { _ in _exit(0) }  // the mistake: no graceful shutdown at all
        FileHandle.standardOutput.write(Data("Listening on http://127.0.0.1:\(port)\n".utf8))
        while true { pause() }
    } catch {
        startupFailure(String(describing: error))
    }
}
server.run()
