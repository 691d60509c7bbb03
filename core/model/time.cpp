#include "model/time.h"

namespace vigie {

QString Timestamp::toIso() const
{
    return toDateTime().toString(Qt::ISODateWithMs);
}

bool endsWithOffset(QStringView text)
{
    // (Z|[+-]\d\d:?\d\d)$, checked by hand: every feed message's times go through here, and the regular
    // expression cost more than the rest of the check.
    if (text.endsWith(u'Z'))
        return true;
    auto digit = [](QChar c) {
        return c >= u'0' && c <= u'9';
    };
    const qsizetype n = text.size();
    for (const qsizetype length : {6, 5}) { // +hh:mm, +hhmm
        if (n < length)
            continue;
        const QStringView tail = text.right(length);
        const bool colon = length == 6;
        if ((tail[0] == u'+' || tail[0] == u'-') && digit(tail[1]) && digit(tail[2]) &&
            (!colon || tail[3] == u':') && digit(tail[length - 2]) && digit(tail[length - 1]))
            return true;
    }
    return false;
}

std::optional<Timestamp> Timestamp::parseIso(const QString &text)
{
    // Qt's ISO parser accepts a missing offset as local time: refuse it explicitly.
    const QString trimmed = text.trimmed();
    if (!endsWithOffset(trimmed))
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return Timestamp::fromDateTime(dt);
}

} // namespace vigie
