// A desk's note or decision: wrapped text, an incident to link, the desk's service, Ctrl+Entrée to record.
#include "ui/labels.h"
#include "ui/note_dialog.h"

#include "demo/demo_room.h"
#include "log/entry_kinds.h"
#include "room/room.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace vigie;

TEST(NoteDialog, LinksAnIncidentSpeaksForTheDesksServiceAndRecordsOnCtrlEnter)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto room = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                             RoomMode::Exercise, clock);
    ASSERT_TRUE(room);
    ASSERT_TRUE(writeDemoRoom(**room));
    auto picture = (*room)->picture();
    ASSERT_TRUE(picture);
    ASSERT_FALSE(picture->incidents.empty());

    ui::setDeskAgency(QStringLiteral("samu"));
    ui::NoteDialog dialog(kinds::decision, *picture);
    auto *incidents = dialog.findChild<QComboBox *>(QStringLiteral("NoteIncident"));
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("NoteText"));
    ASSERT_TRUE(incidents && text);
    EXPECT_EQ(incidents->itemText(0), QStringLiteral("Aucune"));
    EXPECT_EQ(incidents->count(), int(picture->incidents.size()) + 1);
    // An incident reads by its title, as in the list; its reference is in the tooltip.
    for (int row = 1; row < incidents->count(); ++row) {
        const Incident &i = picture->incidents.at(incidents->itemData(row).toString());
        EXPECT_EQ(incidents->itemText(row), ui::incidentTitle(i));
        EXPECT_TRUE(incidents->itemData(row, Qt::ToolTipRole).toString().contains(i.id));
    }
    EXPECT_EQ(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    EXPECT_EQ(dialog.agency(), QStringLiteral("samu")); // the desk's service by default

    const QString id = picture->incidents.begin()->first;
    dialog.setIncident(id);
    dialog.show();
    text->setFocus();
    text->insertPlainText(QStringLiteral("Renfort SMUR demandé")); // keyClicks types ASCII only
    QTest::keyClick(text, Qt::Key_Return);                         // a new line, not the end
    EXPECT_TRUE(dialog.isVisible());
    text->insertPlainText(QStringLiteral("sur place à 21 h 10"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);

    const Entry e = dialog.draft(QStringLiteral("poste-samu"), clock.now());
    EXPECT_EQ(e.kind, kinds::decision);
    EXPECT_EQ(e.agency, QStringLiteral("samu"));
    EXPECT_EQ(e.author, QStringLiteral("poste-samu"));
    EXPECT_EQ(e.data.value(QStringLiteral("incident")).toString(), id);
    EXPECT_EQ(e.data.value(QStringLiteral("text")).toString(),
              QStringLiteral("Renfort SMUR demandé\nsur place à 21 h 10"));
    EXPECT_TRUE(validateDraft(e));
    ui::setDeskAgency({});

    // Two incidents with the same title: their references tell them apart.
    Picture twice = *picture;
    Incident copy = twice.incidents.begin()->second;
    ASSERT_FALSE(copy.title.isEmpty());
    copy.id = QStringLiteral("cap:FR-TEST-002");
    twice.incidents[copy.id] = copy;
    ui::NoteDialog again(kinds::note, twice);
    auto *both = again.findChild<QComboBox *>(QStringLiteral("NoteIncident"));
    ASSERT_NE(both, nullptr);
    const int row = both->findData(copy.id);
    ASSERT_GT(row, 0);
    EXPECT_EQ(both->itemText(row), QStringLiteral("%1 — %2").arg(copy.title, ui::incidentRef(copy.id)));
    EXPECT_NE(both->itemText(row), both->itemText(both->findData(id)));
}
