#pragma once
// Live feeds over MQTT: subscribes to vigie/<agency>/<format> and ingests every message as it arrives. The
// agency and format come from the topic ("auto" detects the format). A message is acknowledged to the broker
// only once the batch that holds it is committed to the room (MqttSession), on a persistent session with a
// stable client id: what the listener has not stored when it stops, crashes or loses the broker is sent
// again by the broker, and a message sent twice is counted, not stored twice (the room's feed keys). A lost
// broker is retried with exponential back-off; refused messages go to the quarantine in their batch's
// transaction. The broker must keep what it queues: see docs/mqtt.md.
#include "feeds/ingestor.h"
#include "feeds/mqtt_session.h"

#include <QElapsedTimer>

#include <functional>
#include <memory>

namespace vigie::feeds {

struct MqttOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    /// The session's name at the broker, stable across restarts so that the broker keeps what was not
    /// acknowledged; empty = defaultClientId(room, topic).
    QString clientId;
    QString topic = QStringLiteral("vigie/+/+");
    int keepAliveSeconds = 30;
    int minBackoffMs = 200;    ///< first retry after a lost connection
    int maxBackoffMs = 30'000; ///< retries never wait longer than this
    /// Messages are ingested in batches, one transaction (one sync) each: a batch is written as soon as no
    /// further message is waiting (so it grows with the load), and at the latest this long after its first
    /// message arrived…
    int maxBatchDelayMs = 50;
    int maxBatchMessages = 1000;   ///< … or as soon as it holds this many
    MqttSecurity security;         ///< user name, password and TLS to the broker
    QString trustAnchors;          ///< FeedContext::trustAnchors of every message
    bool requireSignature = false; ///< FeedContext::requireSignature of every message
};

struct MqttStats
{
    qint64 messages = 0; ///< MQTT messages received
    qint64 stored = 0;   ///< feed messages stored for the first time
    qint64 duplicates = 0;
    qint64 rejected = 0;     ///< items quarantined
    qint64 batches = 0;      ///< append transactions
    qint64 acknowledged = 0; ///< messages acknowledged to the broker (each after its batch committed)
    qint64 connects = 0;     ///< successful connections (1 + reconnections)
    qint64 failures = 0;     ///< failed connection attempts or lost connections
    Timestamp lastMessage;   ///< arrival of the last message (for staleness)
};

class MqttListener
{
public:
    MqttListener(Room &room, const FeedRegistry &registry, MqttOptions options);
    ~MqttListener();
    MqttListener(const MqttListener &) = delete;
    MqttListener &operator=(const MqttListener &) = delete;

    /// Called after each subscription (first connection and reconnections) and after each message.
    std::function<void(const QString &event)> onEvent;
    /// The ingestor of the batches (fusion attaches to it).
    [[nodiscard]] Ingestor &ingestor() { return m_ingestor; }

    /// Runs the network loop until `keepGoing` returns false (checked at least every 100 ms). Fails only
    /// when the room cannot be written or the client cannot be created; broker outages are retried.
    [[nodiscard]] Result<void> run(const std::function<bool()> &keepGoing);
    [[nodiscard]] const MqttStats &stats() const { return m_stats; }

    /// "vigie-" and a digest of the room's id and the topic filter: one session per room and feed.
    [[nodiscard]] static QString defaultClientId(const QString &roomId, const QString &topic);
    /// Agency and format named by a topic vigie/<agency>/<format>; an error naming the topic otherwise.
    [[nodiscard]] static Result<std::pair<QString, QString>> parseTopic(const QString &topic,
                                                                        const FeedRegistry &registry);

private:
    void handleMessage(const MqttMessage &message);
    /// Ingests the pending batch (if any) in one transaction, then acknowledges its messages.
    void flush(MqttSession &session);
    [[nodiscard]] bool flushDue() const;

    Room &m_room;
    const FeedRegistry &m_registry;
    Ingestor m_ingestor;
    MqttOptions m_options;
    MqttStats m_stats;
    std::optional<Error> m_fatal;
    std::vector<FeedInput> m_pending;
    std::vector<Refused> m_pendingRefused;
    QStringList m_pendingTopics;
    /// Packet ids to acknowledge once the pending batch is committed, with the connection they came on (an
    /// id means nothing on another connection: those messages come again and count as repeats).
    std::vector<std::pair<quint16, qint64>> m_pendingAcks;
    qint64 m_connection = 0;      ///< counts connections
    QElapsedTimer m_pendingSince; ///< started at the first message of the pending batch
};

} // namespace vigie::feeds
