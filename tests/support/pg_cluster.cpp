#include "pg_cluster.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const QString pgBin = QStringLiteral("/usr/lib/postgresql/15/bin");

/// Runs a command; empty on success, else what failed with its output.
QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3")
            .arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()).trimmed());
    return {};
}

/// A port the kernel says is free now (bind to port 0, read it back).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

} // namespace

QString PgCluster::start(bool withPgRouting)
{
    if (!QFileInfo::exists(pgBin + QStringLiteral("/initdb")))
        return QStringLiteral("PostgreSQL 15 binaries absent (%1): install the postgresql package")
            .arg(pgBin);
    if (withPgRouting &&
        !QFileInfo::exists(QStringLiteral("/usr/share/postgresql/15/extension/pgrouting.control")))
        return QStringLiteral("pgRouting absent: install postgresql-15-pgrouting");
    if (::geteuid() != 0)
        return QStringLiteral("starting a cluster as the postgres user needs root (runuser)");
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return QStringLiteral("cannot create a temporary directory");
    // The server runs as postgres: it must traverse the (root-owned) temporary directory.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup);
    const QString pg = m_dir->path() + QStringLiteral("/pg");
    m_data = pg + QStringLiteral("/data");
    if (auto e = run(QStringLiteral("install"),
                     {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"),
                      QStringLiteral("-g"), QStringLiteral("postgres"), pg});
        !e.isEmpty())
        return e;
    const QString runuser = QStringLiteral("runuser");
    if (auto e = run(runuser, {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                               pgBin + QStringLiteral("/initdb"), QStringLiteral("-D"), m_data,
                               QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                               QStringLiteral("trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                               QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")});
        !e.isEmpty())
        return e;
    m_port = freePort();
    if (m_port == 0)
        return QStringLiteral("no free loopback port");
    if (auto e =
            run(runuser,
                {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                 pgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                 pg + QStringLiteral("/log"), QStringLiteral("-o"),
                 QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2").arg(m_port).arg(pg),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("start")});
        !e.isEmpty())
        return e;
    m_running = true;
    return {};
}

PgCluster::~PgCluster()
{
    if (m_running)
        (void)run(QStringLiteral("runuser"),
                  {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                   pgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                   QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
}
