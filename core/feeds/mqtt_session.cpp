#include "feeds/mqtt_session.h"

#include <QFile>
#include <QtEndian>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigie::feeds {

namespace {

// Packet types (MQTT 3.1.1 §2.2.1), in the high nibble of the first byte.
constexpr quint8 connectPacket = 1, connackPacket = 2, publishPacket = 3, pubackPacket = 4,
                 subscribePacket = 8, subackPacket = 9, pingreqPacket = 12, pingrespPacket = 13,
                 disconnectPacket = 14;
/// The largest packet accepted: a message this large is refused downstream anyway, but must be read whole to
/// stay in step with the stream.
constexpr qint64 maxPacketBytes = 256ll * 1024 * 1024;

void appendLength(QByteArray &out, qint64 length)
{
    do {
        quint8 digit = quint8(length % 128);
        length /= 128;
        if (length > 0)
            digit |= 0x80;
        out.append(char(digit));
    } while (length > 0);
}

void appendString(QByteArray &out, const QByteArray &utf8)
{
    out.append(char(utf8.size() >> 8));
    out.append(char(utf8.size() & 0xff));
    out.append(utf8);
}

QByteArray packet(quint8 firstByte, const QByteArray &body)
{
    QByteArray out;
    out.append(char(firstByte));
    appendLength(out, body.size());
    out.append(body);
    return out;
}

QString connackReason(int code)
{
    switch (code) {
    case 1:
        return QStringLiteral("the broker does not speak MQTT 3.1.1");
    case 2:
        return QStringLiteral("the broker refused the client id (choose another with --client-id)");
    case 3:
        return QStringLiteral("the broker is unavailable");
    case 4:
        return QStringLiteral("the broker refused the user name or password");
    case 5:
        // Mosquitto 2.0 answers a wrong password so too.
        return QStringLiteral("the broker does not authorise this client: wrong user name or password, or "
                              "its ACL");
    default:
        return QStringLiteral("the broker refused the connection (code %1)").arg(code);
    }
}

} // namespace

MqttSession::~MqttSession()
{
    close();
}

void MqttSession::close()
{
    if (m_ssl)
        SSL_free(m_ssl);
    m_ssl = nullptr;
    if (m_sslCtx)
        SSL_CTX_free(m_sslCtx);
    m_sslCtx = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_in.clear();
    m_control.clear();
}

Result<bool> MqttSession::connect(const QString &host, int port, const QString &clientId, bool cleanSession,
                                  int keepAliveSeconds, int timeoutMs, const MqttSecurity &security)
{
    close();
    m_messages.clear();
    m_peer = QStringLiteral("%1:%2").arg(host).arg(port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (const int rc =
            ::getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &found);
        rc != 0)
        return Error{QStringLiteral("MQTT %1: cannot resolve the host: %2")
                         .arg(m_peer, QString::fromUtf8(::gai_strerror(rc)))};
    QString why;
    for (addrinfo *a = found; a && m_fd < 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, timeoutMs) == 1 ? 0 : -1;
            int error = rc == 0 ? 0 : ETIMEDOUT;
            socklen_t len = sizeof error;
            if (rc == 0)
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
            errno = error;
            rc = error == 0 ? 0 : -1;
        }
        if (rc != 0) {
            why = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_fd = fd;
    }
    ::freeaddrinfo(found);
    if (m_fd < 0)
        return Error{QStringLiteral("MQTT %1: cannot connect: %2").arg(m_peer, why)};

    if (security.tls)
        if (auto r = startTls(host, security, timeoutMs); !r)
            return r.error();

    m_keepAliveSeconds = keepAliveSeconds;
    QByteArray body;
    appendString(body, "MQTT");
    body.append(char(4)); // protocol level 3.1.1
    // Connect flags (§3.1.2.3): user name 0x80, password 0x40 (only with a user name), clean session 0x02.
    const bool user = !security.username.isEmpty();
    body.append(char((cleanSession ? 0x02 : 0x00) | (user ? 0x80 : 0x00) | (user ? 0x40 : 0x00)));
    body.append(char(keepAliveSeconds >> 8));
    body.append(char(keepAliveSeconds & 0xff));
    appendString(body, clientId.toUtf8());
    if (user) {
        appendString(body, security.username.toUtf8());
        appendString(body, security.password);
    }
    if (auto r = send(packet(connectPacket << 4, body)); !r)
        return r.error();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        for (auto it = m_control.begin(); it != m_control.end(); ++it) {
            if (it->first != connackPacket)
                continue;
            const QByteArray ack = it->second;
            m_control.erase(it);
            if (ack.size() != 2)
                return Error{QStringLiteral("MQTT %1: malformed CONNACK").arg(m_peer)};
            if (ack[1] != 0) {
                const QString reason = connackReason(quint8(ack[1]));
                close();
                return Error{QStringLiteral("MQTT %1: %2").arg(m_peer, reason)};
            }
            return (quint8(ack[0]) & 0x01) != 0;
        }
        if (auto r = receive(int(timeoutMs - waited.elapsed())); !r)
            return r.error();
        if (auto r = parsePackets(); !r)
            return r.error();
    }
    close();
    return Error{QStringLiteral("MQTT %1: no answer to CONNECT within %2 ms").arg(m_peer).arg(timeoutMs)};
}

