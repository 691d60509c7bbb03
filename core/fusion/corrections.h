#pragma once
// A desk's corrections of fusion, as entries: "fusion.join" puts one incident into another, "fusion.split"
// takes a source's reports out of the incident fusion put them in, "fusion.undo" takes either back. Each
// entry carries what the picture needs to fold it on its own (the seqs it moves, the incident it makes), so
// the picture stays a fold of the log; the functions here read the room to write them, and refuse what
// cannot be folded (with a reason a desk can act on). Officials decide: nothing here is automatic.
#include "picture/picture.h"
#include "store/log_store.h"

#include <vector>

namespace vigie::fusion {

/// One source's reports inside a fused incident: what a desk can split out.
struct SplitChoice
{
    QString source;      ///< the incident id its source gave ("data.source_incident")
    QString observation; ///< entry id of its first report
    std::vector<qint64> reports;
    QString type;
    QString title;
    QString agency;
    Timestamp first;
    Timestamp last;
};

/// The sources fusion merged into `incident` (not the one that opened it), in order of their first report.
[[nodiscard]] Result<std::vector<SplitChoice>> splitChoices(const LogStore &store, const Picture &picture,
                                                            const QString &incident);

/// A "fusion.split" draft: the reports `source` sent about `incident` leave it for an incident of their own
/// (id `source`); the source's later reports stay there. It carries what `incident` becomes without them.
[[nodiscard]] Result<Entry> splitDraft(const LogStore &store, const Picture &picture, const QString &incident,
                                       const QString &source, const QString &author, Timestamp now);

/// A "fusion.join" draft: `incident` joins `into` (both in the incident list).
[[nodiscard]] Result<Entry> joinDraft(const Picture &picture, const QString &incident, const QString &into,
                                      const QString &author, Timestamp now);

/// A "fusion.undo" draft for the correction entry `correction` (its id), or for the latest correction in
/// force when `correction` is empty. Undoing a split carries what the incident the reports go back to
/// becomes.
[[nodiscard]] Result<Entry> undoDraft(const LogStore &store, const Picture &picture,
                                      const QString &correction, const QString &author, Timestamp now);

/// The corrections in force, latest first.
[[nodiscard]] std::vector<FusionCorrection> correctionsInForce(const Picture &picture);

} // namespace vigie::fusion
