// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the sock group: socketpair, bind, connect, listen, accept, accept4, sendto,
 * recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg, shutdown, getsockname, getpeername,
 * setsockopt, getsockopt. See specs/decisions/sock.md.
 *
 * The constraint rules of these specs and the descriptor kinds are proven by the calls
 * generated from the specs (kapi_conform); no recipe builds an AF_UNIX address with a path,
 * so the bindings, the connections to a path and the errnos that need socket state are here.
 * Every call keeps the runtime constraints: the validator must report nothing.
 */
#include "cases.h"

#include <stddef.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>

/* ---- setup helpers ---------------------------------------------------------------------- */

static int new_sock(int type)
{
	int fd = socket(AF_UNIX, type, 0);

	if (fd < 0)
		kc_die("socket");
	return fd;
}

static void new_pair(int type, int sv[2])
{
	if (socketpair(AF_UNIX, type, 0, sv))
		kc_die("socketpair");
}

/* An AF_UNIX address for path (relative to the case's directory); *len gets its length. */
static struct sockaddr_un sun_of(const char *path, socklen_t *len)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	strncpy(a.sun_path, path, sizeof(a.sun_path) - 1);
	*len = offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
	return a;
}

/* A socket of the type bound to path. */
static int bound_sock(int type, const char *path)
{
	socklen_t len;
	struct sockaddr_un a = sun_of(path, &len);
	int fd = new_sock(type);

	if (bind(fd, (struct sockaddr *)&a, len))
		kc_die("bind");
	return fd;
}

/* A stream socket listening on path with the backlog. */
static int listening(const char *path, int backlog)
{
	int fd = bound_sock(SOCK_STREAM, path);

	if (listen(fd, backlog))
		kc_die("listen");
	return fd;
}

static long do_bind(int fd, const char *path)
{
	socklen_t len;
	struct sockaddr_un a = sun_of(path, &len);

	return syscall(SYS_bind, fd, &a, len);
}

static long do_connect(int fd, const char *path)
{
	socklen_t len;
	struct sockaddr_un a = sun_of(path, &len);

	return syscall(SYS_connect, fd, &a, len);
}

/* ---- bind ------------------------------------------------------------------------------- */

static long bind_autobind(void)
{
	sa_family_t fam = AF_UNIX;

	return syscall(SYS_bind, new_sock(SOCK_STREAM), &fam, sizeof(fam));
}

static long bind_path(void)
{
	return do_bind(new_sock(SOCK_STREAM), "s");
}

static long bind_exists(void)
{
	kc_file("f", 0);
	return do_bind(new_sock(SOCK_STREAM), "f");
}

static long bind_noent(void)
{
	return do_bind(new_sock(SOCK_STREAM), "nodir/s");
}

static long bind_notdir(void)
{
	kc_file("f", 0);
	return do_bind(new_sock(SOCK_STREAM), "f/s");
}

static long bind_twice(void)
{
	int fd = bound_sock(SOCK_STREAM, "s");

	return do_bind(fd, "t");
}

static long bind_abstract_inuse(void)
{
	/* An abstract name: sun_path[0] == 0, the name is the rest of addrlen bytes. */
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len = offsetof(struct sockaddr_un, sun_path) + 1 +
			snprintf(a.sun_path + 1, sizeof(a.sun_path) - 1, "kapi-sock-%d", getpid());

	if (bind(new_sock(SOCK_DGRAM), (struct sockaddr *)&a, len))
		kc_die("bind abstract");
	return syscall(SYS_bind, new_sock(SOCK_DGRAM), &a, len);
}

/* ---- connect ---------------------------------------------------------------------------- */

static long connect_ok(void)
{
	listening("l", 1);
	return do_connect(new_sock(SOCK_STREAM), "l");
}

static long connect_noent(void)
{
	return do_connect(new_sock(SOCK_STREAM), "missing");
}

static long connect_not_socket(void)
{
	kc_file("f", 0);
	return do_connect(new_sock(SOCK_STREAM), "f");
}

static long connect_not_listening(void)
{
	bound_sock(SOCK_STREAM, "s");
	return do_connect(new_sock(SOCK_STREAM), "s");
}

static long connect_prototype(void)
{
	bound_sock(SOCK_DGRAM, "d1");
	return do_connect(new_sock(SOCK_STREAM), "d1");
}

static long connect_isconn(void)
{
	int sv[2];

	listening("l", 1);
	new_pair(SOCK_STREAM, sv);
	return do_connect(sv[0], "l");
}

