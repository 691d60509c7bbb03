#include "ui/ui_texts.h"

#include "ui/dps_dialog.h"
#include "ui/help_dialogs.h"
#include "ui/models/incidents_model.h"
#include "ui/note_dialog.h"
#include "ui/room_opener.h"

#include "log/entry_kinds.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QStatusBar>
#include <QTabBar>
#include <QTextEdit>

namespace vigie::ui {

namespace {

class Walk
{
public:
    std::vector<UiText> texts;

    void add(const QObject *o, const QString &what, const QString &text)
    {
        if (text.trimmed().isEmpty())
            return;
        texts.push_back({QStringLiteral("%1 %2 (%3)")
                             .arg(QString::fromLatin1(o->metaObject()->className()), o->objectName(), what),
                         text});
    }

    void action(const QAction *a)
    {
        if (a->isSeparator())
            return;
        add(a, QStringLiteral("text"), a->text());
        if (a->toolTip() != QString(a->text()).remove(QLatin1Char('&')))
            add(a, QStringLiteral("tooltip"), a->toolTip());
        add(a, QStringLiteral("status tip"), a->statusTip());
        add(a, QStringLiteral("what's this"), a->whatsThis());
        if (a->menu())
            menu(a->menu());
    }

    void menu(const QMenu *m)
    {
        add(m, QStringLiteral("title"), m->title());
        for (const QAction *a : m->actions())
            action(a);
    }

    void headers(const QAbstractItemView *view)
    {
        const QAbstractItemModel *model = view->model();
        if (!model)
            return;
        for (int c = 0; c < model->columnCount(); ++c) {
            add(view, QStringLiteral("header"), model->headerData(c, Qt::Horizontal).toString());
            add(view, QStringLiteral("header tooltip"),
                model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
        }
    }

    /// The rows of a table whose cells the console words (the log, the incidents): a raw code there is the
    /// console's slip, not the room's data. One line a row, its cells joined.
    void rows(const QAbstractItemView *view)
    {
        const QAbstractItemModel *model = view->model();
        if (!model)
            return;
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < model->columnCount(); ++c)
                cells << model->index(r, c).data().toString();
            cells << model->index(r, 0).data(IncidentsModel::SubtitleRole).toString();
            cells.removeAll(QString());
            add(view, QStringLiteral("row"), cells.join(QStringLiteral(" | ")));
        }
    }

    void widget(QWidget *w)
    {
        if (w->isWindow())
            add(w, QStringLiteral("window title"), w->windowTitle());
        add(w, QStringLiteral("tooltip"), w->toolTip());
        add(w, QStringLiteral("what's this"), w->whatsThis());
        add(w, QStringLiteral("status tip"), w->statusTip());
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            add(w, QStringLiteral("title"), dock->windowTitle());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, QStringLiteral("text"), button->text());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, QStringLiteral("text"), label->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *group = qobject_cast<QGroupBox *>(w))
            add(w, QStringLiteral("title"), group->title());
        if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                add(w, QStringLiteral("item"), combo->itemText(i));
        if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, QStringLiteral("tab"), tabs->tabText(i));
                add(w, QStringLiteral("tab tooltip"), tabs->tabToolTip(i));
            }
        if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            headers(view);
            if (view->objectName() == QLatin1String("LogView") ||
                view->objectName() == QLatin1String("IncidentsView"))
                rows(view);
        }
        if (auto *bar = qobject_cast<QMenuBar *>(w))
            for (const QAction *a : bar->actions())
                action(a);
        else if (!qobject_cast<QMenu *>(w))
            for (const QAction *a : w->actions())
                action(a);
        if (auto *status = qobject_cast<QStatusBar *>(w))
            add(w, QStringLiteral("message"), status->currentMessage());
    }
};

} // namespace

std::vector<UiText> widgetTexts(QWidget *root)
{
    Walk walk;
    walk.widget(root);
    for (QWidget *w : root->findChildren<QWidget *>())
        walk.widget(w);
    for (const QShortcut *s : root->findChildren<QShortcut *>())
        walk.add(s, QStringLiteral("what's this"), s->whatsThis());
    return walk.texts;
}

std::vector<UiText> consoleTexts(QMainWindow *window, const Picture &picture)
{
    std::vector<UiText> texts = widgetTexts(window);
    auto walk = [&texts](QWidget *dialog) {
        const std::vector<UiText> more = widgetTexts(dialog);
        texts.insert(texts.end(), more.begin(), more.end());
        delete dialog;
    };
    walk(new ShortcutsDialog(window));
    walk(new AboutDialog(window));
    walk(new OpenRoomDialog(window));
    walk(new NoteDialog(kinds::note, picture, window));
    walk(new NoteDialog(kinds::decision, picture, window));
    auto *dps = new DpsDialog(false, window);
    dps->setAttendance(67'000); // a DPS-GE: every line of the result is shown
    walk(dps);
    // Qt's own dialogs, as the console opens them: their words come from Qt's catalogue.
    auto *files = new QFileDialog(window);
    files->setOption(QFileDialog::DontUseNativeDialog);
    // Opened at the root: its folder list shows the path it is in, data rather than words of the console
    // (a checkout in a folder named like an English word would otherwise read as an untranslated string).
    files->setDirectory(QDir::rootPath());
    walk(files);
    auto *choice = new QInputDialog(window);
    choice->setComboBoxItems({QStringLiteral("-")});
    walk(choice);
    return texts;
}

} // namespace vigie::ui
