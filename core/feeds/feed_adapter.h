#pragma once
// Every external input goes through one interface: bytes from a source (file, MQTT topic, TCP stream) become
// draft entries grouped by message, or refused items with the source position and the reason. Adapters never
// write to the room; the Ingestor does (dedupe, anonymise, append, quarantine).
#include "log/entry.h"
#include "room/room.h"

#include <QJsonObject>

#include <memory>
#include <vector>

namespace vigie::feeds {

/// Where the bytes come from and what room they are for.
struct FeedContext
{
    QString source;                 ///< file path, topic or stream name (appears in every refusal)
    RoomMode mode = RoomMode::Live; ///< exercise traffic never enters a live room and the reverse
    QString agency;                 ///< default agency when the message does not say
    QString unit;                   ///< default unit id for position streams (NMEA)
    QString sourceLabel;            ///< how the room names the source; empty = keyed token of the file name
    /// XML signatures (see xml_signature.h): a folder of trust anchors (PEM) against which a signer's
    /// certificate is checked; empty = signatures are verified against their own certificate only.
    QString trustAnchors{};
    /// When set, a document whose signature is not valid (invalid or absent) is quarantined whole, with the
    /// reason.
    bool requireSignature = false;
};

/// One message of a feed: its identity for dedupe and the drafts it yields.
struct FeedMessage
{
    QString key;      ///< "<format>:<source message id>" or "<format>:sha256:<content hash>"
    QString position; ///< where in the source
    std::vector<Entry> drafts;
};

struct FeedBatch
{
    std::vector<FeedMessage> messages;
    std::vector<Rejected> rejected;
    qint64 ignored = 0; ///< well-formed input that carries nothing for the picture (NMEA GSV, no fix…)
    void reject(const QString &position, const QString &reason, const QByteArray &input)
    {
        rejected.push_back({position, reason, input});
    }
};

/// One feed format (`…Adapter`): recognises and parses its bytes.
class FeedAdapter
{
public:
    virtual ~FeedAdapter() = default;
    [[nodiscard]] virtual QString format() const = 0; ///< "cap", "edxl", "emsi", "nmea", "csv", "geojson"
    /// How sure the adapter is that these bytes are its format (0 = not at all, 100 = certain).
    [[nodiscard]] virtual int sniff(const QByteArray &bytes) const = 0;
    [[nodiscard]] virtual FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const = 0;
};

/// Largest single input accepted: bigger inputs are refused whole (a gateway bug or an attack).
inline constexpr qsizetype maxMessageBytes = 16 * 1024 * 1024;
/// Largest input of a line stream (NMEA), whose lines are many small messages: read in one batch up to this.
inline constexpr qsizetype maxStreamBytes = 4 * maxMessageBytes;
/// The largest input of a format, read no further than this: maxStreamBytes for "nmea", else maxMessageBytes.
[[nodiscard]] qsizetype maxInputBytes(const QString &format);

/// Reason to refuse a message whose exercise status (CAP status, EDXL distributionStatus, EMSI MODE) does
/// not match the room's mode; nullopt when it may enter.
[[nodiscard]] std::optional<QString> modeRefusal(const QString &status, RoomMode mode);
/// Empty when `bytes` is valid UTF-8, else where it is not.
[[nodiscard]] QString utf8Problem(const QByteArray &bytes);
/// The common checks before parsing: size and encoding. Empty when fine.
[[nodiscard]] QString inputProblem(const QByteArray &bytes);
/// "<format>:sha256:<hex>" for messages without their own id.
[[nodiscard]] QString contentKey(const QString &format, const QByteArray &bytes);

/// The name of the root of an XML document (local name, prolog and comments skipped) or the first key of
/// a JSON object, read from the first KiB; empty when neither.
[[nodiscard]] QString documentRoot(const QByteArray &bytes);

/// Reads a path "a/b/c" in a JSON tree (objects only; arrays take their first element).
[[nodiscard]] QJsonValue pick(const QJsonObject &object, QStringView path);
[[nodiscard]] QString pickString(const QJsonObject &object, QStringView path);
/// Numbers may arrive as JSON numbers or as XML text.
[[nodiscard]] std::optional<double> pickNumber(const QJsonObject &object, QStringView path);
/// A value that may be one object or an array of them, as a list.
[[nodiscard]] std::vector<QJsonObject> objects(const QJsonValue &value);
/// A value that may be one string or an array of them, as a list.
[[nodiscard]] QStringList strings(const QJsonValue &value);

/// The agency a sender id suggests ("fr.health.*" → samu, "sdis"/"bmpm"/"fire" → fire, "police" → police).
[[nodiscard]] QString agencyFromSender(const QString &sender, const QString &fallback);

} // namespace vigie::feeds
