#pragma once
// A throwaway PostgreSQL cluster on a free loopback port, for tests and benchmarks (the shared room's store,
// the pgRouting side-by-side benchmark): initdb + pg_ctl from Debian's postgresql-15 as the `postgres` user
// (the recipe of PLATFORM.md), stopped and removed by the destructor. start() says why when it cannot run
// (binaries or pgRouting absent, not root), so a test or benchmark can skip cleanly.
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

    /// Empty on success, else the reason it could not start. `withPgRouting`: also require the extension.
    [[nodiscard]] QString start(bool withPgRouting = false);
    /// A hot standby of `primary` (pg_basebackup, streaming replication), started on a port of its own;
    /// `synchronous`: the primary then acknowledges a commit only once this standby has it.
    [[nodiscard]] QString startStandby(PgCluster &primary, bool synchronous);
    /// kill -9 of the server (the postmaster), then waits until its backends are gone: a crash.
    [[nodiscard]] QString killServer();
    /// Starts the server again on the same port and folder (after killServer: crash recovery).
    [[nodiscard]] QString restart();
    /// pg_ctl promote: the standby becomes a primary.
    [[nodiscard]] QString promote();
    [[nodiscard]] int port() const { return m_port; }
    /// A libpq URI to database `db` on this cluster as the superuser (trust authentication, no password).
    [[nodiscard]] QString uri(const QString &db = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(db);
    }
    /// A directory the server can read (for COPY … FROM a file).
    [[nodiscard]] QString dir() const { return m_dir ? m_dir->path() : QString(); }

private:
    [[nodiscard]] QString initFolder();
    [[nodiscard]] QString startServer();
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pg;
    QString m_data;
    int m_port = 0;
    bool m_running = false;
};
