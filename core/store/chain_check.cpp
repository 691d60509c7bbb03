#include "store/chain_check.h"

namespace vigie {

ChainCheck::ChainCheck(RoomMode mode, qint64 afterSeq, QByteArray afterHash)
    : m_mode(mode), m_expected(afterSeq + 1), m_prev(std::move(afterHash))
{}

bool ChainCheck::bad(qint64 seq, QString problem)
{
    m_report.firstBadSeq = seq;
    m_report.problem = std::move(problem);
    return false;
}

void ChainCheck::damaged(qint64 seq, QString problem)
{
    if (m_report.intact())
        bad(seq, std::move(problem));
}

bool ChainCheck::next(const Entry &e, QByteArrayView geoJson, QByteArrayView dataJson)
{
    if (!m_report.intact())
        return false;
    if (e.seq != m_expected)
        return bad(m_expected,
                   QStringLiteral("entry %1 is missing (next present is %2)").arg(m_expected).arg(e.seq));
    if (e.prevHash != m_prev)
        return bad(e.seq, QStringLiteral("previous-hash link does not match entry %1").arg(e.seq - 1));
    if ((e.mode == RoomMode::Live) != (m_mode == RoomMode::Live))
        return bad(e.seq, QStringLiteral("entry mode differs from the room's mode"));
    m_canonical.truncate(0);
    appendCanonicalBytes(m_canonical, e, geoJson, dataJson);
    if (sha256(m_canonical) != e.hash)
        return bad(e.seq, QStringLiteral("content does not match its hash (entry altered)"));
    m_prev = e.hash;
    ++m_expected;
    ++m_report.checked;
    return true;
}

void ChainCheck::endsAt(qint64 lastSeq)
{
    const qint64 reached = m_expected - 1;
    if (m_report.intact() && lastSeq > 0 && reached < lastSeq)
        bad(reached + 1, QStringLiteral("log ends early at %1 of %2").arg(reached).arg(lastSeq));
}

} // namespace vigie
