#pragma once
// One MQTT 3.1.1 session of a subscriber that acknowledges a message only when the caller says so: after
// the message is committed to the room. Written by hand because no packaged client can wait: libmosquitto
// 2.0 (Debian 12) sends PUBACK before it even calls its message callback, and only 2.1 adds manual
// acknowledgement; Paho C does the same and Qt MQTT is not packaged for Qt 6.4. A subscriber needs seven of
// the protocol's packets (OASIS MQTT 3.1.1: CONNECT/CONNACK, SUBSCRIBE/SUBACK, PUBLISH/PUBACK,
// PINGREQ/PINGRESP, DISCONNECT), over a blocking TCP socket polled with a timeout, optionally in TLS
// (OpenSSL's libssl over the same socket; the broker's certificate is verified, host name included) and
// with a user name and password (CONNECT flags, §3.1.2.8–9).
//
// With a persistent session (clean session off, a stable client id) the broker keeps what it has not had
// acknowledged, across our restarts and its own (with persistence on), and sends it again: a message is
// acknowledged once stored, stored at least once, and its duplicate is recognised by the room's feed keys.
#include "util/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <vector>

struct ssl_st;
struct ssl_ctx_st;

namespace vigie::feeds {

/// How to authenticate to the broker and protect the connection.
struct MqttSecurity
{
    QString username;    ///< empty = none (CONNECT without user name or password)
    QByteArray password; ///< sent only with a user name; read from a file or the environment, never argv
    bool tls = false;    ///< TLS (OpenSSL's libssl) to the broker
    QString caFile;      ///< PEM certificates the broker's must chain to; empty = the system's store
    QString serverName;  ///< the name the broker's certificate must carry; empty = the host connected to
    QString certFile;    ///< client certificate (PEM), for brokers that require one; empty = none
    QString keyFile;     ///< its private key (PEM); empty = in certFile
};

struct MqttMessage
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    quint16 packetId = 0;   ///< to acknowledge (QoS 1); 0 for QoS 0
    bool duplicate = false; ///< the broker says it may have sent it before
};

class MqttSession
{
public:
    MqttSession() = default;
    ~MqttSession();
    MqttSession(const MqttSession &) = delete;
    MqttSession &operator=(const MqttSession &) = delete;

    /// Connects and waits for CONNACK; returns whether the broker still had our session.
    [[nodiscard]] Result<bool> connect(const QString &host, int port, const QString &clientId,
                                       bool cleanSession, int keepAliveSeconds, int timeoutMs = 5000,
                                       const MqttSecurity &security = {});
    /// Subscribes at QoS 1 and waits for SUBACK (messages arriving meanwhile are kept for poll()).
    [[nodiscard]] Result<void> subscribe(const QString &filter, int timeoutMs = 5000);
    /// Messages received within `timeoutMs` (those already waiting, without waiting, when there are some).
    /// Keeps the connection alive (PINGREQ). An error means the connection is lost.
    [[nodiscard]] Result<std::vector<MqttMessage>> poll(int timeoutMs);
    /// Acknowledges a QoS 1 message: the broker forgets it.
    [[nodiscard]] Result<void> acknowledge(quint16 packetId);
    /// Says goodbye (DISCONNECT) and closes; the broker keeps a persistent session's unacknowledged messages.
    void disconnect();
    [[nodiscard]] bool connected() const { return m_fd >= 0; }

private:
    [[nodiscard]] Result<void> send(const QByteArray &packet);
    /// Reads what the socket has (waiting up to timeoutMs for the first bytes); an error if closed.
    [[nodiscard]] Result<void> receive(int timeoutMs);
    /// Takes whole packets off m_in: PUBLISH into m_messages, acknowledgements into m_acks.
    [[nodiscard]] Result<void> parsePackets();
    void close();
    /// TLS handshake over the connected socket, the broker's certificate checked; closes on failure.
    [[nodiscard]] Result<void> startTls(const QString &host, const MqttSecurity &security, int timeoutMs);
    /// Waits until the socket is ready for what OpenSSL asked (SSL_ERROR_WANT_READ / _WRITE).
    [[nodiscard]] bool waitFor(int sslError, int timeoutMs) const;

    int m_fd = -1;
    ssl_st *m_ssl = nullptr; ///< the TLS session over m_fd, when TLS is on
    ssl_ctx_st *m_sslCtx = nullptr;
    QString m_peer; ///< host:port, for messages
    QByteArray m_in;
    std::vector<MqttMessage> m_messages;
    std::vector<std::pair<quint8, QByteArray>> m_control; ///< CONNACK, SUBACK… (type, body) not yet consumed
    int m_keepAliveSeconds = 0;
    QElapsedTimer m_sinceSent; ///< since our last packet (PINGREQ is due after keepAlive/2)
    quint16 m_nextPacketId = 1;
};

} // namespace vigie::feeds
