#include "ui/note_dialog.h"

#include "ui/labels.h"

#include "log/entry_kinds.h"
#include "picture/picture.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::ui {

NoteDialog::NoteDialog(const QString &kind, const Picture &picture, QWidget *parent)
    : QDialog(parent), m_kind(kind)
{
    const bool decision = kind == kinds::decision;
    setObjectName(QStringLiteral("NoteDialog"));
    setWindowTitle(decision ? tr("Décision") : tr("Note"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(decision ? tr("Décision prise (elle sera signée et inscrite à la main courante) :")
                            : tr("Note pour la main courante :"),
                   this));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("NoteText"));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setMinimumSize(480, 140);
    layout->addWidget(m_text, 1);

    auto *form = new QFormLayout;
    m_incident = new QComboBox(this);
    m_incident->setObjectName(QStringLiteral("NoteIncident"));
    m_incident->addItem(tr("Aucune"), QString());
    std::vector<const Incident *> open;
    for (const auto &[id, incident] : picture.incidents)
        if (incident.joinedInto.isEmpty())
            open.push_back(&incident);
    std::stable_sort(open.begin(), open.end(),
                     [](const Incident *a, const Incident *b) { return a->severity > b->severity; });
    // Titles as the list shows them; the reference only where two read the same, and in the tooltip.
    QHash<QString, int> sameTitle;
    for (const Incident *i : open)
        ++sameTitle[incidentTitle(*i)];
    for (const Incident *i : open) {
        const QString title = incidentTitle(*i);
        m_incident->addItem(sameTitle.value(title) > 1 && !i->title.isEmpty()
                                ? QStringLiteral("%1 — %2").arg(title, incidentRef(i->id))
                                : title,
                            i->id);
        m_incident->setItemData(m_incident->count() - 1,
                                QStringLiteral("%1 · %2").arg(incidentRef(i->id), i->id), Qt::ToolTipRole);
    }
    form->addRow(tr("&Intervention :"), m_incident);
    m_agency = new QComboBox(this);
    m_agency->setObjectName(QStringLiteral("NoteAgency"));
    m_agency->addItem(tr("Aucun"), QString());
    for (const char *a : {"fire", "samu", "police", "officials"})
        m_agency->addItem(agencyLabel(QLatin1String(a)), QLatin1String(a));
    m_agency->setCurrentIndex(std::max(0, m_agency->findData(deskAgency())));
    form->addRow(tr("&Service :"), m_agency);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Inscrire (Ctrl+Entrée)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Entrée writes a new line in the text; Ctrl+Entrée records, as in a chat.
    m_text->installEventFilter(this);
    m_text->setFocus();
}

bool NoteDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            if (!text().isEmpty())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString NoteDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

void NoteDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

QString NoteDialog::incident() const
{
    return m_incident->currentData().toString();
}

void NoteDialog::setIncident(const QString &id)
{
    m_incident->setCurrentIndex(std::max(0, m_incident->findData(id)));
}

QString NoteDialog::agency() const
{
    return m_agency->currentData().toString();
}

Entry NoteDialog::draft(const QString &author, Timestamp now) const
{
    Entry e;
    e.kind = m_kind;
    e.eventTime = now;
    e.author = author;
    e.role = QStringLiteral("desk");
    e.agency = agency();
    e.data = QJsonObject{{QStringLiteral("text"), text()}};
    if (!incident().isEmpty())
        e.data.insert(QStringLiteral("incident"), incident());
    return e;
}

} // namespace vigie::ui
