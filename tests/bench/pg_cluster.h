#pragma once
// A throwaway PostgreSQL cluster on a free loopback port, for the pgRouting side-by-side benchmark:
// initdb + pg_ctl from Debian's postgresql-15 as the `postgres` user (the recipe of PLATFORM.md), stopped
// and removed by the destructor. start() says why when it cannot run (binaries or pgRouting absent, not
// root), so the benchmark can skip cleanly.
#include <QString>
#include <QTemporaryDir>

#include <memory>

class PgCluster
{
public:
    PgCluster() = default;
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    /// Empty on success, else the reason it could not start.
    [[nodiscard]] QString start();
    [[nodiscard]] int port() const { return m_port; }
    /// A directory the server can read (for COPY … FROM a file).
    [[nodiscard]] QString dir() const { return m_dir ? m_dir->path() : QString(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    int m_port = 0;
    bool m_running = false;
};
