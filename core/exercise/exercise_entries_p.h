#pragma once
// The exercise.* entries the player writes, and the one-line summaries the panel and the report show.
#include "log/entry.h"

namespace vigie::exercise {

/// A draft of an exercise.* kind, by `author` (the trainer or the program), at exercise time `at`.
[[nodiscard]] Entry exerciseDraft(QLatin1String kind, const QString &author, Timestamp at);
/// The id of an entry that must never be written twice (an inject played, a check, the start and the end):
/// derived from the room, the scenario and what it is, so that a retry after a crash is recognised by the
/// store (an entry whose id it holds is not appended again).
[[nodiscard]] QUuid fixedEntryId(const QString &room, const QString &scenario, const QString &what);
/// One French line about an inject's content: first line of a text, CAP headline or event, EMSI event name…
[[nodiscard]] QString injectSummary(const QString &format, const QString &content);
/// One line about an entry that did an action: kind, author, and its title, text or unit status.
[[nodiscard]] QString entrySummary(const Entry &entry);

} // namespace vigie::exercise
