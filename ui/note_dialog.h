#pragma once
// The note and decision dialog of a desk: the text (wrapped as typed), the incident it is about (one of the
// open incidents, or none) and the service it speaks for (the desk's by default). Ctrl+Entrée records it.
#include "log/entry.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace vigie {
struct Picture;
}

namespace vigie::ui {

class NoteDialog : public QDialog
{
    Q_OBJECT
public:
    /// `kind`: note or decision; the incidents offered are the picture's open ones, the most severe first.
    NoteDialog(const QString &kind, const Picture &picture, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;
    void setText(const QString &text);
    /// The incident chosen ("" for none) and the service (fire, samu, police, officials or "").
    [[nodiscard]] QString incident() const;
    void setIncident(const QString &id);
    [[nodiscard]] QString agency() const;
    /// The entry to append (without record time or id), written by `author` at `now`.
    [[nodiscard]] Entry draft(const QString &author, Timestamp now) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_kind;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_incident = nullptr;
    QComboBox *m_agency = nullptr;
};

} // namespace vigie::ui
