#include "feeds/mqtt_listener.h"

#include "model/agency.h"

#include <QThread>
#include <QUuid>

#include <mosquitto.h>

#include <algorithm>
#include <mutex>
#include <utility>

namespace vigie::feeds {

namespace {

// mosquitto_lib_init is process-wide and not reentrant: once, on first use.
void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

QString mosquittoError(int rc)
{
    return QString::fromUtf8(mosquitto_strerror(rc));
}

} // namespace

struct MqttListener::Client
{
    mosquitto *mosq = nullptr;
    ~Client()
    {
        if (mosq) {
            mosquitto_disconnect(mosq);
            mosquitto_destroy(mosq);
        }
    }
};

MqttListener::MqttListener(Room &room, const FeedRegistry &registry, MqttOptions options)
    : m_room(room), m_registry(registry), m_ingestor(room, registry), m_options(std::move(options))
{}

MqttListener::~MqttListener() = default;

Result<std::pair<QString, QString>> MqttListener::parseTopic(const QString &topic,
                                                             const FeedRegistry &registry)
{
    const QStringList parts = topic.split(u'/');
    if (parts.size() != 3 || parts[0] != u"vigie")
        return Error{QStringLiteral("topic \"%1\" is not vigie/<agency>/<format>").arg(topic.left(200))};
    if (!agencyFromId(parts[1]))
        return Error{
            QStringLiteral("topic \"%1\": agency \"%2\" is unknown (fire, samu, police or officials)")
                .arg(topic.left(200), parts[1].left(64))};
    if (parts[2] != u"auto" && !registry.byFormat(parts[2]))
        return Error{QStringLiteral("topic \"%1\": format \"%2\" is unknown (auto, %3)")
                         .arg(topic.left(200), parts[2].left(64), registry.formats().join(u", "))};
    return std::pair{parts[1], parts[2] == u"auto" ? QString() : parts[2]};
}

void MqttListener::handleMessage(const QString &topic, const QByteArray &payload)
{
    if (m_fatal)
        return;
    ++m_stats.messages;
    m_stats.lastMessage = m_room.clock().now();
    const QString label = QStringLiteral("mqtt:") + topic.left(200);
    auto parsed = parseTopic(topic, m_registry);
    if (!parsed) {
        ++m_stats.rejected;
        if (auto q = m_room.quarantine(
                label, {{QStringLiteral("topic"), parsed.error().message, payload.left(64 * 1024)}});
            !q)
            m_fatal = q.error();
        if (onEvent)
            onEvent(QStringLiteral("rejected ") + parsed.error().message);
        return;
    }
    FeedContext context;
    context.source = topic;
    context.sourceLabel = label;
    context.mode = m_room.info().mode;
    context.agency = parsed->first;
    context.unit = parsed->first + QStringLiteral("-avl");
    if (m_pending.empty())
        m_pendingSince.start();
    m_pending.push_back({payload, std::move(context), parsed->second});
    m_pendingTopics << topic;
    if (qsizetype(m_pending.size()) >= m_options.maxBatchMessages)
        flush();
}

bool MqttListener::flushDue() const
{
    return !m_pending.empty() && m_pendingSince.elapsed() >= m_options.maxBatchDelayMs;
}

void MqttListener::flush()
{
    if (m_pending.empty() || m_fatal)
        return;
    const QStringList topics = std::exchange(m_pendingTopics, {});
    auto report = m_ingestor.ingestAll(std::exchange(m_pending, {}));
    if (!report) {
        m_fatal = report.error();
        return;
    }
    ++m_stats.batches;
    m_stats.stored += report->stored;
    m_stats.duplicates += report->duplicates;
    m_stats.rejected += report->rejected;
    if (onEvent) {
        for (const QString &topic : topics)
            onEvent(QStringLiteral("message %1").arg(topic));
        onEvent(QStringLiteral("batch of %1: %2 stored, %3 duplicate, %4 rejected")
                    .arg(topics.size())
                    .arg(report->stored)
                    .arg(report->duplicates)
                    .arg(report->rejected));
    }
}

Result<void> MqttListener::run(const std::function<bool()> &keepGoing)
{
    initLibrary();
    const QByteArray id =
        (m_options.clientId.isEmpty()
             ? QStringLiteral("vigie-") + QUuid::createUuid().toString(QUuid::Id128).left(12)
             : m_options.clientId)
            .toUtf8();
    m_client = std::make_unique<Client>();
    // clean_session=false with a fixed id would keep messages while we are away; a random id cannot, so a
    // clean session is the honest choice there.
    m_client->mosq = mosquitto_new(id.constData(), m_options.clientId.isEmpty(), this);
    if (!m_client->mosq)
        return Error{
            QStringLiteral("MQTT %1:%2: cannot create a client").arg(m_options.host).arg(m_options.port)};
    mosquitto *mosq = m_client->mosq;
    mosquitto_connect_callback_set(mosq, [](mosquitto *m, void *self, int rc) {
        auto *l = static_cast<MqttListener *>(self);
        if (rc != 0) {
            ++l->m_stats.failures;
            return;
        }
        l->m_connected = true;
        ++l->m_stats.connects;
        mosquitto_subscribe(m, nullptr, l->m_options.topic.toUtf8().constData(), 1);
    });
    mosquitto_subscribe_callback_set(mosq, [](mosquitto *, void *self, int, int, const int *) {
        auto *l = static_cast<MqttListener *>(self);
        if (l->onEvent)
            l->onEvent(QStringLiteral("subscribed %1 on %2:%3")
                           .arg(l->m_options.topic, l->m_options.host)
                           .arg(l->m_options.port));
    });
    mosquitto_disconnect_callback_set(mosq, [](mosquitto *, void *self, int rc) {
        auto *l = static_cast<MqttListener *>(self);
        l->m_connected = false;
        if (rc != 0)
            ++l->m_stats.failures;
    });
    mosquitto_message_callback_set(mosq, [](mosquitto *, void *self, const mosquitto_message *msg) {
        auto *l = static_cast<MqttListener *>(self);
        l->handleMessage(QString::fromUtf8(msg->topic),
                         QByteArray(static_cast<const char *>(msg->payload), msg->payloadlen));
    });

    const QByteArray host = m_options.host.toUtf8();
    int backoff = m_options.minBackoffMs;
    bool needConnect = true;
    bool everConnected = false;
    while (keepGoing() && !m_fatal) {
        if (flushDue())
            flush();
        if (needConnect) {
            const int rc = everConnected ? mosquitto_reconnect(mosq)
                                         : mosquitto_connect(mosq, host.constData(), m_options.port,
                                                             m_options.keepAliveSeconds);
            if (rc != MOSQ_ERR_SUCCESS) {
                ++m_stats.failures;
                if (onEvent)
                    onEvent(QStringLiteral("cannot connect to %1:%2 (%3); retrying in %4 ms")
                                .arg(m_options.host)
                                .arg(m_options.port)
                                .arg(mosquittoError(rc))
                                .arg(backoff));
                // Sleep in short slices so that keepGoing() stays responsive during long back-offs.
                for (int waited = 0; waited < backoff && keepGoing(); waited += 50)
                    QThread::msleep(50);
                backoff = std::min(backoff * 2, m_options.maxBackoffMs);
                continue;
            }
            everConnected = true;
            needConnect = false;
        }
        // Group commit: with a batch pending, only take what has already arrived, and write the batch as
        // soon as nothing more is waiting. A quiet feed is written at once; under a burst, the messages that
        // arrive while one batch is written form the next, so batches grow with the load and each sync
        // serves more messages (the delay and size limits above still bound a batch).
        const qint64 received = m_stats.messages;
        const int rc = mosquitto_loop(mosq, m_pending.empty() ? 100 : 0, 1);
        if (!m_pending.empty() && m_stats.messages == received)
            flush();
        if (m_connected)
            backoff = m_options.minBackoffMs;
        if (rc != MOSQ_ERR_SUCCESS) {
            m_connected = false;
            needConnect = true;
            if (onEvent)
                onEvent(QStringLiteral("connection to %1:%2 lost (%3)")
                            .arg(m_options.host)
                            .arg(m_options.port)
                            .arg(mosquittoError(rc)));
        }
    }
    flush(); // what arrived before the stop is stored too
    if (m_fatal)
        return *m_fatal;
    return {};
}

} // namespace vigie::feeds