static long connect_backlog_full(void)
{
	int c;

	listening("l", 0);
	/* Backlog 0 takes one connection (the queue is full when longer than the backlog). */
	if (do_connect(new_sock(SOCK_STREAM), "l"))
		kc_die("first connect");
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c < 0)
		kc_die("socket");
	return do_connect(c, "l");
}

static long connect_dgram_eperm(void)
{
	int a = bound_sock(SOCK_DGRAM, "a");
	int b = bound_sock(SOCK_DGRAM, "b");

	(void)b;
	if (do_connect(a, "b"))
		kc_die("connect a to b");
	/* a is connected to b: another socket may not send to (or connect to) a. */
	return do_connect(new_sock(SOCK_DGRAM), "a");
}

/* ---- accept ----------------------------------------------------------------------------- */

static long accept_nonblock_empty(void)
{
	int l = listening("l", 1);

	if (fcntl(l, F_SETFL, O_NONBLOCK))
		kc_die("fcntl");
	return syscall(SYS_accept4, l, NULL, NULL, 0);
}

static long accept_emfile(void)
{
	int l = listening("l", 1);
	int c = new_sock(SOCK_STREAM);

	if (do_connect(c, "l"))
		kc_die("connect");
	/* No free descriptor (the table filled up to the limit): FD_ADD reserves the new one
	 * before the accept. */
	kc_rlimit(RLIMIT_NOFILE, (l > c ? l : c) + 1);
	while (dup(l) >= 0)
		;
	if (errno != EMFILE)
		kc_die("filling the fd table");
	return syscall(SYS_accept, l, NULL, NULL);
}

static long accept_netlink(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW, 0);

	if (fd < 0)
		kc_die("socket(AF_NETLINK)");
	return syscall(SYS_accept4, fd, NULL, NULL, 0);
}

/* ---- socketpair, listen, shutdown ------------------------------------------------------- */

static long socketpair_netlink(void)
{
	int sv[2];

	return syscall(SYS_socketpair, AF_NETLINK, SOCK_RAW, 0, sv);
}

static long listen_unbound(void)
{
	return syscall(SYS_listen, new_sock(SOCK_STREAM), 1);
}

static long shutdown_netlink(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW, 0);

	if (fd < 0)
		kc_die("socket(AF_NETLINK)");
	return syscall(SYS_shutdown, fd, SHUT_RD);
}

/* ---- send ------------------------------------------------------------------------------- */

static long send_shut_wr(void)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	if (shutdown(sv[0], SHUT_WR))
		kc_die("shutdown");
	/* MSG_NOSIGNAL: no SIGPIPE for the case child. */
	return syscall(SYS_sendto, sv[0], "x", 1, MSG_NOSIGNAL, NULL, 0);
}

static long send_sigpipe_ignored(void)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	close(sv[1]);
	signal(SIGPIPE, SIG_IGN);
	return syscall(SYS_sendto, sv[0], "x", 1, 0, NULL, 0);
}

static long sendto_isconn(void)
{
	int sv[2];
	socklen_t len;
	struct sockaddr_un a = sun_of("s", &len);

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_sendto, sv[0], "x", 1, MSG_NOSIGNAL, &a, len);
}

static long sendto_dgram_notconn(void)
{
	return syscall(SYS_sendto, new_sock(SOCK_DGRAM), "x", 1, MSG_DONTWAIT, NULL, 0);
}

static long sendto_dgram_path(void)
{
	int d = bound_sock(SOCK_DGRAM, "d1");
	socklen_t len;
	struct sockaddr_un a = sun_of("d1", &len);

	(void)d;
	return syscall(SYS_sendto, new_sock(SOCK_DGRAM), "x", 1, MSG_DONTWAIT, &a, len);
}

static long sendto_dgram_noent(void)
{
	socklen_t len;
	struct sockaddr_un a = sun_of("missing", &len);

	return syscall(SYS_sendto, new_sock(SOCK_DGRAM), "x", 1, MSG_DONTWAIT, &a, len);
}

static long sendto_emsgsize(void)
{
	int sv[2];
	/* More than the default net.core.wmem_default (212992) - 32: checked before the copy. */
	size_t n = 80 * (size_t)kc_page_size();

	new_pair(SOCK_DGRAM, sv);
	return syscall(SYS_sendto, sv[0], kc_pages(80), n, MSG_DONTWAIT, NULL, 0);
}

