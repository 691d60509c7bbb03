#pragma once
// Conflicts in a shared room: desks that write while apart may do the same thing to the same object, and
// their entries are chained when they come back. The first in the chain (lower seq) takes effect; the later
// one stays in the log, takes no effect in the fold, and the picture records a Conflict naming both. The rule
// for each kind that can contend is in docs/entries.md ("conflict"); the fold applies it in picture.cpp.
//
// A conflict is then reported by a `conflict` entry, written by the desk whose entry lost. Its id is derived
// from the loser's id (a name-based UUID, version 5), so that desks that find the same conflict store it
// once: the stores keep an entry whose id they already hold only once.
#include "log/entry.h"

#include <functional>
#include <vector>

namespace vigie {

struct Picture;

/// The entry behind a state of the picture: what a conflict names as its winner or its loser.
struct EntryRef
{
    QUuid id;
    qint64 seq = 0;
    QString author;
    QString kind;
    Timestamp time; ///< event time
    [[nodiscard]] static EntryRef of(const Entry &e) { return {e.id, e.seq, e.author, e.kind, e.eventTime}; }
    friend bool operator==(const EntryRef &, const EntryRef &) = default;
};

/// The decision in force on a suggestion: the first accept or reject of it that took effect.
struct SuggestionDecision
{
    EntryRef entry; ///< suggestion.accept or suggestion.reject
    QString unit;
    QString incident;
    friend bool operator==(const SuggestionDecision &, const SuggestionDecision &) = default;
};

/// One entry that took no effect because an earlier one in the chain did the same thing to the same object.
struct Conflict
{
    EntryRef loser;
    EntryRef winner;
    QString objectKind; ///< "suggestion", "unit" or "incident"
    QString object;     ///< the suggestion's, unit's or incident's id
    QString label;      ///< readable: the unit's callsign, the incident's title (else its id)
    QString unit;       ///< what the losing entry named: the unit (decisions)…
    QString incident;   ///< …and the incident (decisions: the incident; join: the incident joined)
    QString heldOn;     ///< where the winner holds the object: the unit's incident, the incident joined into
    QString unitStatus; ///< unit conflicts: the status that made the unit unavailable
    QString rule = QStringLiteral("first_in_chain");
    bool reported = false; ///< a `conflict` entry about it has been folded
    friend bool operator==(const Conflict &, const Conflict &) = default;
};

/// The id of the `conflict` entry about the entry `loser`: a version-5 UUID of its id in a fixed namespace.
[[nodiscard]] QUuid conflictEntryId(const QUuid &loser);

/// The reason, readable, in English (the language of the record).
[[nodiscard]] QString conflictReason(const Conflict &conflict);

/// `conflict` drafts for the conflicts of `picture` not reported yet that `filter` keeps (all when empty), in
/// the order of their losers.
[[nodiscard]] std::vector<Entry> conflictDrafts(const Picture &picture, const QString &author, Timestamp now,
                                                const std::function<bool(const Conflict &)> &filter = {});

} // namespace vigie
