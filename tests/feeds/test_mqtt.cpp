// Live MQTT feed against a real Mosquitto broker started here on a free loopback port: messages published
// on vigie/<agency>/<format> reach the room, a bad topic is quarantined, and the listener comes back after
// the broker restarts.
#include "feeds/mqtt_session.h"
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vigie;

namespace {

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path =
            QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    return path;
}

struct Broker
{
    QProcess process;
    bool start(const QString &dir, int port)
    {
        const QString conf = dir + QStringLiteral("/mosquitto.conf");
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence false\n")
                    .arg(port)
                    .toUtf8());
        f.close();
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(findProgram(QStringLiteral("mosquitto")), {QStringLiteral("-c"), conf});
        if (!process.waitForStarted(5000))
            return false;
        // Ready when the port accepts connections.
        for (int i = 0; i < 100; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            addr.sin_port = htons(quint16(port));
            const bool up = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
            ::close(fd);
            if (up)
                return true;
            QThread::msleep(50);
        }
        return false;
    }
    void stop()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(2000);
        }
    }
    ~Broker() { stop(); }
};

bool publish(int port, const QString &topic, const QByteArray &payload)
{
    QProcess pub;
    pub.start(findProgram(QStringLiteral("mosquitto_pub")),
              {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
               QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), topic, QStringLiteral("-s")});
    if (!pub.waitForStarted(5000))
        return false;
    pub.write(payload);
    pub.closeWriteChannel();
    return pub.waitForFinished(10000) && pub.exitCode() == 0;
}

/// Reads the listener's output until a line contains `needle` (or the time runs out).
bool waitForLine(QProcess &p, QByteArray &seen, const QByteArray &needle, int occurrence, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (seen.count(needle) >= occurrence)
            return true;
        p.waitForReadyRead(100);
        seen += p.readAllStandardOutput();
        if (p.state() == QProcess::NotRunning) {
            seen += p.readAllStandardOutput();
            return seen.count(needle) >= occurrence;
        }
    }
    return false;
}

/// Why the broker tests cannot run here, empty when they can.
QString brokerMissing()
{
    return findProgram(QStringLiteral("mosquitto")).isEmpty() ||
                   findProgram(QStringLiteral("mosquitto_pub")).isEmpty()
               ? QStringLiteral(
                     "mosquitto / mosquitto_pub not installed (Debian packages mosquitto, mosquitto-clients)")
               : QString();
}

const QByteArray capAlert =
    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>MQ-1</identifier>"
    "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
    "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu de "
    "vehicule</event>"
    "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
    "<headline>Feu de vehicule quai du Port</headline><area><areaDesc>Vieux-Port</areaDesc>"
    "<circle>43.2951,5.3740 0.1</circle></area></info></alert>";

} // namespace

