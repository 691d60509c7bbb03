#include "model/time.h"

#include <QRegularExpression>

namespace vigie {

QString Timestamp::toIso() const
{
    return toDateTime().toString(Qt::ISODateWithMs);
}

std::optional<Timestamp> Timestamp::parseIso(const QString &text)
{
    // Qt's ISO parser accepts a missing offset as local time: refuse it explicitly.
    static const QRegularExpression hasOffset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    const QString trimmed = text.trimmed();
    if (!hasOffset.match(trimmed).hasMatch())
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return Timestamp::fromDateTime(dt);
}

} // namespace vigie
