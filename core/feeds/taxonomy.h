#pragma once
// Our incident types and the families fusion compares. What a sender meant is read from all it says together
// (documented in data/feeds/taxonomy.md): a code of a known nomenclature, then its words, then the CAP
// category or EMSI family as a weak prior, then who sent it. Two reports can be one incident only if their
// families are compatible.
#include <QString>
#include <QStringList>

namespace vigie::feeds {

/// Everything a message says about what happened, as the adapter found it.
struct TypingEvidence
{
    QString format; ///< "cap", "emsi", "hubsante", "csv", "geojson"…
    QStringList
        codes;    ///< nomenclature codes: "valueName=value" (CAP eventCode) or bare ("C04.05.04", "FIR/CLA")
    QString text; ///< the sender's words: CAP event and headline, Hub Santé label, EMSI name, a label
    QStringList categories; ///< CAP <category> values (a weak prior)
    QString sender;         ///< the sender or its service ("samu13", "bmpm", "meteo-france"), the last hint
};

/// A type and why: `reason` names the rule that decided, e.g. "code:cisu:C04.05", "words:feu de foret",
/// "code:cisu:C04+words:broussaille", "category:Fire", "sender:samu", "none".
struct Typing
{
    QString type;
    QString reason;
};

/// Our type for what a message says, with the reason.
[[nodiscard]] Typing typeIncident(const TypingEvidence &evidence);
/// Shorthand for one string that is at once code, words and category (free labels, old callers).
[[nodiscard]] QString typeFromCode(const QString &format, const QString &code);
/// The family of one of our types: "fire", "medical", "traffic", "hazmat", "weather", "crowd", "security",
/// "other".
[[nodiscard]] QString familyOf(const QString &type);
/// True when reports of these two types may describe the same incident ("other" is compatible with all).
[[nodiscard]] bool compatibleTypes(const QString &a, const QString &b);

} // namespace vigie::feeds