static long sendto_dgram_oob(void)
{
	int sv[2];

	new_pair(SOCK_DGRAM, sv);
	return syscall(SYS_sendto, sv[0], "x", 1, MSG_OOB | MSG_DONTWAIT, NULL, 0);
}

static long sendmsg_bad_rights(void)
{
	int sv[2];
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);

	new_pair(SOCK_STREAM, sv);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &(int){ -1 }, sizeof(int));
	return syscall(SYS_sendmsg, sv[0], &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
}

static long sendmsg_rights_ok(void)
{
	int sv[2];
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);

	new_pair(SOCK_STREAM, sv);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &sv[1], sizeof(int));
	return syscall(SYS_sendmsg, sv[0], &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
}

static long sendmsg_controllen_huge(void)
{
	int sv[2];
	char b[16];
	struct msghdr mh = { .msg_control = b, .msg_controllen = (size_t)INT_MAX + 1 };

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_sendmsg, sv[0], &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
}

static long sendmsg_iovlen_huge(void)
{
	int sv[2];
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1025 };	/* UIO_MAXIOV + 1 */

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_sendmsg, sv[0], &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
}

/* ---- receive ---------------------------------------------------------------------------- */

static long recv_empty_nonblock(void)
{
	int sv[2];
	char b[4];

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_recvfrom, sv[0], b, sizeof(b), MSG_DONTWAIT, NULL, NULL);
}

static long recv_unconnected_stream(void)
{
	char b[4];

	return syscall(SYS_recvfrom, new_sock(SOCK_STREAM), b, sizeof(b), MSG_DONTWAIT, NULL, NULL);
}

static long recv_interrupted(void)
{
	int sv[2];
	char b[4];

	new_pair(SOCK_STREAM, sv);
	kc_interrupt_after(100);
	return syscall(SYS_recvfrom, sv[0], b, sizeof(b), 0, NULL, NULL);
}

static long recv_connreset(void)
{
	int sv[2];
	char b[4];

	new_pair(SOCK_STREAM, sv);
	/* sv[1] closes with unread data: unix_release_sock sets sv[0]'s sk_err to ECONNRESET. */
	if (write(sv[0], "x", 1) != 1)
		kc_die("write");
	close(sv[1]);
	return syscall(SYS_recvfrom, sv[0], b, sizeof(b), MSG_DONTWAIT, NULL, NULL);
}

static long recv_dgram_oob(void)
{
	int sv[2];
	char b[4];

	new_pair(SOCK_DGRAM, sv);
	if (write(sv[1], "x", 1) != 1)
		kc_die("write");
	return syscall(SYS_recvfrom, sv[0], b, sizeof(b), MSG_OOB | MSG_DONTWAIT, NULL, NULL);
}

static long recvmsg_seqpacket_notconn(void)
{
	char b[4];
	struct iovec iov = { .iov_base = b, .iov_len = sizeof(b) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

	return syscall(SYS_recvmsg, new_sock(SOCK_SEQPACKET), &mh, MSG_DONTWAIT);
}

static long recvmmsg_bad_timeout(void)
{
	int sv[2];
	struct mmsghdr m = { 0 };
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 2000000000L };

	new_pair(SOCK_DGRAM, sv);
	return syscall(SYS_recvmmsg, sv[0], &m, 1, MSG_DONTWAIT, &ts);
}

static long recvmmsg_two(void)
{
	int sv[2];
	struct mmsghdr m[2];
	long r;

	memset(m, 0, sizeof(m));
	new_pair(SOCK_DGRAM, sv);
	if (write(sv[1], "x", 1) != 1 || write(sv[1], "y", 1) != 1)
		kc_die("write");
	r = syscall(SYS_recvmmsg, sv[0], m, 2, MSG_DONTWAIT, NULL);
	if (r >= 0 && r != 2) {
		/* Fewer messages than queued: reported as a failure. */
		errno = EPROTO;
		return -1;
	}
	return r;
}

/* ---- options and names ------------------------------------------------------------------ */

static long setopt_int(int level, int name, int val)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_setsockopt, sv[0], level, name, &val, sizeof(val));
}

static long setsockopt_sndbufforce(void)
{
	return setopt_int(SOL_SOCKET, SO_SNDBUFFORCE, 4096);
}

static long setsockopt_debug(void)
{
	return setopt_int(SOL_SOCKET, SO_DEBUG, 1);
}

static long setsockopt_type(void)
{
	return setopt_int(SOL_SOCKET, SO_TYPE, 1);
}

