// The "Aide" menu: the shortcuts dialog lists every key the window answers to (read from its actions), the
// guide opens when there is one, "À propos" names versions and licences; "Salle › Ouvrir une salle…"
// remembers the recent rooms and opens them in a console of their own.
#include "ui/help_dialogs.h"
#include "ui/log_panel.h"
#include "ui/main_window.h"
#include "ui/room_opener.h"

#include "demo/demo_room.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace vigie;

namespace {

struct HelpTest : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<PictureManager> manager;
    std::unique_ptr<ui::MainWindow> window;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
        manager = std::make_unique<PictureManager>(room->store(), clock, room->path());
        ASSERT_TRUE(manager->load());
        window = std::make_unique<ui::MainWindow>(*manager);
        ui::addHelpMenu(window.get());
    }

    QMenu *menu(const QString &title) const
    {
        for (QAction *a : window->menuBar()->actions())
            if (a->menu() && QString(a->text()).remove(u'&') == title)
                return a->menu();
        return nullptr;
    }
};

QString keyText(const QKeySequence &k)
{
    return k.toString(QKeySequence::NativeText);
}

} // namespace

TEST_F(HelpTest, TheHelpMenuComesLastWithShortcutsGuideAndAbout)
{
    const QList<QAction *> menus = window->menuBar()->actions();
    ASSERT_FALSE(menus.isEmpty());
    EXPECT_EQ(QString(menus.last()->text()).remove(u'&'), QStringLiteral("Aide"));
    QMenu *help = menu(QStringLiteral("Aide"));
    ASSERT_NE(help, nullptr);
    QStringList items;
    for (QAction *a : help->actions())
        if (!a->isSeparator())
            items << QString(a->text()).remove(u'&');
    EXPECT_EQ(items, (QStringList{QStringLiteral("Raccourcis clavier"), QStringLiteral("Guide d'utilisation"),
                                  QStringLiteral("À propos de Vigie")}));
    EXPECT_EQ(help->actions().first()->shortcut(), QKeySequence(QKeySequence::HelpContents));
}

TEST_F(HelpTest, TheShortcutsDialogListsEveryKeyOfTheWindow)
{
    ui::ShortcutsDialog dialog(window.get());
    QTableWidget *table = dialog.table();
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        rows << table->item(r, 0)->text() + u'|' + table->item(r, 1)->text();
        EXPECT_FALSE(table->item(r, 1)->text().trimmed().isEmpty())
            << "a key without a description: " << table->item(r, 0)->text().toStdString();
    }
    // Every action of the window that has a key is listed, with its text: counted here apart from the dialog.
    int keyed = 0;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcut().isEmpty())
            continue;
        ++keyed;
        const QString row = keyText(a->shortcut()) + u'|' + QString(a->text()).remove(u'&');
        EXPECT_TRUE(rows.contains(row)) << row.toStdString() << " missing from\n"
                                        << rows.join(u'\n').toStdString();
    }
    for (const QShortcut *s : window->findChildren<QShortcut *>())
        keyed += !s->key().isEmpty();
    EXPECT_GE(table->rowCount(), keyed);
    for (const char *row :
         {"Ctrl+N|Note…", "Ctrl+J|Réunir les interventions sélectionnées", "Ctrl+O|Ouvrir une salle…",
          "Ctrl+F|Rechercher dans la main courante", "Ctrl+2|Main courante"})
        EXPECT_TRUE(rows.contains(QString::fromUtf8(row))) << row << " missing from\n"
                                                           << rows.join(u'\n').toStdString();

    // A key added later is in the list without anyone writing it there.
    auto *extra = new QAction(QStringLiteral("Action ajoutée"), window.get());
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    window->addAction(extra);
    ui::ShortcutsDialog again(window.get());
    EXPECT_EQ(again.table()->rowCount(), table->rowCount() + 1);
}

TEST_F(HelpTest, AboutNamesTheVersionsAndLicences)
{
    const QString text = ui::AboutDialog::aboutText();
    EXPECT_TRUE(text.contains(QString::fromLatin1(qVersion()))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromLatin1(sqlite3_libversion()))) << text.toStdString();
    for (const char *word : {"Boost", "SQLite", "libpq", "LGPL-3.0-only", "BSL-1.0", "MIT"})
        EXPECT_TRUE(text.contains(QLatin1String(word))) << word;
}

TEST_F(HelpTest, TheGuideOpensWhenThereIsOneAndOtherwiseTheKeys)
{
    const QString guide = dir.filePath(QStringLiteral("guide.md"));
    QFile file(guide);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("# Guide de Vigie\n\nPremiers pas dans la salle.\n");
    file.close();
    QDialog *shown = ui::showGuide(window.get(), guide);
    ASSERT_NE(shown, nullptr);
    auto *text = shown->findChild<QTextBrowser *>(QStringLiteral("GuideText"));
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->toPlainText().contains(QStringLiteral("Premiers pas dans la salle")));
    delete shown;

    QDialog *keys = ui::showGuide(window.get(), dir.filePath(QStringLiteral("absent.md")));
    ASSERT_NE(keys, nullptr);
    EXPECT_NE(qobject_cast<ui::ShortcutsDialog *>(keys), nullptr);
    delete keys;
}

TEST(RoomOpener, RemembersRecentRoomsAndOpensThemInAConsoleOfTheirOwn)
{
    QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings().remove(QStringLiteral("rooms/recent"));
    EXPECT_TRUE(ui::recentRooms().isEmpty());
    const QString url = QStringLiteral("postgresql://postgres@127.0.0.1:55432/vigie?room=demo");
    for (int i = 0; i < ui::maxRecentRooms + 2; ++i)
        ui::rememberRoom(config.filePath(QStringLiteral("salle-%1.vigie").arg(i)));
    ui::rememberRoom(url);
    ui::rememberRoom(config.filePath(QStringLiteral("salle-3.vigie")));
    const QStringList recent = ui::recentRooms();
    ASSERT_EQ(recent.size(), ui::maxRecentRooms);
    EXPECT_EQ(recent[0], config.filePath(QStringLiteral("salle-3.vigie")));
    EXPECT_EQ(recent[1], url);
    EXPECT_EQ(recent.count(config.filePath(QStringLiteral("salle-3.vigie"))), 1);

    const QStringList args = ui::consoleArguments(url);
    EXPECT_EQ(args.mid(0, 4),
              (QStringList{QStringLiteral("--room"), url, QStringLiteral("--lang"), QStringLiteral("fr")}));
    EXPECT_TRUE(args.contains(QStringLiteral("--desk")));
    QString error;
    EXPECT_FALSE(ui::openInNewConsole(config.filePath(QStringLiteral("nulle-part.vigie")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("n'existe pas"))) << error.toStdString();

    ui::OpenRoomDialog dialog;
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("RecentRooms"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->count(), ui::maxRecentRooms);
    list->setCurrentRow(1);
    EXPECT_EQ(dialog.location(), url);
    QSettings().remove(QStringLiteral("rooms/recent"));
}
