#pragma once
// The PostgreSQL server of a test executable: one throwaway cluster (initdb in a temporary folder, a free
// loopback port), started once by a GoogleTest global environment and stopped at the end. Without the
// PostgreSQL binaries (or root, to run them as the postgres user) it is not started, and the tests that need
// it skip, saying why.
#include "pg_cluster.h"

#include "log/entry.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace vigie::test {

/// The cluster, or nullptr before the environment starts it.
[[nodiscard]] PgCluster *pgCluster();
/// Empty when the cluster runs, else why it does not.
[[nodiscard]] const QString &pgClusterMissing();
/// Runs SQL on the cluster as the superuser, beside the store (to tamper with rows, create databases).
void pgExec(const QByteArray &sql, const QString &db = QStringLiteral("postgres"));
/// Ends every other client session on the cluster (as a restart or a failover would) and waits until they
/// are gone, so that the test's next call meets a closed connection rather than racing the server.
void endOtherSessions();
/// Notes `from`..`to`, one per millisecond of event time.
[[nodiscard]] std::vector<Entry> notes(int from, int to);

} // namespace vigie::test
