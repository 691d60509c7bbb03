#include "tcp_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtGlobal>

#include <cerrno>
#include <chrono>
#include <tuple>

namespace vigie::test {

TcpProxy::TcpProxy(int targetPort) : m_target(targetPort)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
        ::listen(m_listen, 64) != 0 || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        return;
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0)
        ::close(m_listen);
}

void TcpProxy::cut()
{
    // Returns once the relayed connections are closed: nothing written after the call crosses.
    m_cutDone = false;
    m_cut = true;
    while (!m_cutDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void TcpProxy::heal()
{
    m_cut = false;
}

void TcpProxy::run()
{
    struct Pair
    {
        int client;
        int server;
    };
    std::vector<Pair> pairs;
    auto closePair = [](Pair &p) {
        ::close(p.client);
        ::close(p.server);
    };
    char buffer[65536];
    while (!m_stop) {
        if (m_cut) {
            for (Pair &p : pairs)
                closePair(p);
            pairs.clear();
            m_cutDone = true;
        }
        std::vector<pollfd> fds;
        fds.push_back({m_listen, POLLIN, 0});
        for (const Pair &p : pairs) {
            fds.push_back({p.client, POLLIN, 0});
            fds.push_back({p.server, POLLIN, 0});
        }
        if (::poll(fds.data(), nfds_t(fds.size()), 50) <= 0)
            continue;
        // Only the pairs polled above have events in `fds`; a pair accepted below waits for the next round.
        // (Its events were read past the end of `fds`: garbage that could make the thread read a silent
        // side and block there, so that a desk's first connection through the proxy never got an answer.)
        const std::size_t polled = pairs.size();
        if (fds[0].revents & POLLIN) {
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                if (m_cut) {
                    ::close(client);
                } else {
                    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                    sockaddr_in a{};
                    a.sin_family = AF_INET;
                    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                    a.sin_port = htons(quint16(m_target));
                    if (server >= 0 && ::connect(server, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
                        pairs.push_back({client, server});
                    } else {
                        ::close(client);
                        if (server >= 0)
                            ::close(server);
                    }
                }
            }
        }
        // Relay what is readable; a side that closed or failed closes the pair.
        std::vector<bool> dead(pairs.size(), false);
        for (std::size_t i = 0; i < polled; ++i) {
            const pollfd &c = fds[1 + 2 * i];
            const pollfd &s = fds[2 + 2 * i];
            for (const auto &[from, to, revents] :
                 {std::tuple{pairs[i].client, pairs[i].server, c.revents},
                  std::tuple{pairs[i].server, pairs[i].client, s.revents}}) {
                if (dead[i] || revents == 0)
                    continue;
                const ssize_t n = ::read(from, buffer, sizeof buffer);
                if (n <= 0) {
                    dead[i] = true;
                    continue;
                }
                for (ssize_t sent = 0; sent < n;) {
                    const ssize_t w = ::write(to, buffer + sent, std::size_t(n - sent));
                    if (w <= 0 && errno != EINTR) {
                        dead[i] = true;
                        break;
                    }
                    if (w > 0)
                        sent += w;
                }
            }
        }
        std::vector<Pair> alive;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (dead[i])
                closePair(pairs[i]);
            else
                alive.push_back(pairs[i]);
        }
        pairs.swap(alive);
    }
    for (Pair &p : pairs)
        closePair(p);
}

} // namespace vigie::test
