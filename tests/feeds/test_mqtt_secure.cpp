// MQTT with a user name and password, and over TLS, against a real Mosquitto configured for both: a throwaway
// CA and server certificate are made here with the openssl command, the password file with mosquitto_passwd.
#include "feeds/mqtt_listener.h"
#include "feeds/mqtt_session.h"
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path =
            QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    return path;
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool listening(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool up = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return up;
}

// Runs a program to its end; its output on failure.
bool run(const QString &program, const QStringList &args, const QString &dir, QString *output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(findProgram(program), args);
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return ok;
}

const QString user = QStringLiteral("desk");
const QByteArray password = "s3cret-for-tests";

// A Mosquitto with two listeners, both requiring a password: plain TCP and TLS (server certificate for
// "localhost" and 127.0.0.1 by a throwaway CA). A second CA signs nothing of the broker's.
struct SecureBroker
{
    QTemporaryDir dir;
    QProcess process;
    int plainPort = 0;
    int tlsPort = 0;
    QString error;

    QString path(const char *name) const { return dir.filePath(QString::fromLatin1(name)); }

    bool make(const QStringList &args)
    {
        QString out;
        if (run(QStringLiteral("openssl"), args, dir.path(), &out))
            return true;
        error = QStringLiteral("openssl %1: %2").arg(args.join(u' '), out);
        return false;
    }

    bool start()
    {
        const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        QFile ext(path("server.ext"));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        ext.close();
        if (!make(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                  QStringList{QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                              QStringLiteral("/CN=Vigie test CA"), QStringLiteral("-keyout"),
                              QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem")}) ||
            !make(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                  QStringList{QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                              QStringLiteral("/CN=Other CA"), QStringLiteral("-keyout"),
                              QStringLiteral("other.key"), QStringLiteral("-out"),
                              QStringLiteral("other.pem")}) ||
            !make(QStringList{QStringLiteral("req")} + ec +
                  QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                              QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                              QStringLiteral("server.csr")}) ||
            !make({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                   QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                   QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"),
                   QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.pem")}))
            return false;
        QString out;
        if (!run(QStringLiteral("mosquitto_passwd"),
                 {QStringLiteral("-c"), QStringLiteral("-b"), path("passwords"), user,
                  QString::fromLatin1(password)},
                 dir.path(), &out)) {
            error = QStringLiteral("mosquitto_passwd: ") + out;
            return false;
        }
        // Mosquitto started as root drops to its own user, which must read these throwaway files.
        const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                              QFileDevice::ReadOther;
        QFile::setPermissions(dir.path(), readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                              QFileDevice::ExeOther);
        for (const char *file : {"ca.pem", "server.pem", "server.key", "passwords"})
            QFile::setPermissions(path(file), readable);
        plainPort = freeLoopbackPort();
        tlsPort = freeLoopbackPort();
        QFile conf(path("mosquitto.conf"));
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        conf.write(QStringLiteral("per_listener_settings false\nallow_anonymous false\npassword_file %1\n"
                                  "persistence false\nlistener %2 127.0.0.1\nlistener %3 127.0.0.1\n"
                                  "cafile %4\ncertfile %5\nkeyfile %6\n")
                       .arg(path("passwords"))
                       .arg(plainPort)
                       .arg(tlsPort)
                       .arg(path("ca.pem"), path("server.pem"), path("server.key"))
                       .toUtf8());
        conf.close();
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(findProgram(QStringLiteral("mosquitto")),
                      {QStringLiteral("-c"), path("mosquitto.conf")});
        if (!process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100 && process.state() == QProcess::Running; ++i) {
            if (listening(plainPort) && listening(tlsPort))
                return true;
            process.waitForFinished(50);
        }
        error = QString::fromUtf8(process.readAll());
        return false;
    }

    bool publish(const QString &topic, const QByteArray &payload)
    {
        QProcess pub;
        pub.start(findProgram(QStringLiteral("mosquitto_pub")),
                  {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                   QString::number(plainPort), QStringLiteral("-u"), user, QStringLiteral("-P"),
                   QString::fromLatin1(password), QStringLiteral("-q"), QStringLiteral("1"),
                   QStringLiteral("-t"), topic, QStringLiteral("-s")});
        if (!pub.waitForStarted(5000))
            return false;
        pub.write(payload);
        pub.closeWriteChannel();
        return pub.waitForFinished(10000) && pub.exitCode() == 0;
    }

    ~SecureBroker()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(2000);
        }
    }
};

bool toolsMissing()
{
    return findProgram(QStringLiteral("mosquitto")).isEmpty() ||
           findProgram(QStringLiteral("mosquitto_pub")).isEmpty() ||
           findProgram(QStringLiteral("mosquitto_passwd")).isEmpty() ||
           findProgram(QStringLiteral("openssl")).isEmpty();
}

std::vector<MqttMessage> receive(MqttSession &session, std::size_t count, int ms = 10000)
{
    std::vector<MqttMessage> got;
    QElapsedTimer t;
    t.start();
    while (got.size() < count && t.elapsed() < ms) {
        auto polled = session.poll(100);
        if (!polled)
            break;
        for (auto &m : *polled)
            got.push_back(std::move(m));
    }
    return got;
}

MqttSecurity credentials(const QByteArray &pass = password)
{
    MqttSecurity s;
    s.username = user;
    s.password = pass;
    return s;
}

} // namespace

TEST(MqttSecure, PasswordRightGetsMessagesWrongIsRefused)
{
    if (toolsMissing())
        GTEST_SKIP() << "mosquitto, mosquitto-clients or openssl not installed";
    SecureBroker broker;
    ASSERT_TRUE(broker.start()) << broker.error.toStdString();
    MqttSession session;
    auto connected = session.connect(QStringLiteral("127.0.0.1"), broker.plainPort, QStringLiteral("pw-ok"),
                                     true, 30, 5000, credentials());
    ASSERT_TRUE(connected.ok()) << connected.error().message.toStdString();
    ASSERT_TRUE(session.subscribe(QStringLiteral("vigie/+/+")).ok());
    ASSERT_TRUE(broker.publish(QStringLiteral("vigie/fire/cap"), "hello"));
    const auto got = receive(session, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].payload, "hello");

