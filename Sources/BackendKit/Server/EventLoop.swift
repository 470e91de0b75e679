import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Something registered with an event loop that reacts to its socket becoming ready.
protocol EventChannel: AnyObject {
    func handle(_ event: Selector.Event)
}

/// One thread that owns a set of sockets and runs the async handlers of their requests.
///
/// It is also a `TaskExecutor`: a request's handler task prefers this loop, so it starts and resumes
/// on the same thread that owns the connection, without hopping to another thread and back. A handler
/// that awaits (an outbound call, a sleep) lets the loop serve other connections meanwhile; a handler
/// that blocks (a long synchronous computation) delays this loop's other connections, which is why
/// there are several loops on a machine with several cores.
final class EventLoop: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: the remote queues need `remoteLock`; other `var`s are the loop thread's.
    let index: Int
    let selector: Selector
    /// Per-loop scratch buffer for reads; only touched on the loop thread.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    /// Loop-thread-only helpers for responses.
    var dateCache = DateHeaderCache()
    var requestIDs = RequestIDGenerator()

    private var channels: [Int32: any EventChannel] = [:]
    private var localJobs: [UnownedJob] = []
    private var localWork: [() -> Void] = []
    private let remoteLock = NSLock()
    private var remoteJobs: [UnownedJob] = []
    private var remoteWork: [@Sendable () -> Void] = []
    private var stopRequested = false
    private var thread: pthread_t?
    private var timers: [() -> Void] = []
    private var nextTick = ContinuousClock.now
    private let finished = DispatchSemaphore(value: 0)

    init(index: Int) throws {
        self.index = index
        self.selector = try Selector()
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Whether the caller runs on this loop's thread.
    var inLoop: Bool {
        guard let thread else { return false }
        return pthread_equal(pthread_self(), thread) != 0
    }

    /// Starts the loop's thread. `tick` runs about four times a second (timeouts are checked there).
    func start(name: String, tick: @escaping () -> Void) {
        timers.append(tick)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            self.thread = pthread_self()
            started.signal()
            self.run()
            self.finished.signal()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        started.wait()
    }

    /// Runs `work` on the loop thread soon; safe from any thread.
    func execute(_ work: @escaping @Sendable () -> Void) {
        remoteLock.withLock { remoteWork.append(work) }
        selector.wakeUp()
    }

    /// Runs `work` after the current event has been handled. Loop thread only.
    func executeLater(_ work: @escaping () -> Void) {
        localWork.append(work)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if inLoop {
            localJobs.append(job)
        } else {
            remoteLock.withLock { remoteJobs.append(job) }
            selector.wakeUp()
        }
    }

    func add(_ channel: any EventChannel, fd: Int32, read: Bool = true, write: Bool = false) throws {
        try selector.register(fd, read: read, write: write)
        channels[fd] = channel
    }

    func remove(fd: Int32) {
        selector.deregister(fd)
        channels[fd] = nil
    }

    var channelCount: Int { channels.count }

    /// Every channel, for shutdown and timeout sweeps. Loop thread only.
    var allChannels: [any EventChannel] { Array(channels.values) }

    /// Asks the loop to finish after the work queued so far, and waits for its thread to end.
    /// Safe from any thread but the loop's own.
    func stopAndWait() {
        execute { [self] in self.stopRequested = true }
        finished.wait()
    }

    private func run() {
        let executor = asUnownedTaskExecutor()
        while !stopRequested {
            runPending(executor)
            let idle = localJobs.isEmpty && localWork.isEmpty
            let untilTick = nextTick - ContinuousClock.now
            let timeout: Int32 = idle ? Int32(max(0, min(250, untilTick.milliseconds))) : 0
            selector.wait(timeoutMilliseconds: timeout) { event in
                channels[event.fd]?.handle(event)
            }
            runPending(executor)
            if ContinuousClock.now >= nextTick {
                nextTick = ContinuousClock.now + .milliseconds(250)
                for timer in timers { timer() }
            }
        }
        runPending(executor)
    }

    private func runPending(_ executor: UnownedTaskExecutor) {
        var rounds = 0
        repeat {
            let (jobs, work) = remoteLock.withLock {
                defer {
                    remoteJobs.removeAll(keepingCapacity: true)
                    remoteWork.removeAll(keepingCapacity: true)
                }
                return (remoteJobs, remoteWork)
            }
            for item in work { item() }
            localJobs.append(contentsOf: jobs)
            while !localJobs.isEmpty || !localWork.isEmpty {
                let batch = localJobs
                localJobs.removeAll(keepingCapacity: true)
                for job in batch { job.runSynchronously(on: executor) }
                let later = localWork
                localWork.removeAll(keepingCapacity: true)
                for item in later { item() }
            }
            rounds += 1
        } while rounds < 4 && remoteLock.withLock({ !remoteJobs.isEmpty || !remoteWork.isEmpty })
    }
}
