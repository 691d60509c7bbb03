#pragma once
// Every word the console shows, gathered from its widgets: menus and their actions (texts, tooltips, status
// tips), dock titles and tabs, buttons, labels, fields' placeholders, lists' items, table headers, tooltips,
// the status bar, the rows of the log and of the incidents (worded by the console), and the dialogs it opens
// (built for the walk, never shown). What a translation check reads: `vigie --texts FILE` writes them for the
// window as it starts, and tests/ui/test_words.cpp fails on an English word in the French console and a
// French one in the English console.
#include <QString>

#include <vector>

class QMainWindow;
class QWidget;

namespace vigie {
struct Picture;
}

namespace vigie::ui {

struct UiText
{
    QString where; ///< the widget's class and object name, to find the word in the code
    QString text;
};

/// The texts of `root` and its children (hidden ones included: a hidden dock or menu is still the UI's).
[[nodiscard]] std::vector<UiText> widgetTexts(QWidget *root);
/// The window's texts and those of its dialogs: shortcuts, about, open a room, note and decision, the
/// file dialog, the split-source choice.
[[nodiscard]] std::vector<UiText> consoleTexts(QMainWindow *window, const Picture &picture);

} // namespace vigie::ui