TEST(Mqtt, MessagesFromARealBrokerReachTheRoomAndSurviveARestart)
{
    if (const QString missing = brokerMissing(); !missing.isEmpty())
        GTEST_SKIP() << missing.toStdString();
    test::TempRoom t;
    const QString roomPath = t.path();
    t.room.reset(); // the listener process owns the room while it runs
    const int port = freeLoopbackPort();
    ASSERT_GT(port, 0);
    Broker broker;
    ASSERT_TRUE(broker.start(t.dir.path(), port)) << broker.process.readAll().toStdString();

    QProcess listener;
    listener.setProcessChannelMode(QProcess::SeparateChannels);
    listener.start(QStringLiteral(VIGIE_CLI),
                   {QStringLiteral("listen"), roomPath, QStringLiteral("--mqtt"),
                    QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--max-messages"),
                    QStringLiteral("5"), QStringLiteral("--seconds"), QStringLiteral("40")});
    ASSERT_TRUE(listener.waitForStarted(5000));
    QByteArray out;
    ASSERT_TRUE(waitForLine(listener, out, "subscribed", 1, 15000)) << out.toStdString();

    ASSERT_TRUE(publish(port, QStringLiteral("vigie/fire/cap"), capAlert));
    ASSERT_TRUE(publish(port, QStringLiteral("vigie/fire/cap"), capAlert)); // a gateway replay
    ASSERT_TRUE(publish(port, QStringLiteral("vigie/samu/nmea"),
                        "$GPRMC,190512.00,A,4317.7060,N,00522.4400,E,12.5,87.0,140726,,,A*5A\r\n"));
    ASSERT_TRUE(publish(port, QStringLiteral("vigie/nobody/cap"), capAlert));
    ASSERT_TRUE(waitForLine(listener, out, "message vigie/", 3, 15000)) << out.toStdString();
    ASSERT_TRUE(waitForLine(listener, out, "rejected topic", 1, 15000)) << out.toStdString();

    // The broker goes away and comes back on the same port: the listener reconnects by itself.
    broker.stop();
    Broker again;
    ASSERT_TRUE(again.start(t.dir.path(), port));
    ASSERT_TRUE(waitForLine(listener, out, "subscribed", 2, 20000)) << out.toStdString();
    ASSERT_TRUE(
        publish(port, QStringLiteral("vigie/police/auto"),
                R"({"type":"Feature","id":"cam-7","geometry":{"type":"Point","coordinates":[5.3745,43.2953]},
                            "properties":{"time":"2026-07-14T21:07:00+02:00","type":"rixe","title":"Rixe"}})"));
    ASSERT_TRUE(listener.waitForFinished(20000)) << out.toStdString();
    out += listener.readAllStandardOutput();
    EXPECT_EQ(listener.exitCode(), 0) << out.toStdString() << listener.readAllStandardError().toStdString();
    EXPECT_TRUE(out.contains("\"messages\":5")) << out.toStdString();
    EXPECT_TRUE(out.contains("\"duplicates\":1")) << out.toStdString();
    EXPECT_TRUE(out.contains("\"connects\":2")) << out.toStdString();

    auto room = Room::open(roomPath, t.clock);
    ASSERT_TRUE(room.ok()) << room.error().message.toStdString();
    auto entries = (*room)->store().read(EntryQuery{});
    ASSERT_TRUE(entries.ok());
    QStringList kinds;
    for (const auto &e : *entries)
        kinds << e.kind + u'/' + e.agency;
    EXPECT_TRUE(kinds.contains(QStringLiteral("incident.open/fire"))) << kinds.join(u' ').toStdString();
    EXPECT_TRUE(kinds.contains(QStringLiteral("unit.position/samu"))) << kinds.join(u' ').toStdString();
    EXPECT_TRUE(kinds.contains(QStringLiteral("incident.open/police"))) << kinds.join(u' ').toStdString();
    EXPECT_EQ(kinds.count(QStringLiteral("incident.open/fire")), 1);
    auto q = (*room)->store().quarantined();
    ASSERT_TRUE(q.ok());
    ASSERT_EQ(q->size(), 1u);
    EXPECT_TRUE(q->front().reason.contains(QStringLiteral("agency \"nobody\" is unknown")))
        << q->front().reason.toStdString();
}

// A broker's GeoJSON in another system's names is read through a mapping file, as `ingest --map` reads files;
// a bad mapping file stops the listener before it touches the room or the broker.
TEST(Mqtt, TheListenerReadsAnotherSystemsNamesThroughAMapping)
{
    if (const QString missing = brokerMissing(); !missing.isEmpty())
        GTEST_SKIP() << missing.toStdString();
    test::TempRoom t;
    const QString roomPath = t.path();
    t.room.reset();
    const QString map = t.dir.filePath(QStringLiteral("cta.map.json"));
    {
        QFile f(map);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(R"({"properties": {"id": "numero", "time": "infos/horodatage", "type": "nature",
                    "title": "libelle"}})");
    }
    const QString bad = t.dir.filePath(QStringLiteral("bad.map.json"));
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(R"({"properties": {"nature": "type"}})");
    }
    QProcess refused;
    refused.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("listen"), roomPath, QStringLiteral("--mqtt"),
                                              QStringLiteral("127.0.0.1:1"), QStringLiteral("--map"), bad});
    ASSERT_TRUE(refused.waitForFinished(10000));
    EXPECT_NE(refused.exitCode(), 0);
    const QString error = QString::fromUtf8(refused.readAllStandardError());
    EXPECT_TRUE(error.contains(QStringLiteral("bad.map.json")) && error.contains(QStringLiteral("nature")))
        << error.toStdString();

    const int port = freeLoopbackPort();
    ASSERT_GT(port, 0);
    Broker broker;
    ASSERT_TRUE(broker.start(t.dir.path(), port)) << broker.process.readAll().toStdString();
    QProcess listener;
    listener.start(QStringLiteral(VIGIE_CLI),
                   {QStringLiteral("listen"), roomPath, QStringLiteral("--mqtt"),
                    QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--map"), map,
                    QStringLiteral("--max-messages"), QStringLiteral("1"), QStringLiteral("--seconds"),
                    QStringLiteral("30")});
    ASSERT_TRUE(listener.waitForStarted(5000));
    QByteArray out;
    ASSERT_TRUE(waitForLine(listener, out, "subscribed", 1, 15000)) << out.toStdString();
    ASSERT_TRUE(publish(port, QStringLiteral("vigie/police/geojson"),
                        R"({"type":"Feature","geometry":{"type":"Point","coordinates":[5.3745,43.2953]},
            "properties":{"numero":"CTA-88","infos":{"horodatage":"2026-07-14T21:07:00+02:00"},
                          "nature":"rixe","libelle":"Rixe devant le bar"}})"));
    ASSERT_TRUE(listener.waitForFinished(20000)) << out.toStdString();
    out += listener.readAllStandardOutput();
    EXPECT_EQ(listener.exitCode(), 0) << out.toStdString() << listener.readAllStandardError().toStdString();
    auto room = Room::open(roomPath, t.clock);
    ASSERT_TRUE(room.ok()) << room.error().message.toStdString();
    auto entries = (*room)->store().read(EntryQuery{});
    ASSERT_TRUE(entries.ok());
    bool stored = false;
    for (const auto &e : *entries)
        stored |= e.kind == QLatin1String("incident.open") &&
                  e.data.value(QLatin1String("title")).toString() == QLatin1String("Rixe devant le bar");
    EXPECT_TRUE(stored) << out.toStdString();
    EXPECT_TRUE((*room)->store().quarantined()->empty());
}

