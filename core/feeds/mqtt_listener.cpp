#include "feeds/mqtt_listener.h"

#include "model/agency.h"

#include <QCryptographicHash>
#include <QThread>

#include <algorithm>
#include <utility>

namespace vigie::feeds {

MqttListener::MqttListener(Room &room, const FeedRegistry &registry, MqttOptions options)
    : m_room(room), m_registry(registry), m_ingestor(room, registry), m_options(std::move(options))
{}

MqttListener::~MqttListener() = default;

QString MqttListener::defaultClientId(const QString &roomId, const QString &topic)
{
    // MQTT 3.1.1 brokers must accept ids of up to 23 characters: "vigie-" and 17 hex digits.
    const QByteArray digest =
        QCryptographicHash::hash((roomId + u'\n' + topic).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("vigie-") + QString::fromLatin1(digest.left(17));
}

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

void MqttListener::handleMessage(const MqttMessage &message)
{
    if (m_fatal)
        return;
    ++m_stats.messages;
    m_stats.lastMessage = m_room.clock().now();
    if (m_pending.empty() && m_pendingRefused.empty())
        m_pendingSince.start();
    if (message.packetId != 0)
        m_pendingAcks.emplace_back(message.packetId, m_connection);
    const QString label = QStringLiteral("mqtt:") + message.topic.left(200);
    auto parsed = parseTopic(message.topic, m_registry);
    if (!parsed) {
        // Kept with the batch, in its transaction, and acknowledged with it.
        m_pendingRefused.push_back(
            {label, {{QStringLiteral("topic"), parsed.error().message, message.payload.left(64 * 1024)}}});
        if (onEvent)
            onEvent(QStringLiteral("rejected ") + parsed.error().message);
        return;
    }
    FeedContext context;
    context.source = message.topic;
    context.sourceLabel = label;
    context.mode = m_room.info().mode;
    context.agency = parsed->first;
    context.unit = parsed->first + QStringLiteral("-avl");
    context.trustAnchors = m_options.trustAnchors;
    context.requireSignature = m_options.requireSignature;
    m_pending.push_back({message.payload, std::move(context), parsed->second});
    m_pendingTopics << message.topic;
}

bool MqttListener::flushDue() const
{
    const qsizetype held = qsizetype(m_pending.size() + m_pendingRefused.size());
    return held > 0 &&
           (held >= m_options.maxBatchMessages || m_pendingSince.elapsed() >= m_options.maxBatchDelayMs);
}

void MqttListener::flush(MqttSession &session)
{
    if ((m_pending.empty() && m_pendingRefused.empty()) || m_fatal)
        return;
    const QStringList topics = std::exchange(m_pendingTopics, {});
    const qint64 refusedTopics = qint64(m_pendingRefused.size());
    auto report = m_ingestor.ingestAll(std::exchange(m_pending, {}), std::exchange(m_pendingRefused, {}));
    if (!report) {
        // Nothing of the batch is stored, so nothing is acknowledged: the broker keeps it for the next run.
        m_fatal = report.error();
        m_pendingAcks.clear();
        return;
    }
    ++m_stats.batches;
    m_stats.stored += report->stored;
    m_stats.duplicates += report->duplicates;
    m_stats.rejected += report->rejected + refusedTopics;
    // Committed: now, and only now, the broker may forget these messages.
    for (const auto &[packetId, connection] : std::exchange(m_pendingAcks, {})) {
        if (connection != m_connection || !session.connected())
            continue; // that connection is gone: the broker sends the message again, a repeat
        if (auto r = session.acknowledge(packetId); !r)
            break;
        ++m_stats.acknowledged;
    }
    if (onEvent) {
        for (const QString &topic : topics)
            onEvent(QStringLiteral("message %1").arg(topic));
        onEvent(QStringLiteral("batch of %1: %2 stored, %3 duplicate, %4 rejected")
                    .arg(topics.size() + refusedTopics)
                    .arg(report->stored)
                    .arg(report->duplicates)
                    .arg(report->rejected + refusedTopics));
    }
}

Result<void> MqttListener::run(const std::function<bool()> &keepGoing)
{
    const QString clientId = m_options.clientId.isEmpty() ? defaultClientId(m_room.info().id, m_options.topic)
                                                          : m_options.clientId;
    MqttSession session;
    int backoff = m_options.minBackoffMs;
    while (keepGoing() && !m_fatal) {
        if (!session.connected()) {
            // What arrived before the loss is stored; its acknowledgements went with the connection.
            flush(session);
            auto connected = session.connect(m_options.host, m_options.port, clientId, false,
                                             m_options.keepAliveSeconds, 5000, m_options.security);
            Result<void> subscribed =
                connected ? session.subscribe(m_options.topic) : Result<void>(connected.error());
            if (!subscribed) {
                ++m_stats.failures;
                session.disconnect();
                if (onEvent)
                    onEvent(QStringLiteral("cannot connect to %1:%2 (%3); retrying in %4 ms")
                                .arg(m_options.host)
                                .arg(m_options.port)
                                .arg(subscribed.error().message)
                                .arg(backoff));
                // Sleep in short slices so that keepGoing() stays responsive during long back-offs.
                for (int waited = 0; waited < backoff && keepGoing(); waited += 50)
                    QThread::msleep(50);
                backoff = std::min(backoff * 2, m_options.maxBackoffMs);
                continue;
            }
            ++m_connection;
            ++m_stats.connects;
            backoff = m_options.minBackoffMs;
            if (onEvent)
                onEvent(QStringLiteral("subscribed %1 on %2:%3 as %4 (%5)")
                            .arg(m_options.topic, m_options.host)
                            .arg(m_options.port)
                            .arg(clientId, *connected ? QStringLiteral("session resumed")
                                                      : QStringLiteral("new session")));
        }
        if (flushDue())
            flush(session);
        // Group commit: with a batch pending, only take what has already arrived, and write the batch as
        // soon as nothing more is waiting. A quiet feed is written at once; under a burst, the messages that
        // arrive while one batch is written form the next, so batches grow with the load (up to what the
        // broker sends before it has acknowledgements back: its max_inflight_messages).
        const bool holding = !m_pending.empty() || !m_pendingRefused.empty();
        auto received = session.poll(holding ? 0 : 100);
        if (!received) {
            ++m_stats.failures;
            if (onEvent)
                onEvent(QStringLiteral("connection to %1:%2 lost (%3)")
                            .arg(m_options.host)
                            .arg(m_options.port)
                            .arg(received.error().message));
            continue;
        }
        for (const MqttMessage &m : *received)
            handleMessage(m);
        if (received->empty() && (!m_pending.empty() || !m_pendingRefused.empty()))
            flush(session);
    }
    flush(session); // what arrived before the stop is stored and acknowledged
    session.disconnect();
    if (m_fatal)
        return *m_fatal;
    return {};
}

} // namespace vigie::feeds
