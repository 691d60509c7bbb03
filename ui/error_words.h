#pragma once
// A core error as the console shows it, in the console's language. Most core errors are translated where
// they are written (QCoreApplication::translate, their French in ui/i18n/vigie_core_fr.ts): a refused write,
// a failed read, a PDF not written. One kind is not: the room's validation of a draft ("entry 2 of the
// batch: note.add: data.text is required (non-empty string)"), whose sentences are also the reasons the
// ingestor keeps in the quarantine, in English like every stored reason. The console recognises those here,
// as refusal_words.cpp recognises a parser's reasons, and words them in French.
#include <QString>

#include <optional>

namespace vigie::ui {

/// The error in the console's language: the validation sentences worded in French in the French console,
/// any other message as the core wrote it (translated already, or the English console's own words).
[[nodiscard]] QString errorText(const QString &message);
/// The French wording of a validation sentence, nothing when none matches (for the tests).
[[nodiscard]] std::optional<QString> frenchValidationError(const QString &message);

} // namespace vigie::ui