Result<void> MqttSession::subscribe(const QString &filter, int timeoutMs)
{
    const quint16 id = m_nextPacketId++;
    if (m_nextPacketId == 0)
        m_nextPacketId = 1;
    QByteArray body;
    body.append(char(id >> 8));
    body.append(char(id & 0xff));
    appendString(body, filter.toUtf8());
    body.append(char(1)); // QoS 1: at least once, acknowledged by us
    if (auto r = send(packet(quint8(subscribePacket << 4 | 0x02), body)); !r)
        return r;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        for (auto it = m_control.begin(); it != m_control.end(); ++it) {
            if (it->first != subackPacket || it->second.size() < 3 ||
                qFromBigEndian<quint16>(it->second.constData()) != id)
                continue;
            const quint8 granted = quint8(it->second[2]);
            m_control.erase(it);
            if (granted == 0x80)
                return Error{
                    QStringLiteral("MQTT %1: the broker refused the subscription to \"%2\" (check its "
                                   "ACL)")
                        .arg(m_peer, filter)};
            return {};
        }
        if (auto r = receive(int(timeoutMs - waited.elapsed())); !r)
            return r;
        if (auto r = parsePackets(); !r)
            return r;
    }
    return Error{QStringLiteral("MQTT %1: no answer to SUBSCRIBE within %2 ms").arg(m_peer).arg(timeoutMs)};
}

Result<std::vector<MqttMessage>> MqttSession::poll(int timeoutMs)
{
    if (m_fd < 0)
        return Error{QStringLiteral("MQTT %1: not connected").arg(m_peer)};
    if (m_keepAliveSeconds > 0 && m_sinceSent.elapsed() >= m_keepAliveSeconds * 500)
        if (auto r = send(packet(pingreqPacket << 4, {})); !r)
            return r.error();
    const int wait = m_messages.empty() ? timeoutMs : 0;
    if (auto r = receive(m_keepAliveSeconds > 0 ? std::min(wait, m_keepAliveSeconds * 500) : wait); !r)
        return r.error();
    if (auto r = parsePackets(); !r)
        return r.error();
    m_control.clear(); // PINGRESP and late answers
    return std::exchange(m_messages, {});
}

Result<void> MqttSession::acknowledge(quint16 packetId)
{
    QByteArray body;
    body.append(char(packetId >> 8));
    body.append(char(packetId & 0xff));
    return send(packet(pubackPacket << 4, body));
}

void MqttSession::disconnect()
{
    if (m_fd >= 0)
        (void)send(packet(disconnectPacket << 4, {}));
    close();
}

