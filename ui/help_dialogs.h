#pragma once
// The "Aide" menu: the keyboard shortcuts (read from the window's actions and shortcuts, so the list cannot
// drift from the keys that work), the user guide (docs/guide.md) and "À propos" (versions and licences).
#include <QDialog>
#include <QKeySequence>

#include <vector>

class QMainWindow;
class QMenu;
class QTableWidget;

namespace vigie::ui {

/// One key of the console and what it does.
struct KeyHelp
{
    QKeySequence key;
    QString action; ///< the action's text, without its mnemonic
    QString where;  ///< the menu or the panel it belongs to
};

/// Every shortcut of `window`: its menus' actions, the actions of its widgets (tables, panels) and their
/// QShortcuts, in menu order then panel order; each key once per place.
[[nodiscard]] std::vector<KeyHelp> windowKeys(QMainWindow *window);

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);
    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    /// The text shown: versions and licences (HTML).
    [[nodiscard]] static QString aboutText();
};

/// The user guide: docs/guide.md beside the program (installed) or in the source tree, or "" if absent.
[[nodiscard]] QString guidePath();
/// Shows the guide at `path` in a window of its own or, without one, the shortcuts (the guide's first page).
QDialog *showGuide(QMainWindow *window, const QString &path);

/// Adds the "Aide" menu (last in the menu bar): Raccourcis clavier (F1), Guide d'utilisation, À propos.
QMenu *addHelpMenu(QMainWindow *window);

} // namespace vigie::ui
