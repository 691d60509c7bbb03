#pragma once
// Why an input was refused, and where, in the console's language. The room keeps each refusal as the sentence
// its parser wrote (English: `vigie-cli quarantine` prints it as stored); the console recognises that
// sentence among the parsers' templates (refusal_words.cpp, one per reason, its values captured) and words it
// in French. The English console shows the parser's sentence, which is its English wording.
#include <QString>
#include <QStringList>

#include <optional>

namespace vigie::ui {

/// The reason in the console's language. A reason no template recognises is shown as stored, marked as such
/// in French ("motif non traduit : …"): tests/ui/test_refusal_words.cpp keeps that from happening for every
/// reason the parsers give on the fuzz corpora and the sample feeds.
[[nodiscard]] QString refusalReasonText(const QString &reason);
/// Where in its input a refused item was ("line 4", "document info[0]/area[1]", "features[3]").
[[nodiscard]] QString refusalPlaceText(const QString &position);
/// The French wording of a reason, nothing when no template recognises it (for the tests).
[[nodiscard]] std::optional<QString> frenchRefusalReason(const QString &reason);
/// `pattern` with %1…%9 replaced by `values`, in one pass (a value holding "%2" stays as it is): the
/// catalogues' French, filled with what a sentence captured (here and in error_words.cpp).
[[nodiscard]] QString fillPlaceholders(const QString &pattern, const QStringList &values);

} // namespace vigie::ui
