#pragma once
// A TCP relay on the loopback between a desk and its server, for tests that cut the network: while cut, it
// drops every connection it relays and closes new ones as soon as they arrive, as a lost link does for a
// desk; healed, it relays again. Runs on a thread of its own.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace vigie::test {

class TcpProxy
{
public:
    /// Listens on a free loopback port and relays to 127.0.0.1:`targetPort`; port() is 0 if it could not.
    explicit TcpProxy(int targetPort);
    ~TcpProxy();
    TcpProxy(const TcpProxy &) = delete;
    TcpProxy &operator=(const TcpProxy &) = delete;

    [[nodiscard]] int port() const { return m_port; }
    /// Closes every relayed connection (returns once they are closed) and refuses new ones until heal().
    void cut();
    void heal();

private:
    void run();
    int m_target;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cut{false};
    std::atomic<bool> m_cutDone{false};
    std::thread m_thread;
};

} // namespace vigie::test
