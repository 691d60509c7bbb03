#pragma once
// A desk without a screen, for tests and benchmarks of a shared room: it writes notes at a steady pace, as a
// liaison at a desk would, and follows the room as the console does, recording for each note another desk
// wrote two delays from that desk's commit (or its link's queueing): to this desk's sight of it (read from
// the room or the replica), and to its fold into this desk's picture (the console's fold, PictureManager::
// poll: the hashes checked, the entries applied) — what a person at the desk can see on the map. Every desk
// of a run on one machine shares the wall clock, so the delays are comparable.
#include "room/room.h"

#include <functional>

namespace vigie {

struct DeskOptions
{
    QString name;            ///< the desk's name, written in each note (data.desk)
    QString agency;          ///< fire, samu, police or officials (or empty)
    double perSecond = 10;   ///< notes written per second
    double seconds = 10;     ///< how long the desk writes
    double drainSeconds = 2; ///< how long it keeps following the room after its last note
    int pollMs = 20;         ///< how often it looks for new entries (the console polls every 100 ms)
};

struct DeskReport
{
    qint64 written = 0;              ///< notes committed (and only those)
    qint64 seen = 0;                 ///< other desks' notes seen
    std::vector<double> latenciesMs; ///< commit at the other desk → seen here, one per note seen
    /// commit at the other desk → folded into this desk's picture, one per note folded (the fold follows
    /// the sight in the same look, and may take in a few notes more that the next look sees)
    std::vector<double> foldLatenciesMs;
    qint64 lastSeq = 0;                                  ///< the room's last seq when the desk stopped
    [[nodiscard]] double percentile(double p) const;     ///< of latenciesMs (0 when empty)
    [[nodiscard]] double foldPercentile(double p) const; ///< of foldLatenciesMs (0 when empty)
};

/// How a desk writes and what it follows: a room directly (a room file, or a server without a replica), or a
/// desk link's queue and replica.
struct DeskIo
{
    std::function<Result<std::vector<Entry>>(std::vector<Entry>)> write; ///< stores, or queues, the drafts
    const LogStore &follow;                                              ///< read for the others' notes
    const Clock &clock;
    std::function<void(const std::vector<Entry> &)> written = {}; ///< after each write that succeeded
};

/// Runs the desk until its time is up or `keepGoing` says stop. Fails only when the room fails.
[[nodiscard]] Result<DeskReport> runDesk(const DeskIo &io, const DeskOptions &options,
                                         const std::function<bool()> &keepGoing = {});
/// The same on `room` directly.
[[nodiscard]] Result<DeskReport> runDesk(Room &room, const DeskOptions &options,
                                         const std::function<bool()> &keepGoing = {});

} // namespace vigie