    MqttSession wrong;
    auto refused = wrong.connect(QStringLiteral("127.0.0.1"), broker.plainPort, QStringLiteral("pw-bad"),
                                 true, 30, 5000, credentials("not-the-password"));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(u"user name or password"))
        << refused.error().message.toStdString();
    EXPECT_FALSE(wrong.connected());
    MqttSession anonymous;
    EXPECT_FALSE(
        anonymous.connect(QStringLiteral("127.0.0.1"), broker.plainPort, QStringLiteral("pw-none"), true, 30)
            .ok());
}

TEST(MqttSecure, TlsWithTheRightCaWorksAWrongCaOrNameIsRefused)
{
    if (toolsMissing())
        GTEST_SKIP() << "mosquitto, mosquitto-clients or openssl not installed";
    SecureBroker broker;
    ASSERT_TRUE(broker.start()) << broker.error.toStdString();
    MqttSecurity tls = credentials();
    tls.tls = true;
    tls.caFile = broker.path("ca.pem");
    {
        MqttSession session;
        auto connected = session.connect(QStringLiteral("localhost"), broker.tlsPort,
                                         QStringLiteral("tls-ok"), true, 30, 5000, tls);
        ASSERT_TRUE(connected.ok()) << connected.error().message.toStdString();
        ASSERT_TRUE(session.subscribe(QStringLiteral("vigie/+/+")).ok());
        ASSERT_TRUE(broker.publish(QStringLiteral("vigie/fire/cap"), "over tls"));
        const auto got = receive(session, 1);
        ASSERT_EQ(got.size(), 1u);
        EXPECT_EQ(got[0].payload, "over tls");
    }
    MqttSecurity otherCa = tls;
    otherCa.caFile = broker.path("other.pem");
    MqttSession a;
    auto refusedCa = a.connect(QStringLiteral("localhost"), broker.tlsPort, QStringLiteral("tls-ca"), true,
                               30, 5000, otherCa);
    ASSERT_FALSE(refusedCa.ok());
    EXPECT_TRUE(refusedCa.error().message.contains(u"certificate is refused"))
        << refusedCa.error().message.toStdString();
    MqttSecurity otherName = tls;
    otherName.serverName = QStringLiteral("broker.example.org");
    MqttSession b;
    auto refusedName = b.connect(QStringLiteral("127.0.0.1"), broker.tlsPort, QStringLiteral("tls-name"),
                                 true, 30, 5000, otherName);
    ASSERT_FALSE(refusedName.ok());
    EXPECT_TRUE(refusedName.error().message.contains(u"hostname mismatch"))
        << refusedName.error().message.toStdString();
    // The broker's TLS port does not speak plain MQTT: no silent fallback.
    MqttSession plain;
    EXPECT_FALSE(plain
                     .connect(QStringLiteral("127.0.0.1"), broker.tlsPort, QStringLiteral("tls-plain"), true,
                              30, 2000, credentials())
                     .ok());
}

TEST(MqttSecure, OverTlsMessagesAreAcknowledgedOnlyOnceStored)
{
    if (toolsMissing())
        GTEST_SKIP() << "mosquitto, mosquitto-clients or openssl not installed";
    SecureBroker broker;
    ASSERT_TRUE(broker.start()) << broker.error.toStdString();
    test::TempRoom t;
    const FeedRegistry registry;
    MqttOptions options;
    options.host = QStringLiteral("localhost");
    options.port = broker.tlsPort;
    options.clientId = QStringLiteral("tls-listener");
    options.security = credentials();
    options.security.tls = true;
    options.security.caFile = broker.path("ca.pem");
    const QByteArray alert =
        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>TLS-1</identifier>"
        "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
        "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu</event>"
        "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
        "<area><areaDesc>x</areaDesc><circle>43.2951,5.3740 0.1</circle></area></info></alert>";
    {
        MqttListener listener(*t.room, registry, options);
        bool subscribed = false;
        listener.onEvent = [&](const QString &event) {
            subscribed = subscribed || event.contains(u"subscribed");
        };
        bool published = false;
        QElapsedTimer timer;
        timer.start();
        auto r = listener.run([&] {
            if (subscribed && !published)
                published = broker.publish(QStringLiteral("vigie/fire/cap"), alert);
            return listener.stats().acknowledged < 1 && timer.elapsed() < 20000;
        });
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_EQ(listener.stats().stored, 1);
        EXPECT_EQ(listener.stats().acknowledged, 1);
        EXPECT_EQ(listener.stats().connects, 1);
    }
    // Stored in the room, and the broker has nothing left for the session.
    auto entries = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(entries.ok());
    int fromFeed = 0;
    for (const Entry &e : *entries)
        fromFeed += e.data.value(u"feed_source").toString().contains(u"vigie/fire/cap") ? 1 : 0;
    EXPECT_EQ(fromFeed, 1);
    MqttSession after;
    auto resumed = after.connect(QStringLiteral("localhost"), broker.tlsPort, QStringLiteral("tls-listener"),
                                 false, 30, 5000, options.security);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message.toStdString();
    EXPECT_TRUE(*resumed) << "the same persistent session";
    EXPECT_TRUE(receive(after, 1, 500).empty()) << "nothing unacknowledged";
}
