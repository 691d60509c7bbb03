#pragma once
// Personal data never reaches the log: every text that enters the room passes through here first.
// Values are replaced by a keyed hash (HMAC-SHA-256 with the room's secret) so the same phone number links
// across messages without being readable, and without the secret nobody can test guesses against it.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vigie {

class Anonymiser
{
public:
    /// `key` is the room's secret (at least 16 bytes).
    explicit Anonymiser(QByteArray key);

    /// Whether people's names in free text are replaced too. An entry's author (the desk or official who
    /// wrote it) is the audit trail and is kept; the names a text mentions are not.
    enum class Names
    {
        Scrub,
        Keep
    };
    /// Replaces e-mail addresses, French phone numbers, licence plates, IBANs and (unless told to keep them)
    /// people's names (privacy/person_names.h) in free text.
    [[nodiscard]] QString scrubText(const QString &text, Names names = Names::Scrub) const;
    /// Scrubs every string in a JSON tree; values of fields that name a person (nom, prenom, caller…, and
    /// "name" inside a person object such as patient or caller) are replaced whole.
    [[nodiscard]] QJsonObject scrubJson(const QJsonObject &object) const;
    /// Raw input kept in the quarantine: scrubbed as UTF-8 text (invalid bytes are replaced first).
    [[nodiscard]] QByteArray scrubBytes(const QByteArray &bytes) const;
    /// The token that replaces a value of a category ("tel", "email", "plaque", "iban", "personne").
    [[nodiscard]] QString token(const QString &category, const QString &normalisedValue) const;
    /// True if a JSON field of that name names who wrote or decided (author, desk…): kept for the audit
    /// trail.
    [[nodiscard]] static bool isAuthorField(const QString &key);
    /// The key of a feed message ("<format>:<sender>/<identifier>"…) for deduplication and the entries'
    /// feed_key: HMAC-SHA-256 with the room's secret, in hex (64 digits). Message identities often hold a
    /// person's identifiers (a caller's number in a case id, a sender's e-mail): without the secret nobody
    /// can recompute a key from a guess.
    [[nodiscard]] QString feedKey(const QString &messageKey) const;
    /// True if a JSON field of that name holds a person's identity.
    [[nodiscard]] static bool isPersonalField(const QString &key);
    /// True if a JSON object under that key describes a person (patient, caller, victim, contact…): its
    /// "name" is then personal too, while the "name" of a hospital or a place is kept.
    [[nodiscard]] static bool isPersonObject(const QString &key);

    /// A fresh random room secret.
    [[nodiscard]] static QByteArray generateKey();

private:
    [[nodiscard]] QString scrubTextNow(const QString &text, Names names) const;
    QByteArray m_key;
};

} // namespace vigie