Result<void> MqttSession::send(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        if (m_fd < 0)
            return Error{QStringLiteral("MQTT %1: not connected").arg(m_peer)};
        if (m_ssl) {
            size_t written = 0;
            const int rc =
                SSL_write_ex(m_ssl, bytes.constData() + sent, size_t(bytes.size() - sent), &written);
            if (rc == 1) {
                sent += qsizetype(written);
                continue;
            }
            const int error = SSL_get_error(m_ssl, rc);
            if ((error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) && waitFor(error, 10'000))
                continue;
            close();
            return Error{QStringLiteral("MQTT %1: TLS connection lost while sending").arg(m_peer)};
        }
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd, POLLOUT, 0};
            if (::poll(&p, 1, 10'000) == 1)
                continue;
        }
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return Error{QStringLiteral("MQTT %1: connection lost while sending: %2").arg(m_peer, why)};
    }
    m_sinceSent.start();
    return {};
}

Result<void> MqttSession::receive(int timeoutMs)
{
    if (m_fd < 0)
        return Error{QStringLiteral("MQTT %1: not connected").arg(m_peer)};
    // Bytes OpenSSL already decrypted are not on the socket any more: no wait for them.
    pollfd p{m_fd, POLLIN, 0};
    const bool pending = m_ssl && SSL_pending(m_ssl) > 0;
    if (!pending && ::poll(&p, 1, std::max(0, timeoutMs)) <= 0)
        return {};
    char buffer[65536];
    while (m_ssl) {
        size_t n = 0;
        const int rc = SSL_read_ex(m_ssl, buffer, sizeof buffer, &n);
        if (rc == 1) {
            m_in.append(buffer, qsizetype(n));
            continue;
        }
        const int error = SSL_get_error(m_ssl, rc);
        if (error == SSL_ERROR_WANT_READ)
            return {};
        if (error == SSL_ERROR_WANT_WRITE) {
            if (waitFor(error, 10'000))
                continue;
        }
        const QString why = error == SSL_ERROR_ZERO_RETURN || error == SSL_ERROR_SYSCALL
                                ? QStringLiteral("the broker closed the connection")
                                : QStringLiteral("TLS error");
        close();
        return Error{QStringLiteral("MQTT %1: connection lost: %2").arg(m_peer, why)};
    }
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            m_in.append(buffer, n);
            if (n < qsizetype(sizeof buffer))
                return {};
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return {};
        if (n < 0 && errno == EINTR)
            continue;
        const QString why = n == 0 ? QStringLiteral("the broker closed the connection")
                                   : QString::fromLocal8Bit(std::strerror(errno));
        close();
        return Error{QStringLiteral("MQTT %1: connection lost: %2").arg(m_peer, why)};
    }
}

bool MqttSession::waitFor(int sslError, int timeoutMs) const
{
    pollfd p{m_fd, short(sslError == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN), 0};
    return ::poll(&p, 1, std::max(0, timeoutMs)) == 1;
}

Result<void> MqttSession::startTls(const QString &host, const MqttSecurity &security, int timeoutMs)
{
    auto fail = [this](const QString &why) -> Error {
        close();
        return Error{QStringLiteral("MQTT %1: TLS: %2").arg(m_peer, why)};
    };
    auto opensslError = []() -> QString {
        char text[256] = {};
        ERR_error_string_n(ERR_get_error(), text, sizeof text);
        ERR_clear_error();
        return QString::fromUtf8(text);
    };
    ERR_clear_error();
    m_sslCtx = SSL_CTX_new(TLS_client_method());
    if (!m_sslCtx)
        return fail(QStringLiteral("cannot create a TLS context: ") + opensslError());
    SSL_CTX_set_min_proto_version(m_sslCtx, TLS1_2_VERSION);
    SSL_CTX_set_verify(m_sslCtx, SSL_VERIFY_PEER, nullptr);
    const int loaded = security.caFile.isEmpty()
                           ? SSL_CTX_set_default_verify_paths(m_sslCtx)
                           : SSL_CTX_load_verify_locations(
                                 m_sslCtx, QFile::encodeName(security.caFile).constData(), nullptr);
    if (loaded != 1)
        return fail(QStringLiteral("cannot read the CA file %1: %2").arg(security.caFile, opensslError()));
    if (!security.certFile.isEmpty()) {
        const QByteArray cert = QFile::encodeName(security.certFile);
        const QByteArray key =
            QFile::encodeName(security.keyFile.isEmpty() ? security.certFile : security.keyFile);
        if (SSL_CTX_use_certificate_chain_file(m_sslCtx, cert.constData()) != 1 ||
            SSL_CTX_use_PrivateKey_file(m_sslCtx, key.constData(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(m_sslCtx) != 1)
            return fail(QStringLiteral("cannot use the client certificate %1 and its key: %2")
                            .arg(security.certFile, opensslError()));
    }
    m_ssl = SSL_new(m_sslCtx);
    if (!m_ssl || SSL_set_fd(m_ssl, m_fd) != 1)
        return fail(QStringLiteral("cannot create a TLS session: ") + opensslError());
    // The broker's certificate must name the host we meant (SAN DNS or IP), not merely chain to the CA.
    const QByteArray name = (security.serverName.isEmpty() ? host : security.serverName).toUtf8();
    SSL_set_hostflags(m_ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (SSL_set1_host(m_ssl, name.constData()) != 1)
        return fail(QStringLiteral("cannot check the name %1").arg(QString::fromUtf8(name)));
    SSL_set_tlsext_host_name(m_ssl, name.constData());
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const int rc = SSL_connect(m_ssl);
        if (rc == 1)
            return {};
        const int error = SSL_get_error(m_ssl, rc);
        if ((error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) && waited.elapsed() < timeoutMs &&
            waitFor(error, int(timeoutMs - waited.elapsed())))
            continue;
        const long verify = SSL_get_verify_result(m_ssl);
        if (verify != X509_V_OK)
            return fail(
                QStringLiteral("the broker's certificate is refused: %1 (expected name %2; CA file %3)")
                    .arg(QString::fromUtf8(X509_verify_cert_error_string(verify)), QString::fromUtf8(name),
                         security.caFile.isEmpty() ? QStringLiteral("the system's") : security.caFile));
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return fail(QStringLiteral("no TLS handshake within %1 ms").arg(timeoutMs));
        return fail(QStringLiteral("handshake failed: %1").arg(opensslError()));
    }
}

Result<void> MqttSession::parsePackets()
{
    qsizetype at = 0;
    auto fail = [this](const QString &why) -> Error {
        close();
        return Error{QStringLiteral("MQTT %1: %2").arg(m_peer, why)};
    };
    for (;;) {
        // Fixed header: type and flags, then the remaining length in up to four bytes of 7 bits.
        if (m_in.size() - at < 2)
            break;
        qint64 length = 0;
        int lengthBytes = 0;
        bool complete = false;
        for (int i = 0; i < 4 && at + 1 + i < m_in.size(); ++i) {
            const quint8 digit = quint8(m_in[at + 1 + i]);
            length |= qint64(digit & 0x7f) << (7 * i);
            lengthBytes = i + 1;
            if ((digit & 0x80) == 0) {
                complete = true;
                break;
            }
        }
        if (!complete) {
            if (lengthBytes == 4)
                return fail(QStringLiteral("malformed packet length"));
            break;
        }
        if (length > maxPacketBytes)
            return fail(QStringLiteral("a packet of %1 bytes is over the limit of %2")
                            .arg(length)
                            .arg(maxPacketBytes));
        const qsizetype headerBytes = 1 + lengthBytes;
        if (m_in.size() - at < headerBytes + length)
            break;
        const quint8 first = quint8(m_in[at]);
        const QByteArray body = m_in.mid(at + headerBytes, length);
        at += headerBytes + length;
        const quint8 type = first >> 4;
        if (type == publishPacket) {
            MqttMessage m;
            m.qos = (first >> 1) & 0x03;
            m.duplicate = (first & 0x08) != 0;
            if (body.size() < 2)
                return fail(QStringLiteral("malformed PUBLISH"));
            const int topicBytes = qFromBigEndian<quint16>(body.constData());
            qsizetype pos = 2 + topicBytes;
            if (body.size() < pos + (m.qos > 0 ? 2 : 0))
                return fail(QStringLiteral("malformed PUBLISH"));
            m.topic = QString::fromUtf8(body.constData() + 2, topicBytes);
            if (m.qos == 2)
                return fail(QStringLiteral("the broker sent a QoS 2 message on a QoS 1 subscription"));
            if (m.qos == 1) {
                m.packetId = qFromBigEndian<quint16>(body.constData() + pos);
                pos += 2;
            }
            m.payload = body.mid(pos);
            m_messages.push_back(std::move(m));
        } else if (type == connackPacket || type == subackPacket || type == pingrespPacket) {
            m_control.emplace_back(type, body);
        } else {
            return fail(QStringLiteral("unexpected packet type %1 from the broker").arg(type));
        }
    }
    m_in.remove(0, at);
    return {};
}

} // namespace vigie::feeds
