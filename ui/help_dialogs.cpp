#include "ui/help_dialogs.h"

#include "util/library_versions.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vigie::ui {

namespace {

/// A menu's or an action's text as read: without its mnemonic ("&Note…" → "Note…").
QString plain(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

/// The panel a widget sits in (its dock's title), or the window.
QString placeOf(const QWidget *w)
{
    for (; w; w = w->parentWidget())
        if (const auto *dock = qobject_cast<const QDockWidget *>(w))
            return dock->windowTitle();
    return ShortcutsDialog::tr("Fenêtre");
}

void addMenuKeys(const QMenu *menu, const QString &where, QSet<const QAction *> &seen,
                 std::vector<KeyHelp> &keys)
{
    for (const QAction *a : menu->actions()) {
        if (a->menu()) {
            addMenuKeys(a->menu(), where + QStringLiteral(" › ") + plain(a->text()), seen, keys);
            continue;
        }
        if (a->shortcuts().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        for (const QKeySequence &k : a->shortcuts())
            keys.push_back({k, plain(a->text()), where});
    }
}

} // namespace

std::vector<KeyHelp> windowKeys(QMainWindow *window)
{
    std::vector<KeyHelp> keys;
    QSet<const QAction *> seen;
    for (const QAction *top : window->menuBar()->actions())
        if (top->menu())
            addMenuKeys(top->menu(), plain(top->text()), seen, keys);
    // Keys that belong to a table or a panel rather than a menu (Ctrl+F in the log, F5 in the proposals).
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (const QWidget *w : std::as_const(widgets)) {
        if (qobject_cast<const QMenu *>(w) || qobject_cast<const QMenuBar *>(w))
            continue;
        for (const QAction *a : w->actions()) {
            if (a->shortcuts().isEmpty() || seen.contains(a))
                continue;
            seen.insert(a);
            for (const QKeySequence &k : a->shortcuts())
                keys.push_back({k, plain(a->text()), placeOf(w)});
        }
    }
    for (const QShortcut *s : window->findChildren<QShortcut *>())
        if (!s->key().isEmpty())
            keys.push_back({s->key(), s->whatsThis(), placeOf(qobject_cast<const QWidget *>(s->parent()))});
    return keys;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window) : QDialog(window)
{
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Raccourcis clavier"));
    const std::vector<KeyHelp> keys = windowKeys(window);
    m_table = new QTableWidget(int(keys.size()), 3, this);
    m_table->setObjectName(QStringLiteral("ShortcutsTable"));
    m_table->setHorizontalHeaderLabels({tr("Touche"), tr("Action"), tr("Menu ou panneau")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < int(keys.size()); ++row) {
        const KeyHelp &k = keys[std::size_t(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(k.key.toString(QKeySequence::NativeText)));
        m_table->setItem(row, 1, new QTableWidgetItem(k.action));
        m_table->setItem(row, 2, new QTableWidgetItem(k.where));
    }
    m_table->resizeColumnsToContents();
    // The map's keys are read by the map itself (no action to list): said once here.
    auto *map = new QLabel(tr("Sur la carte : flèches pour se déplacer, + et − pour zoomer."), this);
    map->setObjectName(QStringLiteral("MapKeys"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(map);
    layout->addWidget(buttons);
    resize(760, 560);
}

QString AboutDialog::aboutText()
{
    QString rows = QStringLiteral("<tr><td>Qt</td><td>%1</td><td>LGPL-3.0-only</td></tr>")
                       .arg(QString::fromLatin1(qVersion()));
    for (const LibraryVersion &l : coreLibraryVersions())
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(l.name.toHtmlEscaped(), l.version.toHtmlEscaped(), l.licence.toHtmlEscaped());
    return QStringLiteral("<h2>Vigie %1</h2><p>%2</p><p>%3</p>"
                          "<table cellspacing=6><tr><th align=left>%4</th><th align=left>%5</th>"
                          "<th align=left>%6</th></tr>%7</table><p>%8</p>")
        .arg(QApplication::applicationVersion().toHtmlEscaped(), tr("Console de coordination de crise."),
             tr("Vigie est distribué sous licence MIT. Il s'appuie sur les bibliothèques suivantes, chacune "
                "sous sa propre licence (identifiants SPDX) :"),
             tr("Bibliothèque"), tr("Version"), tr("Licence"), rows,
             tr("Fond de carte simplifié : secteurs de Marseille (INSEE IRIS) et département (IGN Admin "
                "Express), "
                "Licence Ouverte 2.0 (Etalab)."));
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("À propos de Vigie"));
    auto *text = new QLabel(aboutText(), this);
    text->setObjectName(QStringLiteral("AboutText"));
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse); // to paste into a report
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

QString guidePath()
{
    const QString app = QCoreApplication::applicationDirPath();
    const QStringList candidates{app + QStringLiteral("/../share/doc/vigie/guide.md"),
                                 app + QStringLiteral("/../../docs/guide.md"), // the build tree
                                 QStringLiteral(VIGIE_DOCS_DIR "/guide.md")};
    for (const QString &path : candidates)
        if (QFileInfo::exists(path))
            return QFileInfo(path).canonicalFilePath();
    return {};
}

QDialog *showGuide(QMainWindow *window, const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        // No guide installed: the keys, which the guide would have listed first.
        auto *keys = new ShortcutsDialog(window);
        keys->setWindowTitle(AboutDialog::tr("Guide d'utilisation (absent) — raccourcis clavier"));
        keys->setAttribute(Qt::WA_DeleteOnClose);
        keys->show();
        return keys;
    }
    auto *dialog = new QDialog(window);
    dialog->setObjectName(QStringLiteral("GuideDialog"));
    dialog->setWindowTitle(QCoreApplication::translate("vigie::ui::AboutDialog", "Guide d'utilisation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("GuideText"));
    browser->setSearchPaths({QFileInfo(path).absolutePath()}); // its images
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(QString::fromUtf8(file.readAll()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 700);
    dialog->show();
    return dialog;
}

QMenu *addHelpMenu(QMainWindow *window)
{
    auto *menu = window->menuBar()->addMenu(AboutDialog::tr("&Aide"));
    menu->setObjectName(QStringLiteral("HelpMenu"));
    auto *keys = menu->addAction(AboutDialog::tr("&Raccourcis clavier"));
    keys->setObjectName(QStringLiteral("HelpShortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
    QObject::connect(keys, &QAction::triggered, window, [window] {
        auto *dialog = new ShortcutsDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    auto *guide = menu->addAction(AboutDialog::tr("&Guide d'utilisation"));
    guide->setObjectName(QStringLiteral("HelpGuide"));
    QObject::connect(guide, &QAction::triggered, window, [window] { showGuide(window, guidePath()); });
    menu->addSeparator();
    auto *about = menu->addAction(AboutDialog::tr("À &propos de Vigie"));
    about->setObjectName(QStringLiteral("HelpAbout"));
    QObject::connect(about, &QAction::triggered, window, [window] {
        auto *dialog = new AboutDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    return menu;
}

} // namespace vigie::ui
