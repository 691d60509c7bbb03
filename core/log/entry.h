#pragma once
// An entry of the room's log (the main courante): immutable once appended, ordered by seq, hash-chained.
#include "model/geo.h"
#include "model/time.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace vigie {

/// A room is live or an exercise, fixed at creation; the mode travels with every entry.
enum class RoomMode
{
    Live,
    Exercise
};
[[nodiscard]] QString roomModeId(RoomMode mode); ///< "live" or "exercise"
[[nodiscard]] std::optional<RoomMode> roomModeFromId(const QString &id);

struct Entry
{
    QUuid id;
    qint64 seq = 0; ///< 1-based position in the room's log, assigned at append
    QString room;   ///< room id
    RoomMode mode = RoomMode::Live;
    Timestamp eventTime;  ///< when it happened, according to the source
    Timestamp recordTime; ///< when it reached the room
    QString author;
    QString role;
    QString agency; ///< "fire", "samu", "police", "officials" or empty
    QString kind;   ///< e.g. "incident.open"; see docs/entries.md
    Geometry geo;
    QJsonObject data;
    QByteArray prevHash; ///< SHA-256 of the previous entry (32 bytes), empty for the first
    QByteArray hash;     ///< SHA-256 of this entry's canonical form (32 bytes)
};

/// The exact bytes that are hashed. geoJson/dataJson are the compact JSON texts stored beside the entry, so
/// that verification recomputes the hash from what is on disk without re-serialising.
[[nodiscard]] QByteArray canonicalBytes(const Entry &entry, const QByteArray &geoJson,
                                        const QByteArray &dataJson);
/// The same bytes appended to `out`, so that a batch can reuse one buffer.
void appendCanonicalBytes(QByteArray &out, const Entry &entry, QByteArrayView geoJson,
                          QByteArrayView dataJson);
/// The canonical bytes between an entry's seq and its previous hash: what a chaining server puts between
/// `["vigie-entry/1","<id>",<seq>` and `<prev hash in hex>"]` (docs/entries.md) once it knows the two.
/// `entry`'s room and mode must be set; its seq and hashes are not read.
[[nodiscard]] QByteArray canonicalMiddle(const Entry &entry, QByteArrayView geoJson, QByteArrayView dataJson);
/// The hash of the entry of id `id` and seq `seq` whose canonical middle is `middle`, chained after `prev`.
[[nodiscard]] QByteArray hashFromMiddle(const QUuid &id, qint64 seq, QByteArrayView middle,
                                        const QByteArray &prev, QByteArray &scratch);
[[nodiscard]] QByteArray compactGeoJson(const Geometry &geo); ///< "" for no geometry
[[nodiscard]] QByteArray compactDataJson(const QJsonObject &data);
[[nodiscard]] QByteArray sha256(const QByteArray &bytes);

/// The texts a store keeps beside an entry, as its hash covers them.
struct EntryTexts
{
    QByteArray geoJson;
    QByteArray dataJson;
};
/// Links `entry` after the entry whose hash is `prev` and sets its hash from its canonical form (seq, id,
/// room and mode must be set); `scratch` is a buffer reused from entry to entry. Every store chains this way.
[[nodiscard]] EntryTexts chainEntry(Entry &entry, const QByteArray &prev, QByteArray &scratch);

/// Appends `text` to `out` as a JSON string literal (quotes included).
void appendJsonString(QByteArray &out, QStringView text);

/// One entry as JSON for `vigie-cli log` and exports.
[[nodiscard]] QJsonObject entryToJson(const Entry &entry);

/// Largest input line of `vigie-cli append` (one entry): 1 MiB. An entry is one fact — a note, a position, an
/// incident, a drawn zone — a few hundred bytes; the largest legitimate ones, zones, stay far below this (1
/// MiB holds a polygon of some 30,000 points). Every desk folds every entry into memory when it opens the
/// room, so a bigger line is a script's mistake (a whole file on one line) that would cost every reader, and
/// it is refused while it is read, never held whole.
inline constexpr qsizetype maxEntryLineBytes = 1024 * 1024;

/// Parses one input line of `vigie-cli append` ({kind, time, author, role?, agency?, geo?, data?}) into a
/// draft entry; record time, seq, room and hashes are set at append.
[[nodiscard]] Result<Entry> draftFromJson(const QByteArray &line);
/// Checks a draft against the rules of its kind (required fields, types). Unknown kinds are accepted.
[[nodiscard]] Result<void> validateDraft(const Entry &draft);
/// Whether `kind` is lower-case words joined by dots ("incident.open", "fusion.join").
[[nodiscard]] bool isKindName(QStringView kind);
/// A new random (version 4) id for an entry. Ids must be unique, not secret: they are drawn from a
/// generator of the calling thread, seeded once from the system's, because QUuid::createUuid() asks the
/// system generator for every id, and on x86 that is one RDRAND instruction per 32 bits (microseconds
/// under a hypervisor), a cost paid per report at feed rates.
[[nodiscard]] QUuid newEntryId();

} // namespace vigie