static long setsockopt_level_ip(void)
{
	return setopt_int(0 /* SOL_IP */, 1, 1);
}

static long setsockopt_detach(void)
{
	return setopt_int(SOL_SOCKET, SO_DETACH_FILTER, 0);
}

static long setsockopt_bindtodevice(void)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	/* No CONFIG_NETDEVICES: sock_setbindtodevice() is ENOPROTOOPT whatever the name. */
	return syscall(SYS_setsockopt, sv[0], SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
}

static long setsockopt_timeout_edom(void)
{
	int sv[2];
	struct timeval tv = { .tv_sec = 0, .tv_usec = 1000000 };

	new_pair(SOCK_STREAM, sv);
	return syscall(SYS_setsockopt, sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static long getopt_int(int fd, int level, int name)
{
	int v = 0;
	socklen_t l = sizeof(v);

	return syscall(SYS_getsockopt, fd, level, name, &v, &l);
}

static long getsockopt_peersec(void)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	return getopt_int(sv[0], SOL_SOCKET, SO_PEERSEC);
}

static long getsockopt_level_ip(void)
{
	int sv[2];

	new_pair(SOCK_STREAM, sv);
	return getopt_int(sv[0], 0 /* SOL_IP */, 1);
}

static long getsockopt_peername_notconn(void)
{
	char b[128];
	socklen_t l = sizeof(b);

	return syscall(SYS_getsockopt, new_sock(SOCK_STREAM), SOL_SOCKET, SO_PEERNAME, b, &l);
}

static long getpeername_dgram_unconnected(void)
{
	struct sockaddr_un a;
	socklen_t l = sizeof(a);

	return syscall(SYS_getpeername, new_sock(SOCK_DGRAM), &a, &l);
}

static long getsockname_negative_len(void)
{
	struct sockaddr_un a;
	int l = -1;

	return syscall(SYS_getsockname, new_sock(SOCK_STREAM), &a, &l);
}

static const struct kcase cases[] = {
	{ "bind", "bind(stream, {AF_UNIX}, 2) autobind", bind_autobind, 0, "", 0 },
	{ "bind", "bind(stream, \"s\")", bind_path, 0, "", 0 },
	{ "bind", "bind(stream, \"f\" existing file)", bind_exists, EADDRINUSE, "", 0 },
	{ "bind", "bind(stream, \"nodir/s\")", bind_noent, ENOENT, "", 0 },
	{ "bind", "bind(stream, \"f/s\")", bind_notdir, ENOTDIR, "", 0 },
	{ "bind", "bind(bound stream, \"t\")", bind_twice, EINVAL, "", 0 },
	{ "bind", "bind(dgram, abstract name taken)", bind_abstract_inuse, EADDRINUSE, "", 0 },
	{ "connect", "connect(stream, listener \"l\")", connect_ok, 0, "", 0 },
	{ "connect", "connect(stream, \"missing\")", connect_noent, ENOENT, "", 0 },
	{ "connect", "connect(stream, \"f\" regular file)", connect_not_socket, ECONNREFUSED, "", 0 },
	{ "connect", "connect(stream, bound not listening)", connect_not_listening, ECONNREFUSED, "", 0 },
	{ "connect", "connect(stream, dgram socket path)", connect_prototype, EPROTOTYPE, "", 0 },
	{ "connect", "connect(connected pair end, listener)", connect_isconn, EISCONN, "", 0 },
	{ "connect", "connect(nonblocking, listener with full backlog)", connect_backlog_full, EAGAIN, "", 0 },
	{ "connect", "connect(dgram, dgram connected elsewhere)", connect_dgram_eperm, EPERM, "", 0 },
	{ "accept4", "accept4(O_NONBLOCK listener, empty queue)", accept_nonblock_empty, EAGAIN, "", 0 },
	{ "accept", "accept(listener) at RLIMIT_NOFILE", accept_emfile, EMFILE, "", 0 },
	{ "accept4", "accept4(netlink socket)", accept_netlink, EOPNOTSUPP, "", 0 },
	{ "socketpair", "socketpair(AF_NETLINK, SOCK_RAW, 0)", socketpair_netlink, EOPNOTSUPP, "", 0 },
	{ "listen", "listen(unbound stream, 1)", listen_unbound, EINVAL, "", 0 },
	{ "shutdown", "shutdown(netlink socket, SHUT_RD)", shutdown_netlink, EOPNOTSUPP, "", 0 },
	{ "sendto", "sendto(stream shut down for writing, MSG_NOSIGNAL)", send_shut_wr, EPIPE, "", 0 },
	{ "sendto", "sendto(stream, peer closed) SIGPIPE ignored", send_sigpipe_ignored, EPIPE, "", 0 },
	{ "sendto", "sendto(connected stream, address)", sendto_isconn, EISCONN, "", 0 },
	{ "sendto", "sendto(unconnected dgram, no address)", sendto_dgram_notconn, ENOTCONN, "", 0 },
	{ "sendto", "sendto(dgram, bound dgram path)", sendto_dgram_path, 0, "", 0 },
	{ "sendto", "sendto(dgram, \"missing\")", sendto_dgram_noent, ENOENT, "", 0 },
	{ "sendto", "sendto(dgram, 80 pages)", sendto_emsgsize, EMSGSIZE, "", 0 },
	{ "sendto", "sendto(dgram, MSG_OOB)", sendto_dgram_oob, EOPNOTSUPP, "", 0 },
	{ "sendmsg", "sendmsg(stream, SCM_RIGHTS {-1})", sendmsg_bad_rights, EBADF, "", 0 },
	{ "sendmsg", "sendmsg(stream, SCM_RIGHTS {peer})", sendmsg_rights_ok, 0, "", 0 },
	{ "sendmsg", "sendmsg(stream, msg_controllen INT_MAX + 1)", sendmsg_controllen_huge, ENOBUFS, "", 0 },
	{ "sendmsg", "sendmsg(stream, msg_iovlen 1025)", sendmsg_iovlen_huge, EMSGSIZE, "", 0 },
	{ "recvfrom", "recvfrom(empty stream, MSG_DONTWAIT)", recv_empty_nonblock, EAGAIN, "", 0 },
	{ "recvfrom", "recvfrom(unconnected stream)", recv_unconnected_stream, EINVAL, "", 0 },
	{ "recvfrom", "recvfrom(empty stream) interrupted", recv_interrupted, EINTR, "", 0 },
	{ "recvfrom", "recvfrom(stream, peer closed with data unread)", recv_connreset, ECONNRESET, "", 0 },
	{ "recvfrom", "recvfrom(dgram, MSG_OOB)", recv_dgram_oob, EOPNOTSUPP, "", 0 },
	{ "recvmsg", "recvmsg(unconnected seqpacket)", recvmsg_seqpacket_notconn, ENOTCONN, "", 0 },
	{ "recvmmsg", "recvmmsg(dgram, timeout tv_nsec 2e9)", recvmmsg_bad_timeout, EINVAL, "", 0 },
	{ "recvmmsg", "recvmmsg(dgram with two datagrams, 2)", recvmmsg_two, 0, "", 0 },
	{ "setsockopt", "setsockopt(SO_SNDBUFFORCE) as nobody", setsockopt_sndbufforce, EPERM, "", KC_NOBODY },
	{ "setsockopt", "setsockopt(SO_DEBUG, 1) as nobody", setsockopt_debug, EACCES, "", KC_NOBODY },
	{ "setsockopt", "setsockopt(SO_TYPE)", setsockopt_type, ENOPROTOOPT, "", 0 },
	{ "setsockopt", "setsockopt(AF_UNIX, SOL_IP)", setsockopt_level_ip, EOPNOTSUPP, "", 0 },
	{ "setsockopt", "setsockopt(SO_DETACH_FILTER) without a filter", setsockopt_detach, ENOENT, "", 0 },
	{ "setsockopt", "setsockopt(SO_BINDTODEVICE, \"lo\")", setsockopt_bindtodevice, ENOPROTOOPT, "", 0 },
	{ "setsockopt", "setsockopt(SO_RCVTIMEO, tv_usec 1000000)", setsockopt_timeout_edom, EDOM, "", 0 },
	{ "getsockopt", "getsockopt(SO_PEERSEC) without an LSM", getsockopt_peersec, ENOPROTOOPT, "", 0 },
	{ "getsockopt", "getsockopt(AF_UNIX, SOL_IP)", getsockopt_level_ip, EOPNOTSUPP, "", 0 },
	{ "getsockopt", "getsockopt(unconnected, SO_PEERNAME)", getsockopt_peername_notconn, ENOTCONN, "", 0 },
	{ "getpeername", "getpeername(unconnected dgram)", getpeername_dgram_unconnected, ENOTCONN, "", 0 },
	{ "getsockname", "getsockname(stream, len -1)", getsockname_negative_len, EINVAL, "", 0 },
};

KC_GROUP(sock, cases);
