#include "ui/desk_panel.h"

#include "ui/labels.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigie::ui {

namespace {

QString clockTime(Timestamp t)
{
    return QLocale().toString(roomTime(t.msecs), QStringLiteral("HH:mm"));
}

} // namespace

QString deskBannerText(const DeskStatus &status)
{
    if (status.online)
        return {};
    const QString since = clockTime(status.offlineSince);
    // French is the source language: its plural is chosen here, English's in the catalogue.
    if (status.pending == 0)
        return PresencePanel::tr(
                   "Hors ligne depuis %1 — rien en attente ; le poste travaille sur sa copie de "
                   "la salle")
            .arg(since);
    if (status.pending == 1)
        return PresencePanel::tr("Hors ligne depuis %1 — 1 entrée en attente, envoyée au retour du réseau")
            .arg(since);
    return PresencePanel::tr("Hors ligne depuis %1 — %2 entrées en attente, envoyées au retour du réseau")
        .arg(since, QLocale().toString(status.pending));
}

PresencePanel::PresencePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("PresencePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("PresenceTable"));
    m_table->setHorizontalHeaderLabels({tr("Poste"), tr("Service"), tr("Présence")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table, 1);
}

void PresencePanel::showStatus(const DeskStatus &status, const QString &thisDesk)
{
    std::vector<DeskPresence> desks = status.presence;
    // This desk first, then the others online, then those gone, each by name.
    std::stable_sort(desks.begin(), desks.end(), [&thisDesk](const DeskPresence &a, const DeskPresence &b) {
        const auto rank = [&thisDesk](const DeskPresence &d) {
            return d.desk == thisDesk ? 0 : d.online ? 1 : 2;
        };
        return rank(a) < rank(b);
    });
    const qsizetype online =
        std::count_if(desks.begin(), desks.end(), [](const DeskPresence &d) { return d.online; });
    if (status.online)
        m_heading->setText(online == 1 ? tr("1 poste en ligne dans la salle")
                                       : tr("%1 postes en ligne dans la salle").arg(online));
    else if (desks.empty())
        m_heading->setText(
            tr("Ce poste est hors ligne depuis %1 : la liste des postes reviendra avec le réseau")
                .arg(clockTime(status.offlineSince)));
    else
        m_heading->setText(tr("Ce poste est hors ligne depuis %1 : voici la liste connue alors")
                               .arg(clockTime(status.offlineSince)));
    m_table->setRowCount(int(desks.size()));
    for (int row = 0; row < int(desks.size()); ++row) {
        const DeskPresence &d = desks[std::size_t(row)];
        const bool self = d.desk == thisDesk;
        auto *name = new QTableWidgetItem(self ? tr("%1 (ce poste)").arg(d.desk) : d.desk);
        auto *agency = new QTableWidgetItem(d.agency.isEmpty() ? QStringLiteral("—") : agencyLabel(d.agency));
        agency->setForeground(agencyColour(d.agency));
        auto *state = new QTableWidgetItem(d.online ? tr("en ligne depuis %1").arg(clockTime(d.since))
                                                    : tr("hors ligne depuis %1").arg(clockTime(d.lastSeen)));
        state->setForeground(d.online ? QColor(0x00, 0x6D, 0x2C) : QColor(0x70, 0x70, 0x70));
        if (self) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, agency);
        m_table->setItem(row, 2, state);
    }
    m_table->resizeColumnsToContents();
}

} // namespace vigie::ui
