#define _GNU_SOURCE
#include "CSystemShims.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <stdio.h>
#include <poll.h>
#include <time.h>

#ifdef __linux__
#include <sys/prctl.h>
#include <sys/resource.h>

int cshim_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int cshim_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

int cshim_epoll_wait(int epfd, uint32_t *events, uint64_t *data, int maxevents, int timeout_ms) {
    struct epoll_event evs[256];
    if (maxevents > 256) maxevents = 256;
    int n = epoll_wait(epfd, evs, maxevents, timeout_ms);
    for (int i = 0; i < n; i++) {
        events[i] = evs[i].events;
        data[i] = evs[i].data.u64;
    }
    return n;
}

int cshim_set_child_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

int cshim_prlimit_as(pid_t pid, uint64_t bytes) {
    struct rlimit limit = {bytes, bytes};
    return prlimit(pid, RLIMIT_AS, &limit, NULL);
}
#endif

int cshim_accept_nonblocking(int fd, struct sockaddr *addr, socklen_t *len) {
#ifdef __linux__
    return accept4(fd, addr, len, SOCK_CLOEXEC | SOCK_NONBLOCK);
#else
    int c = accept(fd, addr, len);
    if (c >= 0) {
        fcntl(c, F_SETFD, FD_CLOEXEC);
        fcntl(c, F_SETFL, fcntl(c, F_GETFL) | O_NONBLOCK);
        int one = 1;
        setsockopt(c, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof(one));
    }
    return c;
#endif
}

int cshim_pipe_cloexec(int fds[2]) {
#ifdef __linux__
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

int cshim_spawn_file_actions_closefrom(posix_spawn_file_actions_t *actions, int lowfd) {
#if defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, lowfd);
#else
    (void)actions; (void)lowfd;
    return 0; // every descriptor we open is CLOEXEC; Apple callers use POSIX_SPAWN_CLOEXEC_DEFAULT
#endif
}

static volatile int shutdown_fd = -1;
static volatile sig_atomic_t shutdown_signal = 0;
static volatile sig_atomic_t interrupt_count = 0;

static void shutdown_handler(int sig) {
    int saved = errno;
    shutdown_signal = sig;
    if (sig == SIGINT && ++interrupt_count > 1) _exit(130);
    if (shutdown_fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(shutdown_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int cshim_install_shutdown_signal_handlers(int fd) {
    shutdown_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = shutdown_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

int cshim_last_shutdown_signal(void) { return shutdown_signal; }

void cshim_stdout_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

void cshim_flush_stdout(void) { fflush(stdout); }

int cshim_errno(void) { return errno; }

int cshim_poll_ns(struct pollfd *fds, unsigned long count, long long timeout_ns) {
#ifdef __linux__
    if (timeout_ns < 0) return ppoll(fds, (nfds_t)count, NULL, NULL);
    struct timespec timeout = {(time_t)(timeout_ns / 1000000000LL), (long)(timeout_ns % 1000000000LL)};
    return ppoll(fds, (nfds_t)count, &timeout, NULL);
#else
    int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999LL) / 1000000LL);
    return poll(fds, (nfds_t)count, ms);
#endif
}