// The session acknowledges only what the caller acknowledges: a message received but not acknowledged before
// the connection ends is sent again on the same persistent session, marked as a possible duplicate.
TEST(Mqtt, AMessageNotAcknowledgedIsSentAgain)
{
    if (const QString missing = brokerMissing(); !missing.isEmpty())
        GTEST_SKIP() << missing.toStdString();
    QTemporaryDir dir;
    const int port = freeLoopbackPort();
    Broker broker;
    ASSERT_TRUE(broker.start(dir.path(), port)) << broker.process.readAll().toStdString();
    auto receiveAll = [&](feeds::MqttSession &session, std::size_t count, int ms = 10000) {
        std::vector<feeds::MqttMessage> got;
        QElapsedTimer t;
        t.start();
        while (got.size() < count && t.elapsed() < ms) {
            auto polled = session.poll(100);
            EXPECT_TRUE(polled.ok()) << polled.error().message.toStdString();
            if (!polled)
                break;
            for (auto &m : *polled)
                got.push_back(std::move(m));
        }
        return got;
    };
    {
        feeds::MqttSession session;
        auto connected =
            session.connect(QStringLiteral("127.0.0.1"), port, QStringLiteral("desk-test"), false, 30);
        ASSERT_TRUE(connected.ok()) << connected.error().message.toStdString();
        EXPECT_FALSE(*connected) << "a new session";
        ASSERT_TRUE(session.subscribe(QStringLiteral("vigie/+/+")).ok());
        for (const char *payload : {"one", "two", "three"})
            ASSERT_TRUE(publish(port, QStringLiteral("vigie/fire/cap"), payload));
        const auto got = receiveAll(session, 3);
        ASSERT_EQ(got.size(), 3u);
        EXPECT_EQ(got[0].payload, "one");
        EXPECT_EQ(got[0].qos, 1);
        ASSERT_TRUE(session.acknowledge(got[0].packetId).ok());
        session.disconnect(); // "two" and "three" were never acknowledged
    }
    feeds::MqttSession again;
    auto resumed = again.connect(QStringLiteral("127.0.0.1"), port, QStringLiteral("desk-test"), false, 30);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message.toStdString();
    EXPECT_TRUE(*resumed) << "the broker kept the session";
    const auto redelivered = receiveAll(again, 2);
    ASSERT_EQ(redelivered.size(), 2u);
    EXPECT_EQ(redelivered[0].payload, "two");
    EXPECT_EQ(redelivered[1].payload, "three");
    EXPECT_TRUE(redelivered[0].duplicate);
    for (const auto &m : redelivered)
        ASSERT_TRUE(again.acknowledge(m.packetId).ok());
    EXPECT_TRUE(receiveAll(again, 1, 500).empty()) << "nothing else";
}
