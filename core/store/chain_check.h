#pragma once
// The one definition of an intact chain, for every store's verify: read in seq order, each entry follows the
// last (no seq missing), links to its hash, has the room's mode and hashes to its content as stored.
#include "store/log_store.h"

namespace vigie {

class ChainCheck
{
public:
    /// Checks the entries after `afterSeq`, whose hash is `afterHash` (empty at the start of the log).
    ChainCheck(RoomMode mode, qint64 afterSeq = 0, QByteArray afterHash = {});
    /// Takes the next entry read, with its stored geometry and data texts; false at the first that breaks the
    /// chain (the report then says where and why).
    [[nodiscard]] bool next(const Entry &e, QByteArrayView geoJson, QByteArrayView dataJson);
    /// After the last entry read: a log that stops before `lastSeq` (its recorded head) has lost its end.
    void endsAt(qint64 lastSeq);
    /// Reports damage at `seq` found otherwise (an unreadable page).
    void damaged(qint64 seq, QString problem);
    /// The entry expected next.
    [[nodiscard]] qint64 expectedSeq() const { return m_expected; }
    [[nodiscard]] const VerifyReport &report() const { return m_report; }

private:
    bool bad(qint64 seq, QString problem);
    RoomMode m_mode;
    qint64 m_expected;
    QByteArray m_prev;
    QByteArray m_canonical;
    VerifyReport m_report;
};

} // namespace vigie
