#include "pg_test_server.h"

#include "test_util.h"

#include <libpq-fe.h>

#include <chrono>
#include <thread>

namespace vigie::test {

namespace {

PgCluster *cluster = nullptr;
QString clusterMissing;

class PgEnvironment : public ::testing::Environment
{
public:
    void SetUp() override
    {
        cluster = new PgCluster;
        clusterMissing = cluster->start();
        if (!clusterMissing.isEmpty())
            std::fprintf(stderr, "PostgreSQL tests skipped: %s\n", qPrintable(clusterMissing));
    }
    void TearDown() override
    {
        delete cluster;
        cluster = nullptr;
    }
};

[[maybe_unused]] const auto *const environment = ::testing::AddGlobalTestEnvironment(new PgEnvironment);

} // namespace

PgCluster *pgCluster()
{
    return cluster;
}

const QString &pgClusterMissing()
{
    return clusterMissing;
}

void pgExec(const QByteArray &sql, const QString &db)
{
    PGconn *c = PQconnectdb(cluster->uri(db).toUtf8().constData());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PGresult *r = PQexec(c, sql.constData());
    const ExecStatusType status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
}

void endOtherSessions()
{
    PGconn *c = PQconnectdb(cluster->uri().toUtf8().constData());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQclear(PQexec(c, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                      "AND backend_type = 'client backend'"));
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        PGresult *r = PQexec(c, "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                                "AND backend_type = 'client backend'");
        gone = PQresultStatus(r) == PGRES_TUPLES_OK && QByteArray(PQgetvalue(r, 0, 0)) == "0";
        PQclear(r);
        if (!gone)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    PQfinish(c);
    EXPECT_TRUE(gone) << "the server did not end the other sessions within 5 s";
}

std::vector<Entry> notes(int from, int to)
{
    std::vector<Entry> batch;
    for (int i = from; i <= to; ++i)
        batch.push_back(note(i, QStringLiteral("entry %1").arg(i)));
    return batch;
}

} // namespace vigie::test
