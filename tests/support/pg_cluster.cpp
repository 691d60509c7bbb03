#include "pg_cluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

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

/// Whether process `pid` still runs (a zombie waiting for its parent does not).
bool isRunning(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line[close + 2] != 'Z' && line[close + 2] != 'X';
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

QString PgCluster::initFolder()
{
    if (!QFileInfo::exists(pgBin + QStringLiteral("/initdb")))
        return QStringLiteral("PostgreSQL 15 binaries absent (%1): install the postgresql package")
            .arg(pgBin);
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
    m_pg = m_dir->path() + QStringLiteral("/pg");
    m_data = m_pg + QStringLiteral("/data");
    if (auto e = run(QStringLiteral("install"),
                     {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"),
                      QStringLiteral("-g"), QStringLiteral("postgres"), m_pg});
        !e.isEmpty())
        return e;
    m_port = freePort();
    if (m_port == 0)
        return QStringLiteral("no free loopback port");
    return {};
}

QString PgCluster::startServer()
{
    if (auto e =
            run(QStringLiteral("runuser"),
                {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                 pgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                 m_pg + QStringLiteral("/log"), QStringLiteral("-o"),
                 QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2").arg(m_port).arg(m_pg),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("start")});
        !e.isEmpty())
        return e;
    m_running = true;
    return {};
}

QString PgCluster::start(bool withPgRouting)
{
    if (withPgRouting &&
        !QFileInfo::exists(QStringLiteral("/usr/share/postgresql/15/extension/pgrouting.control")))
        return QStringLiteral("pgRouting absent: install postgresql-15-pgrouting");
    if (auto e = initFolder(); !e.isEmpty())
        return e;
    if (auto e = run(QStringLiteral("runuser"),
                     {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                      pgBin + QStringLiteral("/initdb"), QStringLiteral("-D"), m_data, QStringLiteral("-U"),
                      QStringLiteral("postgres"), QStringLiteral("-A"), QStringLiteral("trust"),
                      QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                      QStringLiteral("--locale=C.UTF-8")});
        !e.isEmpty())
        return e;
    return startServer();
}

QString PgCluster::startStandby(PgCluster &primary, bool synchronous)
{
    if (auto e = initFolder(); !e.isEmpty())
        return e;
    if (auto e =
            run(QStringLiteral("runuser"),
                {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                 pgBin + QStringLiteral("/pg_basebackup"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("-p"), QString::number(primary.port()), QStringLiteral("-U"),
                 QStringLiteral("postgres"), QStringLiteral("-D"), m_data, QStringLiteral("-R"),
                 QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("--no-sync")});
        !e.isEmpty())
        return e;
    if (auto e = startServer(); !e.isEmpty())
        return e;
    if (synchronous) {
        for (const char *sql :
             {"ALTER SYSTEM SET synchronous_standby_names = '*'", "SELECT pg_reload_conf()"})
            if (auto e = run(QStringLiteral("psql"),
                             {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                              QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), primary.uri(),
                              QStringLiteral("-c"), QString::fromLatin1(sql)});
                !e.isEmpty())
                return e;
    }
    return {};
}

QString PgCluster::killServer()
{
    QFile pidFile(m_data + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return QStringLiteral("no postmaster.pid in %1").arg(m_data);
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    // The whole server at once, as a machine that loses power: the postmaster and every backend.
    std::vector<pid_t> victims{pid};
    const auto procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : procs) {
        bool number = false;
        const pid_t child = pid_t(name.toLongLong(&number));
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(name));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const auto fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == pid)
            victims.push_back(child);
    }
    for (pid_t v : victims)
        ::kill(v, SIGKILL);
    for (int i = 0; i < 200; ++i) {
        bool alive = false;
        for (pid_t v : victims)
            alive = alive || isRunning(v);
        if (!alive)
            break;
        ::usleep(20000);
    }
    m_running = false;
    return {};
}

QString PgCluster::restart()
{
    QString last;
    // Backends of the killed server may still hold its shared memory for a moment: try for a few seconds.
    for (int i = 0; i < 20; ++i) {
        last = startServer();
        if (last.isEmpty())
            return {};
        ::usleep(250000);
    }
    return last;
}

QString PgCluster::promote()
{
    return run(QStringLiteral("runuser"),
               {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                pgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-w"),
                QStringLiteral("promote")});
}

PgCluster::~PgCluster()
{
    if (m_running)
        (void)run(QStringLiteral("runuser"),
                  {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                   pgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                   QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
}
